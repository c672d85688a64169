package io.freelance.ledger.command.diary;

import io.freelance.ledger.command.testing.DeadlinesAtSimulatedTime;
import io.freelance.ledger.command.contract.ContractStanding;
import io.freelance.ledger.command.escrow.EscrowPolicy;
import io.freelance.ledger.common.RuleViolation;
import java.time.Instant;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.TestExecutor;
import org.junit.jupiter.api.BeforeEach;

/**
 * A Work Diary fixture with the default policy and one contract, {@link DiaryScenario#activeHourly()}
 * unless a test sets {@link #contract} to another standing. Any other contract id is unknown.
 */
abstract class WorkDiaryTestBase {

    AggregateTestFixture<WorkDiary> fixture;
    ContractStanding contract;

    @BeforeEach
    void newFixture() {
        fixture = DeadlinesAtSimulatedTime.applyTo(new AggregateTestFixture<>(WorkDiary.class));
        fixture.registerInjectableResource(WorkDiaryPolicy.defaults());
        // The fee rates the week's invoice is issued under when the diary locks.
        fixture.registerInjectableResource(EscrowPolicy.defaults());
        fixture.registerInjectableResource((ContractLookup) this::standingOf);
        contract = DiaryScenario.activeHourly();
    }

    /** The fixture at {@code now}, with the diary's earlier events. */
    TestExecutor<WorkDiary> at(Instant now, Object... events) {
        return fixture.givenCurrentTime(now).andGiven(events);
    }

    private ContractStanding standingOf(String contractId) {
        if (!contract.parties().contractId().equals(contractId)) {
            throw RuleViolation.notFound("contractId", "contract.not-found", "No contract %s was found.".formatted(contractId));
        }
        return contract;
    }
}
