package io.freelance.ledger.query.api;

import io.freelance.ledger.query.contract.ContractChanged;
import io.freelance.ledger.query.contract.ContractReadModel;
import io.freelance.ledger.query.contract.ContractView;
import io.freelance.ledger.query.contract.FindContractQuery;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.axonframework.queryhandling.SubscriptionQueryResult;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

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
        AtomicReference<ContractView> lastSeen = new AtomicReference<>();
        try (SubscriptionQueryResult<Optional<ContractView>, ContractChanged> subscription = queryGateway.subscriptionQuery(
                new FindContractQuery(contractId), ResponseTypes.optionalInstanceOf(ContractView.class),
                ResponseTypes.instanceOf(ContractChanged.class))) {
            Flux<ContractView> states = subscription.initialResult().flatMap(Mono::justOrEmpty).flux()
                    .concatWith(subscription.updates().concatMap(changed -> Mono.justOrEmpty(contracts.findById(contractId))));
            return Optional.ofNullable(states
                    .doOnNext(lastSeen::set)
                    .filter(reached)
                    .next()
                    .timeout(timeout, Mono.fromSupplier(lastSeen::get))
                    .block());
        }
    }
}
