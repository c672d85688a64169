package io.freelance.ledger.query.contract;

import io.freelance.ledger.query.contract.ContractChanged;
import io.freelance.ledger.query.contract.ContractReadModel;
import io.freelance.ledger.query.contract.ContractView;
import io.freelance.ledger.query.contract.FindContractQuery;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.axonframework.queryhandling.SubscriptionQueryResult;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;

/**
 * Read-your-writes for mutations: after a command, waits (bounded) until the contract's read model shows
 * its result. It subscribes to the contract, so it is woken only when that contract's read model has been
 * committed, and reads the document again then; no polling, and no waking for other contracts.
 */
@Component
public class ReadModelCatchUp {

    private final QueryGateway queryGateway;
    private final ContractReadModel contracts;
    private final Duration timeout;

    public ReadModelCatchUp(QueryGateway queryGateway, ContractReadModel contracts,
                            @Value("${ledger.api.catch-up-timeout:PT5S}") Duration timeout) {
        this.queryGateway = queryGateway;
        this.contracts = contracts;
        this.timeout = timeout;
    }

    /**
     * The contract once it shows at least these versions (-1: any), or as it is when the wait
     * runs out; empty if it does not exist by then.
     */
    public Optional<ContractView> awaitContract(String contractId, long minimumContractVersion, long minimumEscrowVersion) {
        return awaitContract(contractId, view -> view.contractVersion() >= minimumContractVersion
                && view.escrowVersion() >= minimumEscrowVersion);
    }

    /** The contract once {@code reached} holds for it, or as it is when the wait runs out; empty if it does not exist by then. */
    public Optional<ContractView> awaitContract(String contractId, Predicate<ContractView> reached) {
        long deadline = System.nanoTime() + timeout.toNanos();
        Semaphore changes = new Semaphore(0);
        try (SubscriptionQueryResult<Optional<ContractView>, ContractChanged> subscription = queryGateway.subscriptionQuery(
                new FindContractQuery(contractId), ResponseTypes.optionalInstanceOf(ContractView.class),
                ResponseTypes.instanceOf(ContractChanged.class))) {
            // The update only wakes this thread, which reads the contract itself: a read in the update's
            // consumer would run on the projection's thread and hold up every other contract's events.
            Disposable listening = subscription.updates().subscribe(changed -> changes.release());
            try {
                Optional<ContractView> seen = Optional.ofNullable(subscription.initialResult().block(timeout))
                        .flatMap(view -> view);
                while (seen.isEmpty() || !reached.test(seen.get())) {
                    if (!awaitChange(changes, deadline)) {
                        return seen;
                    }
                    seen = contracts.findById(contractId);
                }
                return seen;
            } finally {
                listening.dispose();
            }
        }
    }

    /** False when the time is up (or the thread is interrupted) before the contract changes again. */
    private static boolean awaitChange(Semaphore changes, long deadline) {
        try {
            long left = deadline - System.nanoTime();
            if (left <= 0 || !changes.tryAcquire(left, TimeUnit.NANOSECONDS)) {
                return false;
            }
            // Changes that came meanwhile are all covered by the one read that follows.
            changes.drainPermits();
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
