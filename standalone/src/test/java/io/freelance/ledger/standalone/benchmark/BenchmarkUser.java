package io.freelance.ledger.standalone.benchmark;

/** The demo users the benchmark signs in as, with the passwords standalone mode's application.yml gives them. */
enum BenchmarkUser {
    ALICE("alice-pass"),
    BOB("bob-pass"),
    CAROL("carol-pass"),
    ERIN("erin-pass");

    private final String password;

    BenchmarkUser(String password) {
        this.password = password;
    }

    String id() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    String password() {
        return password;
    }
}
