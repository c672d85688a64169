package io.freelance.ledger.diary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.freelance.ledger.common.LedgerError;
import io.freelance.ledger.common.RuleViolation;
import io.freelance.ledger.common.TextInput;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** The shape of a segment, as both the API and the diary check it; and the diary ids both compute. */
class DiaryInputTest {

    @Test
    void cellsStartEveryTenMinutesWithoutSeconds() {
        assertThat(DiaryInput.cellStart("cellDateTime", Instant.parse("2026-11-23T09:50:00Z"))).isNotNull();
        assertRule(() -> DiaryInput.cellStart("cellDateTime", Instant.parse("2026-11-23T09:55:00Z")), "cellDateTime.aligned");
        assertRule(() -> DiaryInput.cellStart("cellDateTime", Instant.parse("2026-11-23T09:50:01Z")), "cellDateTime.aligned");
        assertRule(() -> DiaryInput.cellStart("cellDateTime", Instant.parse("2026-11-23T09:50:00.001Z")), "cellDateTime.aligned");
        assertRule(() -> DiaryInput.cellStart("cellDateTime", null), "cellDateTime.required");
    }

    @Test
    void aSegmentHasTenMinutesOfCountsFromZeroToTenThousand() {
        List<MinuteActivity> minutes = new ArrayList<>(Collections.nCopies(9, new MinuteActivity(0, 0)));
        minutes.add(new MinuteActivity(10_000, 10_000));
        assertThat(DiaryInput.minutes("minutes", minutes)).isEqualTo(minutes);

        assertRule(() -> DiaryInput.minutes("minutes", minutes.subList(0, 9)), "minutes.size");
        assertRule(() -> DiaryInput.minutes("minutes", null), "minutes.size");
        minutes.set(3, new MinuteActivity(-1, 0));
        assertRule(() -> DiaryInput.minutes("minutes", minutes), "keyboard.range", "minutes[3].keyboard");
        minutes.set(3, new MinuteActivity(0, 10_001));
        assertRule(() -> DiaryInput.minutes("minutes", minutes), "mouse.range", "minutes[3].mouse");
        minutes.set(3, null);
        assertRule(() -> DiaryInput.minutes("minutes", minutes), "minutes.required", "minutes[3]");
    }

    @Test
    void aMemoIsRequiredAndBounded() {
        assertThat(DiaryInput.memo("memo", "  Login form  ")).isEqualTo("Login form");
        assertRule(() -> DiaryInput.memo("memo", " "), "memo.required");
        assertRule(() -> DiaryInput.memo("memo", "x".repeat(DiaryInput.MEMO_MAX_LENGTH + 1)), "memo.too-long");
        assertRule(() -> DiaryInput.memo("memo", "Login\u202Eform"), "memo.control-characters");
    }

    @Test
    void aScreenshotIsNamedByItsSha256() {
        String hash = "AB".repeat(32);
        assertThat(DiaryInput.screenshotHash("screenshotHash", hash)).isEqualTo("ab".repeat(32));
        assertThat(DiaryInput.screenshotHash("screenshotHash", null)).isNull();
        assertRule(() -> DiaryInput.screenshotHash("screenshotHash", "ab".repeat(31)), "screenshotHash.format");
        assertRule(() -> DiaryInput.screenshotHash("screenshotHash", "zz".repeat(32)), "screenshotHash.format");
    }

    @Test
    void aDiaryIdNamesTheContractAndTheIsoWeekInSafeCharacters() {
        String id = WorkDiaryId.forCell("9b40ebb6-5a00", Instant.parse("2026-11-29T23:50:00Z"));
        assertThat(id).isEqualTo("diary-9b40ebb6-5a00.2026-W48")
                .isEqualTo(WorkDiaryId.forWeek("9b40ebb6-5a00", LocalDate.of(2026, 11, 23)));
        assertThat(TextInput.isSafeId(id)).isTrue();
        assertThat(WorkDiaryId.forCell("9b40ebb6-5a00", Instant.parse("2026-11-30T00:00:00Z"))).endsWith("2026-W49");
    }

    @Test
    void aCommandWithoutContractOrCellGoesNowhereReal() {
        assertThat(WorkDiaryId.forCell(null, Instant.parse("2026-11-23T09:50:00Z"))).isEqualTo(WorkDiaryId.UNADDRESSED);
        assertThat(WorkDiaryId.forCell("c-1", null)).isEqualTo(WorkDiaryId.UNADDRESSED);
        assertThat(WorkDiaryId.forCell("c-1", Instant.MAX)).isEqualTo(WorkDiaryId.UNADDRESSED);
    }

    private static void assertRule(Executable check, String rule) {
        assertRule(check, rule, rule.substring(0, rule.indexOf('.')));
    }

    private static void assertRule(Executable check, String rule, String field) {
        assertThatThrownBy(check::execute).isInstanceOfSatisfying(RuleViolation.class, violation -> {
            LedgerError error = violation.error();
            assertThat(error.rule()).isEqualTo(rule);
            assertThat(error.field()).isEqualTo(field);
            assertThat(error.message()).isNotBlank();
        });
    }
}
