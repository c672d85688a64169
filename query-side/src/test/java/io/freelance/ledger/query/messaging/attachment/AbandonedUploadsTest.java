package io.freelance.ledger.query.messaging.attachment;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.gridfs.GridFSUploadStream;
import io.freelance.ledger.query.testsupport.InMemoryMongo;
import io.freelance.ledger.query.testsupport.MovingClock;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What a crash leaves of an upload, made the way the upload makes it (through the real driver, against the
 * in-memory MongoDB wire-protocol server) and then left as the crash leaves it: the sweep deletes it once it is
 * older than the longest an upload may take, and never touches an upload that finished.
 */
class AbandonedUploadsTest {

    private static final Instant NOW = Instant.parse("2026-12-01T09:00:00Z");
    private static final Duration MAX_UPLOAD_TIME = Duration.ofMinutes(30);
    private static final Duration ABANDONED_AFTER = AbandonedUploads.abandonedAfter(MAX_UPLOAD_TIME);

    private final InMemoryMongo mongo = new InMemoryMongo();
    private final MongoDatabase database = mongo.database("abandoned-uploads-test");
    private final AttachmentFiles files = new AttachmentFiles(database);
    private final MovingClock clock = new MovingClock(NOW);
    private final AbandonedUploads sweep = new AbandonedUploads(files, MAX_UPLOAD_TIME, clock);

    @AfterEach
    void closeMongo() {
        mongo.close();
    }

    @Test
    void chunksOfAnUploadCutOffMidwayAreDeletedOnceItIsOlderThanAnyUploadMayRun() {
        writtenButNeverClosed("cut-off", 600_000);
        assertThat(chunks()).as("two full chunks written before the crash").isEqualTo(2);

        clock.advance(ABANDONED_AFTER.minusSeconds(1));
        assertThat(sweep.sweep()).as("it might still be running").isZero();
        assertThat(chunks()).isEqualTo(2);

        clock.advance(Duration.ofSeconds(2));
        assertThat(sweep.sweep()).isEqualTo(1);
        assertThat(chunks()).isZero();
        assertThat(uploadsUnderWay()).isZero();
        assertThat(sweep.sweep()).as("nothing left for a second sweep").isZero();
    }

    @Test
    void aFileClosedAndCheckedButNeverAnsweredIsDeletedWhole() throws IOException {
        GridFSUploadStream stream = writtenButNeverClosed("unanswered", 300_000);
        stream.close();
        files.complete("unanswered", "ab".repeat(32), 300_000);
        // The crash came before the note was deleted, so the upload was never answered: no one knows its id.

        clock.advance(ABANDONED_AFTER.plusSeconds(1));

        assertThat(sweep.sweep()).isEqualTo(1);
        assertThat(files.find("unanswered")).isEmpty();
        assertThat(count("attachments.files")).isZero();
        assertThat(chunks()).isZero();
    }

    @Test
    void aFinishedUploadIsNeverTouched() throws IOException {
        AttachmentUploads uploads = new AttachmentUploads(1_000_000, MAX_UPLOAD_TIME,
                new AttachmentTypes(AttachmentTypesTest.DEFAULTS.allowedTypes()), files, () -> {
        }, clock);
        byte[] pdf = AttachmentUploadsTest.pdfOf(600_000);
        StoredAttachment stored = uploads.upload("carol", "brief.pdf", "application/pdf", pdf.length, new ByteArrayInputStream(pdf));
        writtenButNeverClosed("cut-off", 300_000);

        clock.advance(ABANDONED_AFTER.multipliedBy(10));

        assertThat(sweep.sweep()).isEqualTo(1);
        assertThat(files.find(stored.attachmentId())).contains(stored);
        assertThat(chunks()).as("the finished file's three chunks").isEqualTo(3);
    }

    private GridFSUploadStream writtenButNeverClosed(String attachmentId, int bytes) {
        GridFSUploadStream stream = files.open(new AttachmentFiles.NewUpload(attachmentId, attachmentId + ".pdf",
                "application/pdf", "application/pdf", "carol", clock.instant()));
        stream.write(AttachmentUploadsTest.pdfOf(bytes));
        return stream;
    }

    private long chunks() {
        return count("attachments.chunks");
    }

    private long uploadsUnderWay() {
        return count(AttachmentFiles.UPLOADING);
    }

    private long count(String collection) {
        return database.getCollection(collection).countDocuments();
    }
}
