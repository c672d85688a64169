package io.freelance.ledger.query.messaging.attachment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.freelance.ledger.common.RuleViolation;
import org.junit.jupiter.api.Test;

class AttachmentFileNameTest {

    @Test
    void aPlainNameIsKeptWithoutSurroundingBlanks() {
        assertThat(AttachmentFileName.checked("  Offer v2 (final).pdf ")).isEqualTo("Offer v2 (final).pdf");
        assertThat(AttachmentFileName.checked("Résumé – 2026.docx")).isEqualTo("Résumé – 2026.docx");
    }

    @Test
    void aNameIsRequired() {
        assertRule(null, "fileName.required");
        assertRule("   ", "fileName.required");
    }

    @Test
    void aNameHasAtMost255Characters() {
        assertThat(AttachmentFileName.checked("a".repeat(251) + ".txt")).hasSize(255);
        assertRule("a".repeat(252) + ".txt", "fileName.too-long");
    }

    @Test
    void aNameIsNoPath() {
        assertRule("../../etc/passwd", "fileName.path");
        assertRule("C:\\Windows\\evil.dll", "fileName.path");
        assertRule("..", "fileName.path");
        assertRule(".", "fileName.path");
    }

    /** "invoice‮fdp.exe" shows as "invoiceexe.pdf". */
    @Test
    void controlAndBidirectionalCharactersAreRefused() {
        assertRule("invoice\u202Efdp.exe", "fileName.control-characters");
        assertRule("report\u0000.pdf", "fileName.control-characters");
        assertRule("a\nb.txt", "fileName.control-characters");
        assertRule("a\tb.txt", "fileName.control-characters");
    }

    private static void assertRule(String name, String rule) {
        assertThatThrownBy(() -> AttachmentFileName.checked(name)).isInstanceOfSatisfying(RuleViolation.class, violation -> {
            assertThat(violation.error().rule()).isEqualTo(rule);
            assertThat(violation.error().field()).isEqualTo("fileName");
        });
    }
}
