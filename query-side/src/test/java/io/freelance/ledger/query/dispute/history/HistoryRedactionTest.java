package io.freelance.ledger.query.dispute.history;

import static org.assertj.core.api.Assertions.assertThat;

import io.freelance.ledger.common.Actor;
import io.freelance.ledger.common.Money;
import io.freelance.ledger.common.Role;
import io.freelance.ledger.escrow.EscrowAccountId;
import io.freelance.ledger.escrow.MilestoneFundedEvent;
import io.freelance.ledger.ledger.EntryCause;
import io.freelance.ledger.ledger.FeeRates;
import io.freelance.ledger.ledger.JournalEntry;
import io.freelance.ledger.ledger.JournalLeg;
import io.freelance.ledger.ledger.LedgerAccounts;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** The rule by which a party reads its contract's history; staff read it whole. */
class HistoryRedactionTest {

    private static final String CONTRACT = "c42";
    private static final Instant AT = Instant.parse("2026-11-30T10:00:00Z");
    private static final HistoryActor ALICE_ACTING = new HistoryActor("alice", Role.CLIENT);
    private static final HistoryActor FRANK_ACTING = new HistoryActor("frank", Role.DISPUTE_HANDLER);

    @Test
    void staffReadEveryEventWhole() {
        HistoryEvent funded = event(ALICE_ACTING, EventPayloads.toJson(milestoneFunded()));

        for (Role staff : List.of(Role.DISPUTE_HANDLER, Role.FINANCE)) {
            assertThat(HistoryRedaction.forReader(funded, reader("someone", staff))).isSameAs(funded);
        }
    }

    @Test
    void aPartySeesOnlyTheLegsOnItsOwnAccountsAndTheContractsEscrow() {
        HistoryEvent funded = event(ALICE_ACTING, EventPayloads.toJson(milestoneFunded()));

        assertThat(accounts(HistoryRedaction.forReader(funded, reader("alice", Role.CLIENT))))
                .containsExactlyInAnyOrder("client:alice:charges", "escrow:" + CONTRACT);
        assertThat(accounts(HistoryRedaction.forReader(funded, reader("carol", Role.FREELANCER))))
                .containsExactly("escrow:" + CONTRACT);
        // The stored event is not changed for the next reader.
        assertThat(accounts(funded)).hasSize(3);
    }

    @Test
    void amountsAreExactDecimalStringsAndRetryBookkeepingIsRemovedForParties() {
        HistoryEvent funded = event(ALICE_ACTING, EventPayloads.toJson(milestoneFunded()));
        assertThat(funded.payload().path("depositAmount").path("amount").asString()).isEqualTo("100.00");
        assertThat(funded.payload().path("marketplaceFee").path("amount").asString()).isEqualTo("5.00");

        JsonNode seen = HistoryRedaction.forReader(funded, reader("alice", Role.CLIENT)).payload();

        assertThat(seen.has("idempotencyId")).isFalse();
        assertThat(seen.path("chargedToClient").path("amount").asString()).isEqualTo("105.00");
    }

    @Test
    void staffActAsTheirRoleForPartiesInTheActorAndWhereverThePayloadNamesThem() {
        HistoryEvent decided = event(FRANK_ACTING, json("""
                {"contractId":"c42","decidedBy":"frank","decidedByRole":"DISPUTE_HANDLER","note":"Two cells refunded.",
                 "cells":[{"reviewedBy":"frank"}]}"""));

        HistoryEvent seen = HistoryRedaction.forReader(decided, reader("carol", Role.FREELANCER));

        assertThat(seen.actor()).isEqualTo(new HistoryActor(null, Role.DISPUTE_HANDLER));
        assertThat(seen.payload().path("decidedBy").asString()).isEqualTo("DISPUTE_HANDLER");
        assertThat(seen.payload().path("cells").get(0).path("reviewedBy").asString()).isEqualTo("DISPUTE_HANDLER");
        assertThat(seen.payload().path("note").asString()).isEqualTo("Two cells refunded.");
        assertThat(seen.payload().toString()).doesNotContain("frank");
    }

