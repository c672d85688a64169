package io.freelance.ledger.query.dispute.history;

import io.freelance.ledger.common.Actor;
import io.freelance.ledger.common.RuleViolation;
import io.freelance.ledger.query.contract.ContractAccess;
import io.freelance.ledger.query.contract.ContractReadModel;
import io.freelance.ledger.query.contract.ContractView;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Who may read which history. A contract's history: whoever may read the contract ({@link ContractAccess}: its
 * parties, finance, dispute handlers); anyone else gets the NOT_FOUND every contract query answers. One
 * aggregate's history: the same, for the contract its events name; staff may also read an aggregate that
 * names no contract. Whatever the reason for a refusal, a party is told only that there is no such
 * aggregate among theirs, which reveals nothing about other people's aggregates.
 */
@Component
class HistoryAccess {

    private final ContractAccess contractAccess;
    private final ContractReadModel contracts;

    HistoryAccess(ContractAccess contractAccess, ContractReadModel contracts) {
        this.contractAccess = contractAccess;
        this.contracts = contracts;
    }

    HistoryReader ofContract(Actor actor, String field, String contractId) {
        ContractView contract = contractAccess.requireReadable(actor, field, contractId);
        return new HistoryReader(actor, contractId, contract.clientId(), contract.freelancerId());
    }

    /**
     * @param firstEvent the aggregate's first event, empty when it has none
     */
    HistoryReader ofAggregate(Actor actor, String field, String aggregateId, Optional<StoredEvent> firstEvent) {
        StoredEvent first = firstEvent.orElseThrow(() -> aggregateNotFound(field, aggregateId));
        String contractId = first.contractId().orElse(null);
        Optional<ContractView> contract = Optional.ofNullable(contractId).flatMap(contracts::findById);
        HistoryReader reader = new HistoryReader(actor, contractId, contract.map(ContractView::clientId).orElse(null),
                contract.map(ContractView::freelancerId).orElse(null));
        if (reader.seesEverything() || reader.isPartyOfContract(actor.userId())) {
            return reader;
        }
        throw aggregateNotFound(field, aggregateId);
    }

    private static RuleViolation aggregateNotFound(String field, String aggregateId) {
        return RuleViolation.notFound(field, "aggregate.not-found",
                "There is no aggregate " + aggregateId + " in the history of a contract you are a party to.");
    }
}
