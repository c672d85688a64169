package io.freelance.ledger.query.contract;

import static io.freelance.ledger.query.contract.ContractFields.*;
import static io.freelance.ledger.query.readstore.BsonTimes.instant;

import io.freelance.ledger.common.Role;
import io.freelance.ledger.contract.ContractStatus;
import io.freelance.ledger.contract.ContractType;
import io.freelance.ledger.contract.HourlyTerms;
import io.freelance.ledger.contract.MilestoneTerms;
import io.freelance.ledger.contract.WeeklyLimitSchedule;
import io.freelance.ledger.contract.WeeklyLimitSchedule.Change;
import java.time.Instant;
import io.freelance.ledger.query.readstore.BsonTimes;
import io.freelance.ledger.query.readstore.MoneyDocuments;
import java.util.List;
import org.bson.Document;

/** Reads a {@code contracts} document into a {@link ContractView}; writes hourly terms and offered milestones. */
public final class ContractDocuments {

    private ContractDocuments() {
    }

    public static ContractView toView(Document document) {
        return new ContractView(
                document.getString(ID),
                enumOrNull(ContractType.class, document.getString(TYPE)),
                document.getString(TITLE),
                enumOrNull(ContractStatus.class, document.getString(STATUS)),
                document.getString(CLIENT_ID),
                document.getString(FREELANCER_ID),
                document.getString(CURRENCY),
                hourlyTermsFromDocument(document.get(HOURLY_TERMS, Document.class)),
                termsFromDocuments(document.getList(OFFERED_MILESTONES, Document.class)),
                instant(document, OFFERED_AT),
                instant(document, ACCEPTED_AT),
                instant(document, DECLINED_AT),
                document.getString(DECLINE_REASON),
                instant(document, ENDED_AT),
                document.getString(ENDED_BY),
                enumOrNull(Role.class, document.getString(ENDED_BY_ROLE)),
                document.getString(END_REASON),
                weeklyLimitsFromDocuments(document.getList(WEEKLY_LIMIT_CHANGES, Document.class)),
                instant(document, PAUSED_AT),
                document.getString(PAUSED_BY),
                enumOrNull(Role.class, document.getString(PAUSED_BY_ROLE)),
                document.getString(PAUSE_REASON),
                versionOf(document, CONTRACT_VERSION));
    }

    public static Document hourlyTermsToDocument(HourlyTerms terms) {
        return new Document("hourlyRate", MoneyDocuments.toDocument(terms.hourlyRate()))
                .append("weeklyLimitHours", terms.weeklyLimitHours())
                .append("manualTimeAllowed", terms.manualTimeAllowed())
                .append("trackerOptIn", terms.trackerOptIn());
    }

    /** One entry of {@link ContractFields#WEEKLY_LIMIT_CHANGES}; {@code effectiveFrom} null for the offered limit. */
    public static Document weeklyLimitChangeToDocument(Integer weeklyLimitHours, Instant effectiveFrom) {
        return new Document("weeklyLimitHours", weeklyLimitHours).append("effectiveFrom", BsonTimes.toDate(effectiveFrom));
    }

    public static List<Document> termsToDocuments(List<MilestoneTerms> milestones) {
        return milestones.stream().map(terms -> new Document("milestoneId", terms.milestoneId())
                .append("description", terms.description())
                .append("depositAmount", MoneyDocuments.toDocument(terms.depositAmount()))
                .append("dueDate", BsonTimes.toIsoDate(terms.dueDate()))).toList();
    }

    private static List<MilestoneTerms> termsFromDocuments(List<Document> documents) {
        return documents == null ? List.of() : documents.stream().map(document -> new MilestoneTerms(
                document.getString("milestoneId"),
                document.getString("description"),
                MoneyDocuments.fromDocument(document.get("depositAmount")),
                BsonTimes.localDate(document, "dueDate"))).toList();
    }

    static long versionOf(Document document, String field) {
        Number version = document.get(field, Number.class);
        return version == null ? -1 : version.longValue();
    }

    private static WeeklyLimitSchedule weeklyLimitsFromDocuments(List<Document> changes) {
        if (changes == null || changes.isEmpty()) {
            return null;
        }
        return new WeeklyLimitSchedule(changes.stream()
                .map(change -> new Change(change.getInteger("weeklyLimitHours"), instant(change, "effectiveFrom")))
                .toList());
    }

    private static HourlyTerms hourlyTermsFromDocument(Document document) {
        if (document == null) {
            return null;
        }
        return new HourlyTerms(
                MoneyDocuments.fromDocument(document.get("hourlyRate")),
                document.getInteger("weeklyLimitHours"),
                document.getBoolean("manualTimeAllowed", false),
                document.getBoolean("trackerOptIn", false));
    }

    private static <E extends Enum<E>> E enumOrNull(Class<E> type, String name) {
        return name == null ? null : Enum.valueOf(type, name);
    }

    static List<String> names(List<? extends Enum<?>> values) {
        return values.stream().map(Enum::name).toList();
    }
}
