package io.freelance.ledger.query.messaging.attachment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.client.MongoDatabase;
import io.freelance.ledger.common.RuleViolation;
import io.freelance.ledger.messaging.StoryAttachment;
import io.freelance.ledger.query.readstore.ReadStoreDurability;
import io.freelance.ledger.query.testsupport.InMemoryMongo;
import io.freelance.ledger.query.testsupport.MovingClock;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Uploads streamed into GridFS through the real driver, against the in-memory MongoDB wire-protocol server. */
class AttachmentUploadsTest {

    private static final long MAX_BYTES = 1_000_000;
    private static final Instant NOW = Instant.parse("2026-11-30T09:00:00Z");

    private final InMemoryMongo mongo = new InMemoryMongo();
    private final MongoDatabase database = mongo.database("attachments-test");
    private final AttachmentFiles files = new AttachmentFiles(database);
    private final AtomicInteger durableCommits = new AtomicInteger();
    private final ReadStoreDurability durability = durableCommits::incrementAndGet;
    private static final Duration MAX_UPLOAD_TIME = Duration.ofMinutes(30);

    private final AttachmentUploads uploads = new AttachmentUploads(MAX_BYTES, MAX_UPLOAD_TIME,
            new AttachmentTypes(AttachmentTypesTest.DEFAULTS.allowedTypes()), files, durability, Clock.fixed(NOW, ZoneOffset.UTC));
    private final Attachments attachments = new Attachments(files);

    @AfterEach
    void closeMongo() {
        mongo.close();
    }

    @Test
    void aFileOfManyChunksIsStoredWithItsChecksumAndReadBackWhole() throws IOException {
        byte[] pdf = pdfOf(900_000); // four chunks of 255 KiB, the last one short

        StoredAttachment stored = uploads.upload("carol", "brief.pdf", "application/pdf", pdf.length, new ByteArrayInputStream(pdf));

        StoredAttachment found = attachments.find(stored.attachmentId()).orElseThrow();
        assertThat(found).isEqualTo(stored);
        assertThat(found.sha256()).isEqualTo(sha256(pdf));
        assertThat(found.sizeBytes()).isEqualTo(pdf.length);
        assertThat(found.contentType()).isEqualTo("application/pdf");
        assertThat(found.uploaderId()).isEqualTo("carol");
        assertThat(found.uploadedAt()).isEqualTo(NOW);
        assertThat(found.attachedTo()).isEmpty();
        ByteArrayOutputStream copy = new ByteArrayOutputStream();
        files.copy(stored.attachmentId(), copy);
        assertThat(copy.toByteArray()).isEqualTo(pdf);
        assertThat(chunks()).isEqualTo(4);
        assertThat(uploadsUnderWay()).as("the note that the upload was under way is deleted").isZero();
        assertThat(durableCommits).hasValue(1);
    }

    @Test
    void aBodyPastTheCapIsCutOffAndWhatWasWrittenIsDeleted() {
        byte[] pdf = pdfOf((int) MAX_BYTES + 1);
        CountingStream body = new CountingStream(new ByteArrayInputStream(pdf));

        assertRefused(() -> uploads.upload("carol", "big.pdf", "application/pdf", -1, body), "body.too-large");

        assertThat(body.read).isEqualTo(MAX_BYTES + 1);
        assertThat(files()).isZero();
        assertThat(chunks()).isZero();
        assertThat(durableCommits).hasValue(0);
    }

    @Test
    void aBodyExactlyAtTheCapIsTaken() throws IOException {
        byte[] pdf = pdfOf((int) MAX_BYTES);

        assertThat(uploads.upload("carol", "max.pdf", "application/pdf", -1, new ByteArrayInputStream(pdf)).sizeBytes())
                .isEqualTo(MAX_BYTES);
    }

