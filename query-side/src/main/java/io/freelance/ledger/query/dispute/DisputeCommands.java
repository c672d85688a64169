package io.freelance.ledger.query.dispute;

import io.freelance.ledger.common.LedgerError;
import io.freelance.ledger.common.RuleViolation;
import io.freelance.ledger.query.graphql.CommandSender;
import io.freelance.ledger.query.graphql.Rejections;
import io.freelance.ledger.query.readstore.ReadYourWrites;
import io.freelance.ledger.query.readstore.Shown;
import io.freelance.ledger.query.security.Caller;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * The steps every dispute mutation shares: send the command (to the Dispute aggregate, or to the invoice for an
 * hour dispute), wait until the dispute read model shows the version it produced, answer the dispute. Who may do
 * what is the aggregates' decision.
 */
@Component
public class DisputeCommands {

    /** The fields an invoice names in its refusals; the caller named a dispute. */
    private static final Set<String> INVOICE_FIELDS = Set.of("invoiceId", "contractId");

    private final DisputeReadModel disputes;
    private final CommandSender sender;
    private final ReadYourWrites readYourWrites;

    public DisputeCommands(DisputeReadModel disputes, CommandSender sender, ReadYourWrites readYourWrites) {
        this.disputes = disputes;
        this.sender = sender;
        this.readYourWrites = readYourWrites;
    }

    public DisputePayload send(Caller caller, String disputeId, Object command) {
        return answer(disputeId, sender.send(command, caller));
    }

    /** An hour dispute's command goes to its invoice, whose refusals name the invoice or its contract. */
    public DisputePayload sendToInvoice(Caller caller, String disputeId, Object command) {
        Object result;
        try {
            result = sender.send(command, caller);
        } catch (RuntimeException failed) {
            throw namingTheDispute(failed, disputeId);
        }
        return answer(disputeId, result);
    }

    private DisputePayload answer(String disputeId, Object result) {
        Shown<DisputeView> dispute = readYourWrites.awaitThenRead("Dispute", disputeId,
                ReadYourWrites.versionsOf(result, DisputeStore.AGGREGATE_TYPE, disputeId), () -> disputes.findById(disputeId));
        return new DisputePayload(disputeId, dispute.view(), dispute.pending());
    }

    private static RuntimeException namingTheDispute(RuntimeException failed, String disputeId) {
        Optional<LedgerError> refusal = Rejections.of(failed);
        if (refusal.isEmpty() || !INVOICE_FIELDS.contains(refusal.get().field())) {
            return failed;
        }
        LedgerError error = refusal.get();
        if (error.rule().endsWith(".not-found")) {
            return DisputeAccess.notFound("disputeId", disputeId);
        }
        return new RuleViolation(new LedgerError(error.category(), "disputeId", error.rule(), error.message()));
    }
}
