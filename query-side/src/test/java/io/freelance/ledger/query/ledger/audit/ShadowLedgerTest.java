package io.freelance.ledger.query.ledger.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.freelance.ledger.query.testsupport.Entries;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ShadowLedgerTest {

    private final ShadowLedger shadow = new ShadowLedger(null, null);

    @Test
    void anEntryStoredTwiceCountsOnce() {
        shadow.apply(movement(1, "e1"));
        shadow.apply(movement(2, "e1"));

        assertThat(shadow.movementsApplied()).isEqualTo(1);
        assertThat(shadow.repeatsIgnored()).isEqualTo(1);
        assertThat(shadow.balances().get("escrow:c1|USD").balanceMinorUnits()).isEqualTo(10_000);
    }

    @Test
    void nothingIsAppliedOnceTheReplayHasReadItsLastEvent() {
        shadow.apply(movement(1, "e1"));
        shadow.readingDone();

        assertThatThrownBy(() -> shadow.apply(movement(2, "e2"))).isInstanceOf(IllegalStateException.class);
        assertThat(shadow.balances().get("escrow:c1|USD").balanceMinorUnits()).isEqualTo(10_000);
    }

    private static RecordedMovement movement(long index, String entryId) {
        return new RecordedMovement(index, Instant.parse("2026-11-01T10:00:00Z"), "MilestoneFundedEvent",
                Entries.funding(entryId, "alice", "c1", "m1", "100.00", "5.00"));
    }
}