    @Test
    void aDeclaredLengthPastTheCapIsRefusedBeforeAByteIsRead() {
        CountingStream body = new CountingStream(new ByteArrayInputStream(pdfOf(100)));

        assertRefused(() -> uploads.upload("carol", "big.pdf", "application/pdf", MAX_BYTES + 1, body), "body.too-large");

        assertThat(body.read).isZero();
    }

    @Test
    void aBodyThatBreaksOffLeavesNothing() {
        InputStream breaking = new SequenceInputStream(new ByteArrayInputStream(pdfOf(600_000)), new InputStream() {
            @Override
            public int read() throws IOException {
                throw new IOException("connection reset");
            }
        });

        assertThatThrownBy(() -> uploads.upload("carol", "cut.pdf", "application/pdf", -1, breaking)).hasMessage("connection reset");

        assertThat(files()).isZero();
        assertThat(chunks()).isZero();
        assertThat(uploadsUnderWay()).isZero();
    }

    @Test
    void aBodyStillArrivingAfterTheTimeAllowedIsRefusedAndLeavesNothing() {
        MovingClock clock = new MovingClock(NOW);
        AttachmentUploads timed = uploadsTimedBy(clock);
        // 900 KB in reads of at most 64 KiB, each taking three minutes: past the 30 minutes allowed before the end.
        InputStream slow = new SlowBody(new ByteArrayInputStream(pdfOf(900_000)), clock, Duration.ofMinutes(3));

        assertRefused(() -> timed.upload("carol", "slow.pdf", "application/pdf", -1, slow), "body.too-slow");

        assertThat(files()).isZero();
        assertThat(chunks()).isZero();
        assertThat(uploadsUnderWay()).isZero();
        assertThat(durableCommits).hasValue(0);
    }

    @Test
    void anUploadTakenForAbandonedWhileItsLastReadBlockedIsRefusedWhenItFinishes() {
        MovingClock clock = new MovingClock(NOW);
        AttachmentUploads timed = uploadsTimedBy(clock);
        AbandonedUploads sweep = new AbandonedUploads(files, MAX_UPLOAD_TIME, clock);
        InputStream blockedAtTheEnd = new SequenceInputStream(new ByteArrayInputStream(pdfOf(600_000)), new InputStream() {
            @Override
            public int read() {
                // The end of the body comes only after a sweep has run, long past the time allowed.
                clock.advance(AbandonedUploads.abandonedAfter(MAX_UPLOAD_TIME).plusMinutes(1));
                assertThat(sweep.sweep()).isEqualTo(1);
                return -1;
            }
        });

        assertRefused(() -> timed.upload("carol", "blocked.pdf", "application/pdf", -1, blockedAtTheEnd), "body.too-slow");

        assertThat(files()).isZero();
        assertThat(chunks()).isZero();
        assertThat(uploadsUnderWay()).isZero();
        assertThat(durableCommits).hasValue(0);
    }

    @Test
    void refusedTypesStoreNothing() {
        assertRefused(() -> uploads.upload("carol", "logo.pdf", "application/pdf", -1,
                new ByteArrayInputStream(AttachmentTypesTest.PNG)), "Content-Type.mismatch");
        assertRefused(() -> uploads.upload("carol", "empty.pdf", "application/pdf", 0, new ByteArrayInputStream(new byte[0])),
                "body.required");

        assertThat(files()).isZero();
        assertThat(chunks()).isZero();
    }

    @Test
    void theUploaderClaimsTheFileForAMessageAndNoOneElseCan() throws IOException {
        StoredAttachment stored = upload("carol");

        StoryAttachment claimed = attachments.claim(stored.attachmentId(), "carol");

        assertThat(claimed).isEqualTo(new StoryAttachment(stored.attachmentId(), "brief.pdf", "application/pdf",
                stored.sizeBytes(), stored.sha256()));
        assertNotUploaded(() -> attachments.claim(stored.attachmentId(), "alice"), "attachmentId.not-uploaded");
        assertNotUploaded(() -> attachments.claim("00000000-0000-0000-0000-000000000000", "carol"), "attachmentId.not-uploaded");
        assertNotUploaded(() -> attachments.claim("attachments[2]", "../x", "carol"), "attachments.not-uploaded");
    }

