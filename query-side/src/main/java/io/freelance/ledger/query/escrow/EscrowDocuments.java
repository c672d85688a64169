package io.freelance.ledger.query.escrow;

import static io.freelance.ledger.query.readstore.BsonTimes.instant;
import static io.freelance.ledger.query.readstore.BsonTimes.localDate;
import static io.freelance.ledger.query.readstore.BsonTimes.toDate;
import static io.freelance.ledger.query.readstore.BsonTimes.toIsoDate;
import static io.freelance.ledger.query.readstore.MoneyDocuments.fromDocument;
import static io.freelance.ledger.query.readstore.MoneyDocuments.toDocument;

import io.freelance.ledger.escrow.MilestoneStatus;
import io.freelance.ledger.escrow.RefundReason;
import java.util.List;
import org.bson.Document;

/** How an {@code escrow_accounts} document lays out the milestones and the escrow summary. */
public final class EscrowDocuments {

    private EscrowDocuments() {
    }

    static Document accountDocument(String escrowAccountId, EscrowState state, long version) {
        return new Document("_id", escrowAccountId)
                .append(EscrowStore.CONTRACT_ID, state.contractId())
                .append(EscrowStore.MILESTONES, milestonesToDocuments(state.milestones()))
                .append(EscrowStore.ESCROW, escrowToDocument(state.escrow()))
                .append(EscrowStore.VERSION, version);
    }

    static EscrowState toState(Document document) {
        return new EscrowState(document.getString(EscrowStore.CONTRACT_ID),
                milestonesFromDocuments(document.getList(EscrowStore.MILESTONES, Document.class)),
                escrowFromDocument(document.get(EscrowStore.ESCROW, Document.class)));
    }

    static long versionOf(Document document) {
        Number version = document.get(EscrowStore.VERSION, Number.class);
        return version == null ? -1 : version.longValue();
    }

    public static List<Document> milestonesToDocuments(List<MilestoneRow> rows) {
        return rows.stream().map(EscrowDocuments::toMilestoneDocument).toList();
    }

    public static List<MilestoneRow> milestonesFromDocuments(List<Document> documents) {
        return documents == null ? List.of() : documents.stream().map(EscrowDocuments::toMilestoneRow).toList();
    }

    public static Document escrowToDocument(EscrowSummary escrow) {
        if (escrow == null) {
            return null;
        }
        return new Document("status", escrow.status().name())
                .append("currentEscrowAmount", toDocument(escrow.currentEscrowAmount()))
                .append("unallocatedAmount", toDocument(escrow.unallocatedAmount()))
                .append("refund", refundToDocument(escrow.refund()))
                .append("openedAt", toDate(escrow.openedAt()))
                .append("closedAt", toDate(escrow.closedAt()));
    }

    public static EscrowSummary escrowFromDocument(Document document) {
        if (document == null) {
            return null;
        }
        return new EscrowSummary(
                EscrowStatus.valueOf(document.getString("status")),
                fromDocument(document.get("currentEscrowAmount")),
                fromDocument(document.get("unallocatedAmount")),
                refundFromDocument(document.get("refund", Document.class)),
                instant(document, "openedAt"),
                instant(document, "closedAt"));
    }

    private static Document toMilestoneDocument(MilestoneRow row) {
        return new Document("id", row.id())
                .append("position", row.position())
                .append("description", row.description())
                .append("depositAmount", toDocument(row.depositAmount()))
                .append("dueDate", toIsoDate(row.dueDate()))
                .append("status", row.status().name())
                .append("currentEscrowAmount", toDocument(row.currentEscrowAmount()))
                .append("releasedAmount", toDocument(row.releasedAmount()))
                .append("bonusAmount", toDocument(row.bonusAmount()))
                .append("submissions", row.submissions())
                .append("lastSubmissionNote", row.lastSubmissionNote())
                .append("lastSubmittedAt", toDate(row.lastSubmittedAt()))
                .append("autoReleaseAt", toDate(row.autoReleaseAt()))
                .append("changesRequestedMessage", row.changesRequestedMessage())
                .append("fundedAt", toDate(row.fundedAt()))
                .append("releasedAt", toDate(row.releasedAt()))
                .append("refundedAt", toDate(row.refundedAt()));
    }

    private static MilestoneRow toMilestoneRow(Document document) {
        return new MilestoneRow(
                document.getString("id"),
                document.getInteger("position"),
                document.getString("description"),
                fromDocument(document.get("depositAmount")),
                localDate(document, "dueDate"),
                MilestoneStatus.valueOf(document.getString("status")),
                fromDocument(document.get("currentEscrowAmount")),
                fromDocument(document.get("releasedAmount")),
                fromDocument(document.get("bonusAmount")),
                document.getInteger("submissions"),
                document.getString("lastSubmissionNote"),
                instant(document, "lastSubmittedAt"),
                instant(document, "autoReleaseAt"),
                document.getString("changesRequestedMessage"),
                instant(document, "fundedAt"),
                instant(document, "releasedAt"),
                instant(document, "refundedAt"));
    }

    private static Document refundToDocument(EscrowRefund refund) {
        if (refund == null) {
            return null;
        }
        return new Document("amount", toDocument(refund.amount()))
                .append("status", refund.status() == null ? null : refund.status().name())
                .append("requestedAt", toDate(refund.requestedAt()))
                .append("dueAt", toDate(refund.dueAt()))
                .append("disputedAt", toDate(refund.disputedAt()))
                .append("disputeReason", refund.disputeReason())
                .append("refundedAt", toDate(refund.refundedAt()))
                .append("reason", refund.reason() == null ? null : refund.reason().name());
    }

    private static EscrowRefund refundFromDocument(Document document) {
        if (document == null) {
            return null;
        }
        String status = document.getString("status");
        String reason = document.getString("reason");
        return new EscrowRefund(
                fromDocument(document.get("amount")),
                status == null ? null : RefundStatus.valueOf(status),
                instant(document, "requestedAt"),
                instant(document, "dueAt"),
                instant(document, "disputedAt"),
                document.getString("disputeReason"),
                instant(document, "refundedAt"),
                reason == null ? null : RefundReason.valueOf(reason));
    }
}
