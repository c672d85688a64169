package io.freelance.ledger.command.dispute;

import io.freelance.ledger.command.escrow.EscrowAccount;
import io.freelance.ledger.command.escrow.EscrowDisputeSubject;
import io.freelance.ledger.common.Actor;
import io.freelance.ledger.common.RuleViolation;
import io.freelance.ledger.dispute.DisputeTerms;
import io.freelance.ledger.escrow.DisputeMilestoneCommand;
import io.freelance.ledger.escrow.DisputeRefundCommand;
import io.freelance.ledger.escrow.EscrowAccountId;
import io.freelance.ledger.escrow.SettleEscrowDisputeCommand;
import java.util.function.Supplier;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.ResultMessage;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.Repository;

/**
 * The {@link DisputedEscrow} of the running service: loads the contract's escrow account through its repository,
 * in the dispute's unit of work, and hands it the command (with the acting user, or as the service), so the
 * account's own handlers check and record it. A supplier, because the repository exists only once Axon is
 * configured.
 */
public class EscrowAccountDisputes implements DisputedEscrow {

    private final Supplier<Repository<EscrowAccount>> accounts;

    public EscrowAccountDisputes(Supplier<Repository<EscrowAccount>> accounts) {
        this.accounts = accounts;
    }

    @Override
    public HeldByDispute disputeRefund(String contractId, Actor freelancer, String reason) {
        Aggregate<EscrowAccount> account = load(contractId);
        send(account, new DisputeRefundCommand(account.identifierAsString(), reason), freelancer);
        return subject(account, null);
    }

    @Override
    public HeldByDispute disputeMilestone(String contractId, String milestoneId, String disputeId,
                                                 Actor freelancer, String reason) {
        Aggregate<EscrowAccount> account = load(contractId);
        send(account, new DisputeMilestoneCommand(account.identifierAsString(), milestoneId, disputeId, reason),
                freelancer);
        return subject(account, milestoneId);
    }

    @Override
    public long settle(String contractId, String disputeId, String milestoneId, DisputeTerms terms) {
        Aggregate<EscrowAccount> account = load(contractId);
        send(account, new SettleEscrowDisputeCommand(account.identifierAsString(), disputeId, milestoneId,
                terms.releaseAmount(), terms.refundAmount()), Actor.SYSTEM);
        return account.version();
    }

    private static HeldByDispute subject(Aggregate<EscrowAccount> account, String milestoneId) {
        EscrowDisputeSubject subject = account.invoke(loaded -> loaded.disputeSubject(milestoneId));
        return new HeldByDispute(subject.parties(), subject.amount(), account.version());
    }

    private Aggregate<EscrowAccount> load(String contractId) {
        try {
            return accounts.get().load(EscrowAccountId.forContract(contractId));
        } catch (AggregateNotFoundException missing) {
            throw RuleViolation.notFound("contractId", "escrow.not-found",
                    "Contract %s has no escrow account (it is hourly, or not accepted yet).".formatted(contractId));
        }
    }

    /**
     * In a unit of work of its own, nested in the dispute's: the account's command interceptors read the command
     * from the current unit of work, which would otherwise be the dispute's command or, when a deadline decides,
     * a deadline message. Nested, it commits or rolls back with the dispute's, and its events carry the actor
     * of this command.
     */
    private static void send(Aggregate<EscrowAccount> account, Object command, Actor actor) {
        // The dispute's correlation data (correlation and trace ids, request id) travels on, with this command's actor.
        CommandMessage<?> message = GenericCommandMessage.asCommandMessage(command)
                .andMetaData(CurrentUnitOfWork.correlationData())
                .andMetaData(actor.asMetaData());
        UnitOfWork<?> nested = DefaultUnitOfWork.startAndGet(message);
        nested.registerCorrelationDataProvider(Message::getMetaData);
        ResultMessage<?> result = nested.executeWithResult(() -> account.handle(message));
        if (result.isExceptional()) {
            Throwable failure = result.exceptionResult();
            if (failure instanceof RuntimeException rejected) {
                throw rejected;
            }
            throw new IllegalStateException("The escrow account did not take " + command, failure);
        }
    }
}
