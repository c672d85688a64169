package io.freelance.ledger.standalone;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;

/**
 * Finds money booked twice by reading statements posting by posting: no journal entry may appear
 * twice on an account, and each released flow leaves exactly its own postings on its parties'
 * accounts: one charge, one credit and one debit of the freelancer's pending balance, one credit of
 * the available balance.
 */
final class StatementPostings {

    record Posting(String entryId, BigDecimal amount, String contractId) {
    }

    private static final int MAXIMUM_PAGES = 100;

    private StatementPostings() {
    }

    static List<String> bookedOtherThanOnce(LedgerApi api, List<FixedPriceFlow> releasedFlows) {
        List<String> problems = new ArrayList<>();
        Set<String> chargeAccounts = new LinkedHashSet<>();
        Set<String> freelancerAccounts = new LinkedHashSet<>();
        releasedFlows.forEach(flow -> {
            chargeAccounts.add(LedgerSnapshot.key("client:" + flow.client().id() + ":charges", flow.currency()));
            freelancerAccounts.add(LedgerSnapshot.key("freelancer:" + flow.freelancer().id(), flow.currency()));
        });
        for (String key : chargeAccounts) {
            Map<String, List<Posting>> byContract = read(api, key, problems);
            for (FixedPriceFlow flow : releasedFlows) {
                if (key.equals(LedgerSnapshot.key("client:" + flow.client().id() + ":charges", flow.currency()))) {
                    expect(flow, key, byContract, List.of(flow.charged().negate()), problems);
                }
            }
        }
        for (String freelancer : freelancerAccounts) {
            String[] parts = freelancer.split(" ");
            String pending = LedgerSnapshot.key(parts[0] + ":pending", parts[1]);
            String available = LedgerSnapshot.key(parts[0] + ":available", parts[1]);
            Map<String, List<Posting>> pendingByContract = read(api, pending, problems);
            Map<String, List<Posting>> availableByContract = read(api, available, problems);
            for (FixedPriceFlow flow : releasedFlows) {
                if (freelancer.equals(LedgerSnapshot.key("freelancer:" + flow.freelancer().id(), flow.currency()))) {
                    BigDecimal paid = flow.paidToFreelancer();
                    expect(flow, pending, pendingByContract, List.of(paid, paid.negate()), problems);
                    expect(flow, available, availableByContract, List.of(paid), problems);
                }
            }
        }
        return problems;
    }

    private static void expect(FixedPriceFlow flow, String account, Map<String, List<Posting>> byContract,
                               List<BigDecimal> amounts, List<String> problems) {
        String contractId = flow.contractId().orElseThrow();
        List<BigDecimal> actual = byContract.getOrDefault(contractId, List.of()).stream().map(Posting::amount).sorted().toList();
        List<BigDecimal> expected = amounts.stream().sorted().toList();
        if (!actual.equals(expected)) {
            problems.add(flow.name() + " on " + account + ": postings " + actual + ", expected " + expected);
        }
    }

    /** An account's postings by the contract that caused them; notes any entry id seen twice. */
    private static Map<String, List<Posting>> read(LedgerApi api, String accountAndCurrency, List<String> problems) {
        String[] parts = accountAndCurrency.split(" ");
        List<Posting> postings = new ArrayList<>();
        String after = null;
        for (int page = 0; page < MAXIMUM_PAGES; page++) {
            JsonNode statement = api.statement(parts[0], parts[1], after).dataAt("ledgerAccount.statement");
            for (JsonNode edge : statement.path("edges")) {
                JsonNode node = edge.path("node");
                postings.add(new Posting(node.path("entryId").asString(), Amounts.exact(node.path("amount").path("amount").asString()),
                        node.path("cause").path("contractId").asString("")));
            }
            if (!statement.path("pageInfo").path("hasNextPage").asBoolean()) {
                break;
            }
            after = statement.path("pageInfo").path("endCursor").asString();
        }
        Set<String> seen = new HashSet<>();
        postings.stream().filter(posting -> !seen.add(posting.entryId()))
                .forEach(posting -> problems.add(accountAndCurrency + ": entry " + posting.entryId() + " posted twice"));
        return postings.stream().collect(Collectors.groupingBy(Posting::contractId));
    }
}
