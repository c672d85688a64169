package io.freelance.ledger.query.invoice;

import static io.freelance.ledger.query.readstore.BsonTimes.instant;
import static io.freelance.ledger.query.readstore.BsonTimes.localDate;
import static io.freelance.ledger.query.readstore.BsonTimes.toDate;
import static io.freelance.ledger.query.readstore.BsonTimes.toIsoDate;
import static io.freelance.ledger.query.readstore.MoneyDocuments.fromDocument;

import io.freelance.ledger.common.Money;
import io.freelance.ledger.common.Role;
import io.freelance.ledger.diary.UnprotectedReason;
import io.freelance.ledger.dispute.HourDisputeOutcome;
import io.freelance.ledger.dispute.HourDisputeResponse;
import io.freelance.ledger.invoice.InvoiceLine;
import io.freelance.ledger.invoice.InvoicePaymentReason;
import io.freelance.ledger.invoice.InvoiceStatus;
import io.freelance.ledger.invoice.InvoicedCell;
import io.freelance.ledger.query.readstore.MoneyDocuments;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.function.Function;
import org.bson.Document;
import org.bson.types.Decimal128;

/**
 * How an {@code invoices} document lays out an invoice: money as {@code {amount: Decimal128, currency}},
 * times as BSON dates, calendar dates as ISO strings, enums by name.
 */
final class InvoiceDocuments {

    static final String VERSION = "version";

    private InvoiceDocuments() {
    }

    static Document toDocument(InvoiceView invoice, long version) {
        return new Document("_id", invoice.id())
                .append("number", invoice.number())
                .append("contractId", invoice.contractId())
                .append("clientId", invoice.clientId())
                .append("freelancerId", invoice.freelancerId())
                .append("workDiaryId", invoice.workDiaryId())
                .append("weekStart", toIsoDate(invoice.weekStart()))
                .append("periodStart", toDate(invoice.periodStart()))
                .append("periodEnd", toDate(invoice.periodEnd()))
                .append("hourlyRate", money(invoice.hourlyRate()))
                .append("billableCells", invoice.billableCells())
                .append("billableHours", new Decimal128(invoice.billableHours()))
                .append("overtimeCells", invoice.overtimeCells())
                .append("lines", invoice.lines().stream().map(InvoiceDocuments::lineToDocument).toList())
                .append("cells", cellsToDocuments(invoice.cells()))
                .append("amount", money(invoice.amount()))
                .append("marketplaceFee", money(invoice.marketplaceFee()))
                .append("totalCharged", money(invoice.totalCharged()))
                .append("status", invoice.status().name())
                .append("issuedAt", toDate(invoice.issuedAt()))
                .append("reviewEndsAt", toDate(invoice.reviewEndsAt()))
                .append("payment", paymentToDocument(invoice.payment()))
                .append("dispute", disputeToDocument(invoice.dispute()))
                .append(VERSION, version);
    }

    static InvoiceView toView(Document document) {
        return new InvoiceView(
                document.getString("_id"),
                document.getString("number"),
                document.getString("contractId"),
                document.getString("clientId"),
                document.getString("freelancerId"),
                document.getString("workDiaryId"),
                localDate(document, "weekStart"),
                instant(document, "periodStart"),
                instant(document, "periodEnd"),
                fromDocument(document.get("hourlyRate")),
                document.getInteger("billableCells"),
                document.get("billableHours", Decimal128.class).bigDecimalValue(),
                document.getInteger("overtimeCells"),
                list(document, "lines", InvoiceDocuments::lineFromDocument),
                list(document, "cells", InvoiceDocuments::cellFromDocument),
                fromDocument(document.get("amount")),
                fromDocument(document.get("marketplaceFee")),
                fromDocument(document.get("totalCharged")),
                InvoiceStatus.valueOf(document.getString("status")),
                instant(document, "issuedAt"),
                instant(document, "reviewEndsAt"),
                paymentFromDocument(document.get("payment", Document.class)),
                disputeFromDocument(document.get("dispute", Document.class)));
    }

    static long versionOf(Document document) {
        Number version = document.get(VERSION, Number.class);
        return version == null ? -1 : version.longValue();
    }

    private static Document lineToDocument(InvoiceLine line) {
        return new Document("date", toIsoDate(line.date()))
                .append("cells", line.cells())
                .append("hours", new Decimal128(line.hours()))
                .append("hourlyRate", money(line.hourlyRate()))
                .append("amount", money(line.amount()));
    }

    private static InvoiceLine lineFromDocument(Document document) {
        return new InvoiceLine(localDate(document, "date"), document.getInteger("cells"),
                document.get("hours", Decimal128.class).bigDecimalValue(), fromDocument(document.get("hourlyRate")),
                fromDocument(document.get("amount")));
    }