    @Test
    void markingAFileAttachedTwiceRecordsItOnce() throws IOException {
        StoredAttachment stored = upload("carol");

        attachments.markAttached(stored.attachmentId(), "room-1", "story-1");
        attachments.markAttached(stored.attachmentId(), "room-1", "story-1");
        attachments.markAttached(stored.attachmentId(), "room-2", "story-9");

        assertThat(attachments.find(stored.attachmentId()).orElseThrow().attachedTo()).containsExactly(
                new StoredAttachment.AttachedTo("room-1", "story-1"), new StoredAttachment.AttachedTo("room-2", "story-9"));
    }

    @Test
    void aRemovedMessageNoLongerCarriesTheFileAndOthersStillDo() throws IOException {
        StoredAttachment stored = upload("carol");
        attachments.markAttached(stored.attachmentId(), "room-1", "story-1");
        attachments.markAttached(stored.attachmentId(), "room-2", "story-9");

        attachments.markDetached(stored.attachmentId(), "room-1", "story-1");
        attachments.markDetached(stored.attachmentId(), "room-1", "story-1");

        assertThat(attachments.find(stored.attachmentId()).orElseThrow().attachedTo())
                .containsExactly(new StoredAttachment.AttachedTo("room-2", "story-9"));
    }

    private StoredAttachment upload(String uploader) throws IOException {
        byte[] pdf = pdfOf(10_000);
        return uploads.upload(uploader, "brief.pdf", "application/pdf", pdf.length, new ByteArrayInputStream(pdf));
    }

    private long files() {
        return database.getCollection("attachments.files").countDocuments();
    }

    private long chunks() {
        return database.getCollection("attachments.chunks").countDocuments();
    }

    private AttachmentUploads uploadsTimedBy(MovingClock clock) {
        return new AttachmentUploads(MAX_BYTES, MAX_UPLOAD_TIME, new AttachmentTypes(AttachmentTypesTest.DEFAULTS.allowedTypes()),
                files, durability, clock);
    }

    private long uploadsUnderWay() {
        return database.getCollection(AttachmentFiles.UPLOADING).countDocuments();
    }

    /** A PDF header, then random bytes: a PDF as far as detection looks. */
    static byte[] pdfOf(int bytes) {
        byte[] pdf = new byte[bytes];
        new Random(bytes).nextBytes(pdf);
        System.arraycopy(AttachmentTypesTest.PDF, 0, pdf, 0, AttachmentTypesTest.PDF.length);
        return pdf;
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void assertRefused(ThrowingCall call, String rule) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(AttachmentRefusal.class,
                refusal -> assertThat(refusal.error().rule()).isEqualTo(rule));
    }

    private static void assertNotUploaded(ThrowingCall call, String rule) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(RuleViolation.class,
                violation -> assertThat(violation.error().rule()).isEqualTo(rule));
    }

    @FunctionalInterface
    private interface ThrowingCall {
        void run() throws Exception;
    }

    /** A body each of whose reads takes {@code perRead} of the clock's time. */
    private static final class SlowBody extends InputStream {

        private final InputStream in;
        private final MovingClock clock;
        private final Duration perRead;

        SlowBody(InputStream in, MovingClock clock, Duration perRead) {
            this.in = in;
            this.clock = clock;
            this.perRead = perRead;
        }

        @Override
        public int read() throws IOException {
            clock.advance(perRead);
            return in.read();
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            clock.advance(perRead);
            return in.read(buffer, offset, length);
        }
    }

    private static final class CountingStream extends InputStream {

        private final InputStream in;
        private long read;

        CountingStream(InputStream in) {
            this.in = in;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            read += b < 0 ? 0 : 1;
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = in.read(buffer, offset, length);
            read += Math.max(n, 0);
            return n;
        }
    }
}
