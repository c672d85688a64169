package io.freelance.ledger.query.messaging.attachment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.apache.tika.mime.MediaType;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** The type from the bytes, the name only narrowing it, and the declared type checked against it. */
class AttachmentTypesTest {

    static final byte[] PNG = Base64.getDecoder().decode(
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");
    static final byte[] PDF = "%PDF-1.7\n1 0 obj\n<< /Type /Catalog >>\nendobj\n".getBytes(StandardCharsets.US_ASCII);
    static final byte[] ZIP = {'P', 'K', 3, 4, 20, 0, 0, 0, 8, 0, 0, 0, 0, 0};
    /** The start of a Windows executable: "MZ" and a DOS header. */
    static final byte[] EXE = {'M', 'Z', (byte) 0x90, 0, 3, 0, 0, 0, 4, 0, 0, 0, (byte) 0xFF, (byte) 0xFF, 0, 0};

    /** The defaults as Spring binds them when nothing is configured. */
    static final AttachmentProperties DEFAULTS = new Binder(new MapConfigurationPropertySource())
            .bindOrCreate("ledger.attachments", AttachmentProperties.class);

    private final AttachmentTypes types = new AttachmentTypes(DEFAULTS.allowedTypes());

    @Test
    void theDefaultCapIs100Megabytes() {
        assertThat(DEFAULTS.maxBytes().toBytes()).isEqualTo(104_857_600L);
    }

    @Test
    void aPngIsAPng() {
        assertThat(detected("image/png", PNG, "logo.png")).isEqualTo("image/png");
    }

    @Test
    void aPngDeclaredAsPdfIsRefusedEvenWhenNamedPdf() {
        assertRefused(() -> detected("application/pdf", PNG, "invoice.pdf"), "Content-Type.mismatch");
    }

    @Test
    void anExecutableDeclaredAsPngIsRefused() {
        assertRefused(() -> detected("image/png", EXE, "cat.png"), "Content-Type.mismatch");
    }

    @Test
    void theNameNarrowsAContainerToTheDocumentItHolds() {
        assertThat(detected("application/vnd.openxmlformats-officedocument.wordprocessingml.document", ZIP, "offer.docx"))
                .isEqualTo("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
        assertThat(detected("application/zip", ZIP, "offer.docx"))
                .as("declared as the container, stored as what it is")
                .isEqualTo("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
        assertThat(detected("application/zip", ZIP, "sources.zip")).isEqualTo("application/zip");
    }

    @Test
    void theNameCannotOverruleTheBytes() {
        assertRefused(() -> detected("application/pdf", ZIP, "contract.pdf"), "Content-Type.mismatch");
    }

    @Test
    void textIsTextAndCsvNarrowsIt() {
        byte[] csv = "date,hours\n2026-11-30,7.5\n".getBytes(StandardCharsets.UTF_8);

        assertThat(detected("text/plain; charset=UTF-8", "Notes: héllo ✓\n".getBytes(StandardCharsets.UTF_8), "notes.txt"))
                .isEqualTo("text/plain");
        assertThat(detected("text/csv", csv, "hours.csv")).isEqualTo("text/csv");
        assertThat(detected("text/plain", csv, "hours.csv")).isEqualTo("text/csv");
    }

    @Test
    void bytesOfNoKnownKindAreRefusedWhateverTheName() {
        assertRefused(() -> detected("text/plain", new byte[]{1, 2, 3, 0, (byte) 200, 5, 0, 0}, "notes.txt"),
                "body.type-unrecognised");
    }

    /** HTML declared as text: the browser would run its scripts if it ever showed it, so it is not carried. */
    @Test
    void htmlLabelledAsTextIsRefused() {
        assertRefused(() -> detected("text/plain", "<html><body><script>alert(1)</script></body></html>"
                .getBytes(StandardCharsets.UTF_8), "page.txt"), "body.type-not-allowed");
    }

    @Test
    void aJavaArchiveDeclaredAsZipIsRefused() {
        assertRefused(() -> detected("application/zip", ZIP, "tool.jar"), "body.type-not-allowed");
    }

    @Test
    void onlyAllowedDeclaredTypesAreTaken() {
        assertRefused(() -> types.declared("application/x-www-form-urlencoded"), "Content-Type.unsupported");
        assertRefused(() -> types.declared("application/octet-stream"), "Content-Type.unsupported");
        assertRefused(() -> types.declared("text/html"), "Content-Type.unsupported");
        assertRefused(() -> types.declared(null), "Content-Type.unsupported");
        assertRefused(() -> types.declared("not a type"), "Content-Type.unsupported");
        assertThat(types.declared("Image/PNG")).isEqualTo(MediaType.image("png"));
    }

    @Test
    void detectionReadsAtMostTheFirst64KiB() {
        assertThat(AttachmentTypes.DETECTION_BYTES).isEqualTo(64 * 1024);
    }

    private String detected(String declared, byte[] head, String fileName) {
        return types.detected(types.declared(declared), head, fileName).toString();
    }

    private static void assertRefused(Runnable check, String rule) {
        assertThatThrownBy(check::run).isInstanceOfSatisfying(AttachmentRefusal.class,
                refusal -> assertThat(refusal.error().rule()).isEqualTo(rule));
    }
}
