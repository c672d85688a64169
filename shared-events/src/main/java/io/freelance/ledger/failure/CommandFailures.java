package io.freelance.ledger.failure;

import io.freelance.ledger.common.LedgerError;
import io.freelance.ledger.escrow.EscrowAccountId;
import io.freelance.ledger.invoice.InvoiceId;
import io.freelance.ledger.messaging.RoomId;

/**
 * The rejections a command meets in Axon rather than in a handler's rules: no aggregate with its id,
 * an id already taken, a concurrent change, no room to run it. Defined once, because two places
 * produce them: the command side, which turns Axon's exceptions into these before they cross Axon
 * Server (only a message and details do), and the query side, for the same exceptions thrown in its
 * own process. A package of its own: it names the contract's escrow account, and the shared value types
 * in {@code common} must not depend on any domain.
 */
public final class CommandFailures {

    private CommandFailures() {
    }

    /**
     * No aggregate with this id: a contract, a contract's escrow account (an hourly contract has none), or a
     * weekly invoice (a week without billable time has none), or a room.
     */
    public static LedgerError aggregateNotFound(String aggregateId) {
        String id = String.valueOf(aggregateId);
        if (InvoiceId.isInvoiceId(id)) {
            return LedgerError.notFound("invoiceId", "invoice.not-found", "There is no invoice " + id + ".");
        }
        if (RoomId.isRoomId(id)) {
            return LedgerError.notFound("roomId", "room.not-found", "There is no room " + id + " that you are a member of.");
        }
        if (id.startsWith(EscrowAccountId.forContract(""))) {
            return LedgerError.notFound("contractId", "escrow.not-found",
                    "Contract " + EscrowAccountId.contractOf(id) + " has no escrow account: "
                            + "milestones are funded and changed once a fixed-price contract is accepted.");
        }
        return LedgerError.notFound("contractId", "contract.not-found", "There is no contract " + id + ".");
    }

    /** The aggregate's first event exists already: a second offer with the same contract id. */
    public static LedgerError aggregateAlreadyExists() {
        return LedgerError.conflict("contractId", "contract.unique", "A contract with this id already exists.");
    }

    /** Another command stored an event on the same aggregate first. */
    public static LedgerError concurrentChange() {
        return LedgerError.conflict("contractId", "contract.concurrent-change",
                "The contract was changed by another request at the same moment; reload it and try again.");
    }

    /** Nothing was recorded: the command got no lock, connection or room in time. A retry can succeed. */
    public static LedgerError serviceBusy() {
        return LedgerError.conflict(null, "service.busy",
                "The service is handling too many changes at once; nothing was recorded. Retry the request.");
    }
}
