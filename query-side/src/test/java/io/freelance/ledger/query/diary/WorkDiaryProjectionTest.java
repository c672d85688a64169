package io.freelance.ledger.query.diary;

import static io.freelance.ledger.query.testsupport.Entries.usd;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import com.mongodb.client.MongoDatabase;
import io.freelance.ledger.common.Actor;
import io.freelance.ledger.common.Role;
import io.freelance.ledger.contract.ContractAcceptedEvent;
import io.freelance.ledger.contract.ContractType;
import io.freelance.ledger.contract.HourlyContractOfferedEvent;
import io.freelance.ledger.contract.HourlyTerms;
import io.freelance.ledger.diary.ManualTimeRecordedEvent;
import io.freelance.ledger.diary.MinuteActivity;
import io.freelance.ledger.diary.SegmentDeletedEvent;
import io.freelance.ledger.diary.SegmentDeletionReason;
import io.freelance.ledger.diary.SegmentMemoEditedEvent;
import io.freelance.ledger.diary.TrackedSegmentRecordedEvent;
import io.freelance.ledger.diary.WorkDiaryId;
import io.freelance.ledger.diary.WorkDiaryWeekLockedEvent;
import io.freelance.ledger.query.contract.ContractProjection;
import io.freelance.ledger.query.contract.ContractReadModel;
import io.freelance.ledger.query.contract.ContractStore;
import io.freelance.ledger.query.contract.PartyContractLists;
import io.freelance.ledger.query.diary.screenshot.StoredScreenshot;
import io.freelance.ledger.query.readstore.AppliedVersions;
import io.freelance.ledger.query.testsupport.InMemoryMongo;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.axonframework.queryhandling.SimpleQueryUpdateEmitter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The diary projection into its week documents and screenshot references, read back as the API reads them. */
class WorkDiaryProjectionTest {

    static final String CONTRACT = "hourly-1";
    static final LocalDate MONDAY = LocalDate.parse("2026-11-30");
    static final Instant CELL = Instant.parse("2026-12-01T09:00:00Z");
    static final String DIARY = WorkDiaryId.forWeek(CONTRACT, MONDAY);
    static final String HASH = "ab".repeat(32);
    static final List<MinuteActivity> BUSY = Collections.nCopies(10, new MinuteActivity(30, 12));

    private static InMemoryMongo mongo;
    private static WorkDiaryStore store;
    private static DiaryScreenshotReferences references;
    private static WorkDiaryProjection projection;
    private static WorkDiaryReadModel readModel;
    private static ContractStore contractStore;
    private static ContractProjection contractProjection;
    private static DiaryScreenshotReaders screenshotReaders;

    @BeforeAll
    static void startMongo() {
        mongo = new InMemoryMongo();
        MongoDatabase database = mongo.database("diary-projection-test");
        AppliedVersions appliedVersions = new AppliedVersions(SimpleQueryUpdateEmitter.builder().build(), List.of());
        store = new WorkDiaryStore(database, appliedVersions);
        references = new DiaryScreenshotReferences(database);
        projection = new WorkDiaryProjection(store, references);
        readModel = new WorkDiaryReadModel(database);
        PartyContractLists partyLists = new PartyContractLists(database);
        contractStore = new ContractStore(database, partyLists, appliedVersions);
        contractProjection = new ContractProjection(contractStore);
        screenshotReaders = new DiaryScreenshotReaders(references, new ContractReadModel(database, partyLists));
    }

    @AfterAll
    static void stopMongo() {
        mongo.close();
    }

    @BeforeEach
    void empty() {
        projection.onReset();
        contractStore.deleteAll();
    }

    @Test
    void aTrackedSegmentIsKeptWithEverythingTheTrackerSent() {
        projection.on(tracked(CELL, "Checkout flow", HASH), 0);

        RecordedWeek week = readModel.week(CONTRACT, MONDAY);
        assertThat(week.workDiaryId()).isEqualTo(DIARY);
        assertThat(week.version()).isZero();
        assertThat(readModel.appliedVersion(DIARY)).isZero();
        assertThat(week.cells()).singleElement().satisfies(cell -> {
            assertThat(cell.cellDateTime()).isEqualTo(CELL);
            assertThat(cell.manual()).isFalse();
            assertThat(cell.minutes()).isEqualTo(BUSY);
            assertThat(cell.memo()).isEqualTo("Checkout flow");
            assertThat(cell.activityLabel()).isEqualTo("Coding");
            assertThat(cell.activeWindowTitle()).isEqualTo("IDE - shop");
            assertThat(cell.screenshotHash()).isEqualTo(HASH);
            assertThat(cell.activityLevel()).isEqualTo(10);
        });
    }

    @Test
    void aWeekWithoutTimeIsEmptyAndHasAppliedNothing() {
        assertThat(readModel.week(CONTRACT, MONDAY).cells()).isEmpty();
        assertThat(readModel.appliedVersion(DIARY)).isEqualTo(-1);
    }

    @Test
    void manualTimeFillsEveryCellOfItsRange() {
        projection.on(new ManualTimeRecordedEvent(DIARY, CONTRACT, "carol", CELL, CELL.plus(Duration.ofMinutes(30)),
                "Call with the client", CELL), 0);

        assertThat(readModel.week(CONTRACT, MONDAY).cells())
                .extracting(RecordedCell::cellDateTime, RecordedCell::manual, RecordedCell::memo)
                .containsExactly(
                        tuple(CELL, true, "Call with the client"),
                        tuple(CELL.plus(Duration.ofMinutes(10)), true, "Call with the client"),
                        tuple(CELL.plus(Duration.ofMinutes(20)), true, "Call with the client"));
    }

