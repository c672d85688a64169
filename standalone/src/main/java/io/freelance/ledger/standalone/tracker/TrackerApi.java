package io.freelance.ledger.standalone.tracker;

import io.freelance.ledger.common.UtcWeek;
import io.freelance.ledger.standalone.tracker.LedgerHttp.Answer;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/** The GraphQL operations and upload a tracker needs, over {@link LedgerHttp}. */
final class TrackerApi {

    private final LedgerHttp http;

    TrackerApi(LedgerHttp http) {
        this.http = http;
    }

    /** An hourly contract with the tracker, offered by the client and accepted by the freelancer; its id. */
    String hourlyContractWithTracker(Credentials client, Credentials freelancer, String hourlyRate, String currency) {
        Map<String, Object> offer = Map.of("idempotencyKey", "tracker-" + UUID.randomUUID(),
                "freelancerId", freelancer.user(), "title", "Tracked work (simulator)",
                "hourlyRate", Map.of("amount", hourlyRate, "currency", currency), "trackerOptIn", true);
        String contractId = http.graphql(client, """
                        mutation($input: OfferHourlyContractInput!) { offerHourlyContract(input: $input) { contractId } }""",
                Map.of("input", offer)).required("offerHourlyContract").path("offerHourlyContract").path("contractId")
                .asString();
        http.graphql(freelancer, """
                        mutation($input: AcceptContractInput!) { acceptContract(input: $input) { contractId } }""",
                Map.of("input", Map.of("contractId", contractId))).required("acceptContract");
        return contractId;
    }

    /** When the freelancer's contract was accepted: no earlier cell can be recorded. */
    Instant acceptedAt(Credentials freelancer, String contractId) {
        JsonNode contract = http.graphql(freelancer, """
                        query($id: ID!) { contract(id: $id) { status acceptedAt hourlyTerms { trackerOptIn } } }""",
                Map.of("id", contractId)).required("Reading contract " + contractId).path("contract");
        String acceptedAt = contract.path("acceptedAt").asString(null);
        if (acceptedAt == null) {
            throw new TrackerSetupException("Contract " + contractId + " is " + contract.path("status").asString()
                    + ", not accepted: nothing can be recorded on it.");
        }
        if (!contract.path("hourlyTerms").path("trackerOptIn").asBoolean(false)) {
            throw new TrackerSetupException("Contract " + contractId + " is not an hourly contract using the tracker.");
        }
        return Instant.parse(acceptedAt);
    }

    /** The cells already recorded in the weeks from {@code from} to {@code to}, tracked or manual. */
    Set<Instant> recordedCells(Credentials freelancer, String contractId, Instant from, Instant to) {
        Set<LocalDate> weeks = new LinkedHashSet<>();
        for (Instant week = UtcWeek.weekStart(from); !week.isAfter(to); week = week.plus(UtcWeek.LENGTH)) {
            weeks.add(UtcWeek.weekStartDate(week));
        }
        Set<Instant> cells = new HashSet<>();
        for (LocalDate weekStart : weeks) {
            JsonNode days = http.graphql(freelancer, """
                            query($contractId: ID!, $weekStart: Date!) {
                              workDiaryWeek(contractId: $contractId, weekStart: $weekStart) {
                                workDays { workDiaryTimeCells { cellDateTime } }
                              }
                            }""", Map.of("contractId", contractId, "weekStart", weekStart.toString()))
                    .required("Reading the Work Diary").path("workDiaryWeek").path("workDays");
            days.forEach(day -> day.path("workDiaryTimeCells")
                    .forEach(cell -> cells.add(Instant.parse(cell.path("cellDateTime").asString()))));
        }
        return cells;
    }

    Answer upload(Credentials freelancer, byte[] png) {
        return http.upload(freelancer, png);
    }

    Answer record(Credentials freelancer, Segment segment) {
        return http.graphql(freelancer, """
                mutation($input: RecordTrackedSegmentInput!) { recordTrackedSegment(input: $input) { contractId pending } }""",
                Map.of("input", segment.asInput()));
    }
}
