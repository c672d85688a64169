package io.freelance.ledger.query.diary.screenshot;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.gridfs.GridFSBuckets;
import com.mongodb.client.gridfs.GridFSUploadStream;
import io.freelance.ledger.query.diary.screenshot.StoredScreenshot.StoredImage;
import io.freelance.ledger.query.testsupport.InMemoryMongo;
import io.freelance.ledger.query.testsupport.MovingClock;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import org.bson.BsonObjectId;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a crash leaves of a screenshot upload, made the way a save makes it (through the real driver, against the
 * in-memory MongoDB wire-protocol server) and left as the crash leaves it: the sweep deletes the files no record
 * claims and the spooled bodies no upload reads, once they are older than {@code abandonedAfter}, and never
 * anything a stored screenshot needs.
 */
class AbandonedScreenshotUploadsTest {

    private static final Instant NOW = Instant.parse("2026-12-01T09:00:00Z");
    private static final Duration ABANDONED_AFTER = Duration.ofHours(1);
    private static final String ID = "cd".repeat(32);

    @TempDir
    Path spool;

    private final InMemoryMongo mongo = new InMemoryMongo();
    private final MongoDatabase database = mongo.database("abandoned-screenshots-test");
    private final ScreenshotFiles files = new ScreenshotFiles(database);
    private final MovingClock clock = new MovingClock(NOW);
    private final ScreenshotStore store = new ScreenshotStore(database, files, clock);

    @AfterEach
    void closeMongo() {
        mongo.close();
    }

    @Test
    void filesOfASaveCutOffBeforeItsRecordAreDeletedOnceOlderThanAnySaveMayRun() {
        ObjectId original = new ObjectId();
        ObjectId medium = new ObjectId();
        files.noteUpload(new ScreenshotFiles.UploadNote(new ObjectId(), ID, List.of(original, medium, new ObjectId())), clock.instant());
        files.upload(original, ID + "/original", new ByteArrayInputStream(new byte[600_000]), new Document());
        writtenButNeverClosed(medium, 300_000);
        assertThat(count("screenshots.chunks")).as("three chunks of the original, one of the medium image").isEqualTo(4);

        clock.advance(ABANDONED_AFTER.minusSeconds(1));
        assertThat(sweep().unclaimedFiles()).as("it might still be running").isZero();
        assertThat(count("screenshots.chunks")).isEqualTo(4);

        clock.advance(Duration.ofSeconds(2));
        assertThat(sweep().unclaimedFiles()).isEqualTo(3);
        assertThat(count("screenshots.chunks")).isZero();
        assertThat(count("screenshots.files")).isZero();
        assertThat(count(ScreenshotFiles.UPLOADING)).isZero();
        assertThat(sweep().unclaimedFiles()).as("nothing left for a second sweep").isZero();
    }

    @Test
    void aSaveWhoseRecordWasWrittenKeepsEveryFileTheRecordClaims() throws Exception {
        byte[] originalBytes = new byte[700_000];
        new Random(11).nextBytes(originalBytes);
        StoredScreenshot stored = store.save(newScreenshot(originalBytes)).screenshot();
        // A crash after the record, before the note was deleted: the note is back, as that crash leaves it.
        ObjectId strayFile = new ObjectId();
        files.noteUpload(new ScreenshotFiles.UploadNote(new ObjectId(), ID,
                List.of(stored.original().fileId(), stored.image(ScreenshotVariant.MEDIUM).fileId(), strayFile)), clock.instant());
        writtenButNeverClosed(strayFile, 300_000);

        clock.advance(ABANDONED_AFTER.multipliedBy(10));

        assertThat(sweep().unclaimedFiles()).as("only the file no record claims").isOne();
        ByteArrayOutputStream copy = new ByteArrayOutputStream();
        files.copy(store.find(ID).orElseThrow().original().fileId(), copy);
        assertThat(copy.toByteArray()).isEqualTo(originalBytes);
        assertThat(count("screenshots.chunks")).as("the stored screenshot's 3 + 1 + 1 chunks").isEqualTo(5);
        assertThat(count(ScreenshotFiles.UPLOADING)).isZero();
    }

    @Test
    void spooledBodiesNotWrittenToForLongAreDeletedAndNothingElseInTheDirectory() throws Exception {
        Path stale = Files.write(spool.resolve("screenshot-123.upload"), new byte[10]);
        Path live = Files.write(spool.resolve("screenshot-456.upload"), new byte[10]);
        Path unrelated = Files.write(spool.resolve("someone-else.tmp"), new byte[10]);
        Instant staleSince = NOW.minus(ABANDONED_AFTER).minusSeconds(1);
        Files.setLastModifiedTime(stale, FileTime.from(staleSince));
        Files.setLastModifiedTime(unrelated, FileTime.from(staleSince));
        Files.setLastModifiedTime(live, FileTime.from(NOW.minusSeconds(5)));

        assertThat(sweep().spooledBodies()).isOne();

        assertThat(stale).doesNotExist();
        assertThat(live).exists();
        assertThat(unrelated).exists();
    }

    private AbandonedScreenshotUploads.Swept sweep() {
        return new AbandonedScreenshotUploads(store, files, spool, ABANDONED_AFTER, clock).sweep();
    }

    private void writtenButNeverClosed(ObjectId fileId, int bytes) {
        GridFSUploadStream stream = GridFSBuckets.create(database, ScreenshotFiles.BUCKET)
                .openUploadStream(new BsonObjectId(fileId), "cut-off");
        stream.write(new byte[bytes]);
    }

    private ScreenshotStore.NewScreenshot newScreenshot(byte[] original) throws Exception {
        Path file = Files.write(Files.createTempFile(spool, "original", ".png"), original);
        DerivedImages.EncodedImage medium = new DerivedImages.EncodedImage(ScreenshotVariant.MEDIUM, new byte[] {1, 2, 3}, 3, 1);
        DerivedImages.EncodedImage thumbnail = new DerivedImages.EncodedImage(ScreenshotVariant.THUMBNAIL, new byte[] {4}, 1, 1);
        return new ScreenshotStore.NewScreenshot(ID, "carol", file, new StoredImage(null, "image/png", original.length, 50, 50),
                medium, thumbnail);
    }

    private long count(String collection) {
        return database.getCollection(collection).countDocuments();
    }
}
