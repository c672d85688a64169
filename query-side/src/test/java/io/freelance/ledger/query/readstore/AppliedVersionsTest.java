package io.freelance.ledger.query.readstore;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.queryhandling.GenericSubscriptionQueryMessage;
import org.axonframework.queryhandling.SimpleQueryUpdateEmitter;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A waiting mutation is woken when the projection's batch prepares to commit, before the batch's
 * transaction (its tracking token) commits, and never for a batch that is rolled back before that.
 */
class AppliedVersionsTest {

    private final SimpleQueryUpdateEmitter emitter = SimpleQueryUpdateEmitter.builder().build();
    private final AppliedVersions appliedVersions = new AppliedVersions(emitter, List.of());
    private final List<AppliedVersion> received = new CopyOnWriteArrayList<>();

    @BeforeEach
    void waitForContractOne() {
        emitter.<AppliedVersion>registerUpdateHandler(new GenericSubscriptionQueryMessage<>(
                        new AppliedVersionQuery("Contract", "contract-1"),
                        ResponseTypes.instanceOf(Long.class), ResponseTypes.instanceOf(AppliedVersion.class)), 16)
                .getUpdates()
                .subscribe(update -> received.add(update.getPayload()));
    }

    @Test
    void theUpdateGoesOutWhenTheBatchPreparesToCommitBeforeItsTransactionCommits() {
        UnitOfWork<?> batch = DefaultUnitOfWork.startAndGet(GenericEventMessage.asEventMessage("MilestoneApproved"));
        List<Integer> receivedWhenTheTransactionCommits = new ArrayList<>();
        batch.onCommit(ignored -> receivedWhenTheTransactionCommits.add(received.size()));

        appliedVersions.applied("Contract", "contract-1", 7);
        appliedVersions.applied("Contract", "contract-2", 3);

        assertThat(received).as("not while the batch's handlers still run").isEmpty();
        batch.commit();
        assertThat(receivedWhenTheTransactionCommits).containsExactly(1);
        assertThat(received).containsExactly(new AppliedVersion("Contract", "contract-1", 7));
    }

    @Test
    void aBatchRolledBackWakesNobody() {
        UnitOfWork<?> batch = DefaultUnitOfWork.startAndGet(GenericEventMessage.asEventMessage("MilestoneApproved"));

        appliedVersions.applied("Contract", "contract-1", 7);
        batch.rollback(new IllegalStateException("a later event of the batch failed"));

        assertThat(received).isEmpty();
    }

    @Test
    void outsideAUnitOfWorkTheUpdateGoesOutAtOnce() {
        appliedVersions.applied("Contract", "contract-1", 2);

        assertThat(received).containsExactly(new AppliedVersion("Contract", "contract-1", 2));
    }
}
