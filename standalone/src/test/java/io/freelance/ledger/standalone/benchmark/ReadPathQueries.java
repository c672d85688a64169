package io.freelance.ledger.standalone.benchmark;

import io.freelance.ledger.standalone.DemoUser;

import static org.assertj.core.api.Assertions.assertThat;

import io.freelance.ledger.ledger.LedgerAccount;
import io.freelance.ledger.ledger.LedgerAccounts;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import tools.jackson.databind.JsonNode;

/**
 * The reads the benchmark times, in terms of the GraphQL API only, each with the answer the synthetic
 * history says is correct at the moment it is built.
 */
final class ReadPathQueries {

    static final int PAGE_SIZE = 20;
    private static final int MAX_LISTED_ACCOUNTS = 1_000;

    private static final String CONTRACT = """
            query Contract($id: ID!) { contract(id: $id) {
              id status client { id } freelancer { id }
              milestones { id status depositAmount { amount currency } } escrow { currentEscrowAmount { amount } } } }""";
    private static final String CONTRACTS = """
            { contracts(first: 20) {
              edges { cursor node { id status offeredAt client { id } freelancer { id } } }
              pageInfo { hasNextPage endCursor } } }""";
    private static final String LEDGER_ACCOUNTS = "{ ledgerAccounts { account currency balance { amount currency } } }";
    private static final String LEDGER_ACCOUNT = """
            query Account($account: String!) { ledgerAccount(account: $account, currency: "USD") {
              account balance { amount }
              statement(first: 20) { edges { node { entryId amount { amount } balanceAfter { amount } } } pageInfo { hasNextPage } } } }""";
    private static final String TRIAL_BALANCE = """
            { trialBalance(currency: "USD") { accountCount total { amount } balanced truncated accounts { account balance { amount } } } }""";

    private ReadPathQueries() {
    }

    static List<ReadPathQuery> all(SyntheticMarketplace marketplace) {
        ExpectedLedger ledger = marketplace.expectedLedger();
        List<String> aliceContracts = List.copyOf(marketplace.aliceContractIds());
        return List.of(
                contractById(aliceContracts),
                contractPage("contracts(first: 20), alice (many)", DemoUser.ALICE, aliceContracts.size(),
                        aliceContracts.get(aliceContracts.size() - 1)),
                contractPage("contracts(first: 20), bob (few)", DemoUser.BOB, marketplace.bobContractCount(), null),
                ledgerAccounts(DemoUser.CAROL, ledger.balancesOwnedBy(SyntheticMarketplace.CAROL)),
                ledgerAccount("ledgerAccount+statement, alice's charges", DemoUser.ALICE,
                        LedgerAccounts.clientCharges(SyntheticMarketplace.ALICE), ledger),
                ledgerAccount("ledgerAccount+statement, marketplace fees (erin)", DemoUser.ERIN,
                        LedgerAccounts.MARKETPLACE_FEES, ledger),
                trialBalance(ledger.accountCount()));
    }

    private static ReadPathQuery contractById(List<String> aliceContracts) {
        Random random = new Random(1);
        return new ReadPathQuery("contract(id), alice", DemoUser.ALICE, CONTRACT,
                () -> Map.of("id", aliceContracts.get(random.nextInt(aliceContracts.size()))),
                (variables, data) -> {
                    JsonNode contract = data.path("contract");
                    assertThat(contract.path("id").asString()).isEqualTo(variables.get("id"));
                    assertThat(contract.path("client").path("id").asString()).isEqualTo(SyntheticMarketplace.ALICE);
                    assertThat(contract.path("milestones").isEmpty()).as("milestones").isFalse();
                });
    }