    @Test
    void staffNamedOnlyInThePayloadAreHiddenToo() {
        HistoryEvent paused = event(new HistoryActor("system", Role.SYSTEM), json("""
                {"contractId":"c42","pausedBy":"frank","pausedByRole":"DISPUTE_HANDLER","reason":"Under review"}"""));

        HistoryEvent seen = HistoryRedaction.forReader(paused, reader("alice", Role.CLIENT));

        assertThat(seen.actor()).isEqualTo(new HistoryActor("system", Role.SYSTEM));
        assertThat(seen.payload().path("pausedBy").asString()).isEqualTo("DISPUTE_HANDLER");
    }

    @Test
    void thePartiesOfTheContractAndTheServiceAreNamed() {
        HistoryEvent accepted = event(new HistoryActor("carol", Role.FREELANCER), json("""
                {"contractId":"c42","clientId":"alice","freelancerId":"carol"}"""));

        HistoryEvent seen = HistoryRedaction.forReader(accepted, reader("alice", Role.CLIENT));

        assertThat(seen.actor()).isEqualTo(new HistoryActor("carol", Role.FREELANCER));
        assertThat(seen.payload()).isEqualTo(accepted.payload());
    }

    @Test
    void staffOnlyFieldsAreRemovedForPartiesWhereverTheyAre() {
        HistoryEvent mediated = event(FRANK_ACTING, json("""
                {"contractId":"c42","proposal":{"amount":"50.00","internalNote":"Client seems credible"},
                 "internalAssessment":"split"}"""));

        JsonNode seen = HistoryRedaction.forReader(mediated, reader("alice", Role.CLIENT)).payload();

        assertThat(seen.has("internalAssessment")).isFalse();
        assertThat(seen.path("proposal").has("internalNote")).isFalse();
        assertThat(seen.path("proposal").path("amount").asString()).isEqualTo("50.00");
        assertThat(HistoryRedaction.forReader(mediated, reader("frank", Role.DISPUTE_HANDLER)).payload()
                .path("internalAssessment").asString()).isEqualTo("split");
    }

    private static MilestoneFundedEvent milestoneFunded() {
        JournalEntry entry = new JournalEntry("entry-1", AT, EntryCause.milestone("funding", CONTRACT, "m1"),
                FeeRates.UPWORK_DEFAULT, List.of(
                new JournalLeg(LedgerAccounts.clientCharges("alice"), Money.of("-105.00", "USD")),
                new JournalLeg(LedgerAccounts.escrow(CONTRACT), Money.of("100.00", "USD")),
                new JournalLeg(LedgerAccounts.MARKETPLACE_FEES, Money.of("5.00", "USD"))));
        return new MilestoneFundedEvent(EscrowAccountId.forContract(CONTRACT), CONTRACT, "m1", "fund-key-id",
                Money.of("100.00", "USD"), Money.of("0.00", "USD"), Money.of("105.00", "USD"), Money.of("5.00", "USD"),
                entry, AT);
    }

    private static HistoryEvent event(HistoryActor actor, ObjectNode payload) {
        return new HistoryEvent("event-1", "SomeEvent", AT, "EscrowAccount", EscrowAccountId.forContract(CONTRACT), 3, 17L,
                actor, "request-1", "command-1", CONTRACT, payload);
    }

    private static HistoryReader reader(String userId, Role role) {
        return new HistoryReader(new Actor(userId, role), CONTRACT, "alice", "carol");
    }

    private static List<String> accounts(HistoryEvent event) {
        List<String> accounts = new ArrayList<>();
        event.payload().path("journalEntry").path("legs").forEach(leg -> accounts.add(leg.path("account").asString()));
        return accounts;
    }

    private static ObjectNode json(String text) {
        return (ObjectNode) JsonMapper.builder().build().readTree(text);
    }
}
