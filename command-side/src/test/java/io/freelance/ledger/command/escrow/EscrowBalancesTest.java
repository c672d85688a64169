package io.freelance.ledger.command.escrow;

import static io.freelance.ledger.command.escrow.EscrowScenario.CLIENT_CHARGES;
import static io.freelance.ledger.command.escrow.EscrowScenario.CONTRACT_ID;
import static io.freelance.ledger.command.escrow.EscrowScenario.ESCROW;
import static io.freelance.ledger.command.escrow.EscrowScenario.ESCROW_ID;
import static io.freelance.ledger.command.escrow.EscrowScenario.M1;
import static io.freelance.ledger.command.escrow.EscrowScenario.PENDING;
import static io.freelance.ledger.command.escrow.EscrowScenario.SERVICE_FEES;
import static io.freelance.ledger.command.escrow.EscrowScenario.approved;
import static io.freelance.ledger.command.escrow.EscrowScenario.leg;
import static io.freelance.ledger.command.escrow.EscrowScenario.milestoneEntry;
import static io.freelance.ledger.command.escrow.EscrowScenario.opened;
import static io.freelance.ledger.command.escrow.EscrowScenario.usd;
import static io.freelance.ledger.command.testing.People.CLIENT;
import static io.freelance.ledger.command.testing.People.FREELANCER;
import static io.freelance.ledger.command.testing.People.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.hasProperty;
import static org.hamcrest.Matchers.instanceOf;

import io.freelance.ledger.command.common.HeldBalances;
import io.freelance.ledger.escrow.FundMilestoneCommand;
import java.time.Instant;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.Test;

/** Escrow and pending balances never go below zero, whether a command decides or history is replayed. */
class EscrowBalancesTest {

    private static final Instant AT = Instant.parse("2030-01-01T00:00:00Z");

    @Test
    void balancesFollowTheJournalEntries() {
        var balances = new HeldBalances(CONTRACT_ID, FREELANCER.userId(), "USD");
        balances.apply(milestoneEntry("m1", "milestone-funding", AT, leg(CLIENT_CHARGES, "-100.00"), leg(ESCROW, "100.00")));
        balances.apply(milestoneEntry("m1", "milestone-release", AT,
                leg(ESCROW, "-60.00"), leg(PENDING, "54.00"), leg(SERVICE_FEES, "6.00")));

        assertThat(balances.heldInEscrow()).isEqualTo(usd("40.00"));
        assertThat(balances.freelancerPending()).isEqualTo(usd("54.00"));
        assertThat(balances.unallocated(usd("0.00"))).isEqualTo(usd("40.00"));
    }

    @Test
    void escrowCannotGoBelowZero() {
        var balances = new HeldBalances(CONTRACT_ID, FREELANCER.userId(), "USD");

        assertThatThrownBy(() -> balances.apply(milestoneEntry("m1", "milestone-release", AT,
                leg(ESCROW, "-0.01"), leg(PENDING, "0.01"))))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void pendingCannotGoBelowZero() {
        var balances = new HeldBalances(CONTRACT_ID, FREELANCER.userId(), "USD");

        assertThatThrownBy(() -> balances.apply(milestoneEntry("m1", "funds-available", AT,
                leg(PENDING, "-1.00"), leg(ESCROW, "1.00"))))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void openMilestonesCannotClaimMoreThanEscrowHolds() {
        var balances = new HeldBalances(CONTRACT_ID, FREELANCER.userId(), "USD");

        assertThatThrownBy(() -> balances.unallocated(usd("0.01"))).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void historyThatOverdrawsEscrowDoesNotLoad() {
        var fixture = new AggregateTestFixture<>(EscrowAccount.class);
        fixture.registerInjectableResource(EscrowPolicy.defaults());

        fixture.given(opened(AT), approved(M1, "approve-1", "100.00", "10.00", AT))
                .when(new FundMilestoneCommand(ESCROW_ID, "m2", "fund-2"), as(CLIENT))
                .expectNoEvents()
                .expectException(hasProperty("cause", instanceOf(IllegalStateException.class)));
    }
}
