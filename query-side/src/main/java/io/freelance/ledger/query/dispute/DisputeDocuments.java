package io.freelance.ledger.query.dispute;

import static io.freelance.ledger.query.readstore.BsonTimes.instant;
import static io.freelance.ledger.query.readstore.BsonTimes.toDate;
import static io.freelance.ledger.query.readstore.MoneyDocuments.fromDocument;

import io.freelance.ledger.common.Money;
import io.freelance.ledger.common.Role;
import io.freelance.ledger.dispute.DisputeKind;
import io.freelance.ledger.dispute.DisputeOutcome;
import io.freelance.ledger.dispute.DisputeResolution;
import io.freelance.ledger.dispute.DisputeResponse;
import io.freelance.ledger.query.readstore.MoneyDocuments;
import java.util.function.Function;
import org.bson.Document;

/**
 * How a {@code disputes} document lays out a dispute: money as {@code {amount: Decimal128, currency}}, times as
 * BSON dates, enums by name, the proposal and settlement as embedded documents.
 */
final class DisputeDocuments {

    static final String VERSION = "version";

    private DisputeDocuments() {
    }

    static Document toDocument(DisputeView dispute, long version) {
        return new Document("_id", dispute.id())
                .append("kind", dispute.kind().name())
                .append("status", dispute.status().name())
                .append("contractId", dispute.contractId())
                .append("invoiceId", dispute.invoiceId())
                .append("milestoneId", dispute.milestoneId())
                .append("clientId", dispute.clientId())
                .append("freelancerId", dispute.freelancerId())
                .append("openedBy", dispute.openedBy())
                .append("openedByRole", dispute.openedByRole().name())
                .append("disputedAmount", money(dispute.disputedAmount()))
                .append("reason", dispute.reason())
                .append("openedAt", toDate(dispute.openedAt()))
                .append("responseDueAt", toDate(dispute.responseDueAt()))
                .append("response", name(dispute.response()))
                .append("statement", dispute.statement())
                .append("respondedAt", toDate(dispute.respondedAt()))
                .append("proposal", proposalToDocument(dispute.proposal()))
                .append("settlement", settlementToDocument(dispute.settlement()))
                .append(VERSION, version);
    }

    static DisputeView toView(Document document) {
        return new DisputeView(
                document.getString("_id"),
                DisputeKind.valueOf(document.getString("kind")),
                DisputeStatus.valueOf(document.getString("status")),
                document.getString("contractId"),
                document.getString("invoiceId"),
                document.getString("milestoneId"),
                document.getString("clientId"),
                document.getString("freelancerId"),
                document.getString("openedBy"),
                Role.valueOf(document.getString("openedByRole")),
                fromDocument(document.get("disputedAmount")),
                document.getString("reason"),
                instant(document, "openedAt"),
                instant(document, "responseDueAt"),
                enumOf(document.getString("response"), DisputeResponse::valueOf),
                document.getString("statement"),
                instant(document, "respondedAt"),
                embedded(document, "proposal", DisputeDocuments::proposalFromDocument),
                embedded(document, "settlement", DisputeDocuments::settlementFromDocument));
    }

    static long versionOf(Document document) {
        return ((Number) document.get(VERSION)).longValue();
    }

    private static Document proposalToDocument(DisputeProposalView proposal) {
        if (proposal == null) {
            return null;
        }
        return new Document("number", proposal.number())
                .append("status", proposal.status().name())
                .append("outcome", proposal.outcome().name())
                .append("releaseAmount", money(proposal.releaseAmount()))
                .append("refundAmount", money(proposal.refundAmount()))
                .append("note", proposal.note())
                .append("proposedBy", proposal.proposedBy())
                .append("proposedAt", toDate(proposal.proposedAt()))
                .append("answerDueAt", toDate(proposal.answerDueAt()))
                .append("acceptedBy", proposal.acceptedBy());
    }

    private static DisputeProposalView proposalFromDocument(Document document) {
        return new DisputeProposalView(
                document.getInteger("number"),
                ProposalStatus.valueOf(document.getString("status")),
                DisputeOutcome.valueOf(document.getString("outcome")),
                fromDocument(document.get("releaseAmount")),
                fromDocument(document.get("refundAmount")),
                document.getString("note"),
                document.getString("proposedBy"),
                instant(document, "proposedAt"),
                instant(document, "answerDueAt"),
                document.getList("acceptedBy", String.class));
    }

    private static Document settlementToDocument(DisputeSettlementView settlement) {
        if (settlement == null) {
            return null;
        }
        return new Document("resolution", settlement.resolution().name())
                .append("outcome", settlement.outcome().name())
                .append("releaseAmount", money(settlement.releaseAmount()))
                .append("refundAmount", money(settlement.refundAmount()))
                .append("decidedBy", settlement.decidedBy())
                .append("decidedByRole", settlement.decidedByRole().name())
                .append("note", settlement.note())
                .append("settledAt", toDate(settlement.settledAt()));
    }

    private static DisputeSettlementView settlementFromDocument(Document document) {
        return new DisputeSettlementView(
                DisputeResolution.valueOf(document.getString("resolution")),
                DisputeOutcome.valueOf(document.getString("outcome")),
                fromDocument(document.get("releaseAmount")),
                fromDocument(document.get("refundAmount")),
                document.getString("decidedBy"),
                Role.valueOf(document.getString("decidedByRole")),
                document.getString("note"),
                instant(document, "settledAt"));
    }

    private static Document money(Money money) {
        return MoneyDocuments.toDocument(money);
    }

    private static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }

    private static <T> T enumOf(String name, Function<String, T> valueOf) {
        return name == null ? null : valueOf.apply(name);
    }

    private static <T> T embedded(Document document, String field, Function<Document, T> read) {
        Document embedded = document.get(field, Document.class);
        return embedded == null ? null : read.apply(embedded);
    }
}