    @Test
    void aRepeatedEventChangesNothing() {
        projection.on(tracked(CELL, "First memo", HASH), 0);
        projection.on(new SegmentMemoEditedEvent(DIARY, CONTRACT, CELL, "Edited memo", CELL), 1);

        projection.on(tracked(CELL, "First memo", HASH), 0);

        RecordedWeek week = readModel.week(CONTRACT, MONDAY);
        assertThat(week.version()).isEqualTo(1);
        assertThat(week.cells()).singleElement().extracting(RecordedCell::memo).isEqualTo("Edited memo");
    }

    @Test
    void aMemoEditOfACellTheReadModelLacksFailsSoItIsDeadLettered() {
        projection.on(tracked(CELL, "First memo", HASH), 0);

        assertThatThrownBy(() -> projection.on(new SegmentMemoEditedEvent(DIARY, CONTRACT, CELL.plus(Duration.ofHours(1)),
                "Edited", CELL), 1)).isInstanceOf(IllegalStateException.class);
        assertThat(readModel.appliedVersion(DIARY)).isZero();
    }

    @Test
    void aDeletedCellIsGoneAndItsScreenshotNoLongerShown() {
        recordHourlyContract();
        projection.on(tracked(CELL, "Work", HASH), 0);
        projection.on(tracked(CELL.plus(Duration.ofMinutes(10)), "Work", null), 1);
        assertThat(screenshotReaders.maySee(new Actor("alice", Role.CLIENT), screenshot())).isTrue();

        projection.on(new SegmentDeletedEvent(DIARY, CONTRACT, CELL, SegmentDeletionReason.SCREENSHOT_DELETED, HASH, CELL), 2);

        assertThat(readModel.week(CONTRACT, MONDAY).cells()).extracting(RecordedCell::cellDateTime)
                .containsExactly(CELL.plus(Duration.ofMinutes(10)));
        assertThat(references.contractsShowing(HASH)).isEmpty();
        assertThat(screenshotReaders.maySee(new Actor("alice", Role.CLIENT), screenshot())).isFalse();
    }

    @Test
    void theContractsPartiesMaySeeItsDiarysScreenshotsAndNobodyElse() {
        recordHourlyContract();
        projection.on(tracked(CELL, "Work", HASH), 0);

        assertThat(screenshotReaders.maySee(new Actor("alice", Role.CLIENT), screenshot())).isTrue();
        assertThat(screenshotReaders.maySee(new Actor("carol", Role.FREELANCER), screenshot())).isTrue();
        assertThat(screenshotReaders.maySee(new Actor("bob", Role.CLIENT), screenshot())).isFalse();
        assertThat(screenshotReaders.maySee(new Actor("alice", Role.CLIENT),
                new StoredScreenshot("cd".repeat(32), List.of("carol"), Map.of()))).isFalse();
    }

    /** A screenshot shown in two cells stays visible until the last of them is deleted. */
    @Test
    void aScreenshotInTwoCellsStaysShownUntilBothAreDeleted() {
        recordHourlyContract();
        projection.on(tracked(CELL, "Work", HASH), 0);
        projection.on(tracked(CELL.plus(Duration.ofMinutes(10)), "Work", HASH), 1);

        projection.on(new SegmentDeletedEvent(DIARY, CONTRACT, CELL, SegmentDeletionReason.DELETED, HASH, CELL), 2);

        assertThat(references.contractsShowing(HASH)).containsExactly(CONTRACT);
    }

    @Test
    void theLockNamesTheWeeksInvoice() {
        projection.on(tracked(CELL, "Work", HASH), 0);

        projection.on(new WorkDiaryWeekLockedEvent(DIARY, CONTRACT, MONDAY, 1, 0, "invoice-1",
                Instant.parse("2026-12-07T12:00:00Z")), 1);

        RecordedWeek week = readModel.week(CONTRACT, MONDAY);
        assertThat(week.version()).isEqualTo(1);
        assertThat(week.lockedAt()).isEqualTo(Instant.parse("2026-12-07T12:00:00Z"));
        assertThat(week.invoiceId()).isEqualTo("invoice-1");
        assertThat(week.cells()).hasSize(1);
    }

    @Test
    void aResetEmptiesTheDiariesAndTheirScreenshotReferences() {
        projection.on(tracked(CELL, "Work", HASH), 0);

        projection.onReset();

        assertThat(readModel.appliedVersion(DIARY)).isEqualTo(-1);
        assertThat(references.contractsShowing(HASH)).isEmpty();
    }

    static TrackedSegmentRecordedEvent tracked(Instant cell, String memo, String hash) {
        return new TrackedSegmentRecordedEvent(WorkDiaryId.forCell(CONTRACT, cell), CONTRACT, "carol", cell, BUSY, memo,
                "Coding", "IDE - shop", hash, cell.plus(Duration.ofMinutes(10)));
    }

    private static void recordHourlyContract() {
        contractProjection.on(new HourlyContractOfferedEvent(CONTRACT, "alice", "carol", "Support",
                new HourlyTerms(usd("45.50"), 20, true, true), CELL.minus(Duration.ofDays(10))), 0);
        contractProjection.on(new ContractAcceptedEvent(CONTRACT, ContractType.HOURLY, "alice", "carol",
                CELL.minus(Duration.ofDays(9))), 1);
    }

    private static StoredScreenshot screenshot() {
        return new StoredScreenshot(HASH, List.of("carol"), Map.of());
    }
}