    private static List<Document> cellsToDocuments(List<InvoicedCell> cells) {
        return cells.stream().map(cell -> new Document("cellDateTime", toDate(cell.cellDateTime()))
                .append("manual", cell.manual())
                .append("unprotectedReasons", cell.unprotectedReasons().stream().map(Enum::name).toList())).toList();
    }

    private static InvoicedCell cellFromDocument(Document document) {
        return new InvoicedCell(instant(document, "cellDateTime"), document.getBoolean("manual"),
                document.getList("unprotectedReasons", String.class).stream().map(UnprotectedReason::valueOf).toList());
    }

    private static Document paymentToDocument(InvoicePayment payment) {
        if (payment == null) {
            return null;
        }
        return new Document("reason", payment.reason().name())
                .append("amount", money(payment.amount()))
                .append("serviceFee", money(payment.serviceFee()))
                .append("paidToFreelancer", money(payment.paidToFreelancer()))
                .append("paidAt", toDate(payment.paidAt()))
                .append("availableAt", toDate(payment.availableAt()))
                .append("fundsAvailableAt", toDate(payment.fundsAvailableAt()));
    }

    private static InvoicePayment paymentFromDocument(Document document) {
        if (document == null) {
            return null;
        }
        return new InvoicePayment(InvoicePaymentReason.valueOf(document.getString("reason")),
                fromDocument(document.get("amount")), fromDocument(document.get("serviceFee")),
                fromDocument(document.get("paidToFreelancer")), instant(document, "paidAt"),
                instant(document, "availableAt"), instant(document, "fundsAvailableAt"));
    }

    private static Document disputeToDocument(HourDisputeView dispute) {
        if (dispute == null) {
            return null;
        }
        return new Document("id", dispute.id())
                .append("cells", cellsToDocuments(dispute.cells()))
                .append("disputedAmount", money(dispute.disputedAmount()))
                .append("protectedAmount", money(dispute.protectedAmount()))
                .append("reason", dispute.reason())
                .append("disputedAt", toDate(dispute.disputedAt()))
                .append("responseDueAt", toDate(dispute.responseDueAt()))
                .append("response", name(dispute.response()))
                .append("responseNote", dispute.responseNote())
                .append("respondedAt", toDate(dispute.respondedAt()))
                .append("settlement", settlementToDocument(dispute.settlement()));
    }

    private static HourDisputeView disputeFromDocument(Document document) {
        if (document == null) {
            return null;
        }
        String response = document.getString("response");
        return new HourDisputeView(document.getString("id"),
                list(document, "cells", InvoiceDocuments::cellFromDocument),
                fromDocument(document.get("disputedAmount")), fromDocument(document.get("protectedAmount")),
                document.getString("reason"), instant(document, "disputedAt"), instant(document, "responseDueAt"),
                response == null ? null : HourDisputeResponse.valueOf(response), document.getString("responseNote"),
                instant(document, "respondedAt"), settlementFromDocument(document.get("settlement", Document.class)));
    }

    private static Document settlementToDocument(HourDisputeSettlement settlement) {
        if (settlement == null) {
            return null;
        }
        return new Document("outcome", settlement.outcome().name())
                .append("decidedBy", settlement.decidedBy())
                .append("decidedByRole", name(settlement.decidedByRole()))
                .append("note", settlement.note())
                .append("refundedCells", dates(settlement.refundedCells()))
                .append("paidCells", dates(settlement.paidCells()))
                .append("refundedAmount", money(settlement.refundedAmount()))
                .append("marketplaceFeeRefunded", money(settlement.marketplaceFeeRefunded()))
                .append("remainingAmount", money(settlement.remainingAmount()))
                .append("settledAt", toDate(settlement.settledAt()));
    }

    private static HourDisputeSettlement settlementFromDocument(Document document) {
        if (document == null) {
            return null;
        }
        String role = document.getString("decidedByRole");
        return new HourDisputeSettlement(HourDisputeOutcome.valueOf(document.getString("outcome")),
                document.getString("decidedBy"), role == null ? null : Role.valueOf(role), document.getString("note"),
                instants(document, "refundedCells"), instants(document, "paidCells"),
                fromDocument(document.get("refundedAmount")), fromDocument(document.get("marketplaceFeeRefunded")),
                fromDocument(document.get("remainingAmount")), instant(document, "settledAt"));
    }

    private static Document money(Money money) {
        return MoneyDocuments.toDocument(money);
    }

    private static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }

    private static List<Date> dates(List<Instant> instants) {
        return instants.stream().map(Date::from).toList();
    }

    private static List<Instant> instants(Document document, String field) {
        List<Date> dates = document.getList(field, Date.class);
        return dates == null ? List.of() : dates.stream().map(Date::toInstant).toList();
    }

    private static <T> List<T> list(Document document, String field, Function<Document, T> read) {
        List<Document> documents = document.getList(field, Document.class);
        return documents == null ? List.of() : documents.stream().map(read).toList();
    }
}