    /** {@code newestContractId}: the contract that must come first, when known. */
    private static ReadPathQuery contractPage(String name, DemoUser user, int partyContracts, String newestContractId) {
        return new ReadPathQuery(name, user, CONTRACTS, Map::of, (variables, data) -> {
            JsonNode page = data.path("contracts");
            JsonNode edges = page.path("edges");
            assertThat(edges.size()).as("contracts on the first page").isEqualTo(Math.min(PAGE_SIZE, partyContracts));
            assertThat(page.path("pageInfo").path("hasNextPage").asBoolean()).isEqualTo(partyContracts > PAGE_SIZE);
            String previousOfferedAt = null;
            for (JsonNode edge : edges) {
                JsonNode contract = edge.path("node");
                assertThat(List.of(contract.path("client").path("id").asString(), contract.path("freelancer").path("id").asString()))
                        .as("parties of " + contract.path("id").asString()).contains(user.id());
                String offeredAt = contract.path("offeredAt").asString();
                if (previousOfferedAt != null) {
                    assertThat(offeredAt).as("newest offer first").isLessThanOrEqualTo(previousOfferedAt);
                }
                previousOfferedAt = offeredAt;
            }
            if (newestContractId != null) {
                assertThat(edges.get(0).path("node").path("id").asString()).isEqualTo(newestContractId);
            }
        });
    }

    private static ReadPathQuery ledgerAccounts(DemoUser user, Map<String, BigDecimal> expectedBalances) {
        return new ReadPathQuery("ledgerAccounts, carol", user, LEDGER_ACCOUNTS, Map::of, (variables, data) -> {
            Map<String, BigDecimal> answered = new TreeMap<>();
            for (JsonNode account : data.path("ledgerAccounts")) {
                answered.put(account.path("account").asString(), new BigDecimal(account.path("balance").path("amount").asString()));
            }
            assertThat(answered.keySet()).isEqualTo(expectedBalances.keySet());
            expectedBalances.forEach((account, balance) ->
                    assertThat(answered.get(account)).as(account).isEqualByComparingTo(balance));
        });
    }

    private static ReadPathQuery ledgerAccount(String name, DemoUser user, LedgerAccount account, ExpectedLedger ledger) {
        BigDecimal balance = ledger.balance(account);
        int postings = ledger.postingCount(account);
        return new ReadPathQuery(name, user, LEDGER_ACCOUNT, () -> Map.of("account", account.name()), (variables, data) -> {
            JsonNode answered = data.path("ledgerAccount");
            assertThat(new BigDecimal(answered.path("balance").path("amount").asString())).isEqualByComparingTo(balance);
            JsonNode edges = answered.path("statement").path("edges");
            assertThat(edges.size()).as("postings on the first page").isEqualTo(Math.min(PAGE_SIZE, postings));
            assertThat(answered.path("statement").path("pageInfo").path("hasNextPage").asBoolean()).isEqualTo(postings > PAGE_SIZE);
            BigDecimal balanceAfterNewer = balance;
            for (JsonNode edge : edges) {
                JsonNode posting = edge.path("node");
                BigDecimal balanceAfter = new BigDecimal(posting.path("balanceAfter").path("amount").asString());
                assertThat(balanceAfter).as("balance after " + posting.path("entryId").asString()).isEqualByComparingTo(balanceAfterNewer);
                balanceAfterNewer = balanceAfter.subtract(new BigDecimal(posting.path("amount").path("amount").asString()));
            }
        });
    }

    private static ReadPathQuery trialBalance(int accountCount) {
        return new ReadPathQuery("trialBalance(USD), erin", DemoUser.ERIN, TRIAL_BALANCE, Map::of, (variables, data) -> {
            JsonNode trialBalance = data.path("trialBalance");
            assertThat(trialBalance.path("balanced").asBoolean()).as("balanced").isTrue();
            assertThat(new BigDecimal(trialBalance.path("total").path("amount").asString())).isEqualByComparingTo(BigDecimal.ZERO);
            assertThat(trialBalance.path("accountCount").asInt()).isEqualTo(accountCount);
            assertThat(trialBalance.path("truncated").asBoolean()).isEqualTo(accountCount > MAX_LISTED_ACCOUNTS);
            assertThat(trialBalance.path("accounts").size()).isEqualTo(Math.min(MAX_LISTED_ACCOUNTS, accountCount));
        });
    }
}
