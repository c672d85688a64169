package io.freelance.ledger.standalone;

/** The demo users of standalone mode, as listed in application.yml and the README. */
public enum DemoUser {
    ALICE("alice-pass"),
    BOB("bob-pass"),
    CAROL("carol-pass"),
    DAVE("dave-pass"),
    ERIN("erin-pass"),
    FRANK("frank-pass");

    private final String password;

    DemoUser(String password) {
        this.password = password;
    }

    public String id() {
        return name().toLowerCase();
    }

    public String password() {
        return password;
    }
}
