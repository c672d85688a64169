package io.freelance.ledger.query.diary.screenshot;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoDatabase;
import io.freelance.ledger.query.diary.screenshot.StoredScreenshot.StoredImage;
import io.freelance.ledger.query.testsupport.InMemoryMongo;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** GridFS through the real driver, against the in-memory MongoDB wire-protocol server. */
class ScreenshotStoreTest {

    private static final String ID = "ab".repeat(32);

    @TempDir
    Path directory;

    private final InMemoryMongo mongo = new InMemoryMongo();
    private final MongoDatabase database = mongo.database("screenshots-test");
    private final ScreenshotFiles files = new ScreenshotFiles(database);
    private final ScreenshotStore store = new ScreenshotStore(database, files, Clock.systemUTC());

    @AfterEach
    void closeMongo() {
        mongo.close();
    }

    @Test
    void anOriginalOfManyChunksReadsBackByteForByte() throws Exception {
        byte[] original = new byte[700_000]; // three chunks of 255 KiB, the last one short
        new Random(7).nextBytes(original);

        StoredScreenshot stored = store.save(newScreenshot("carol", original)).screenshot();

        ByteArrayOutputStream copy = new ByteArrayOutputStream();
        files.copy(store.find(ID).orElseThrow().original().fileId(), copy);
        assertThat(copy.toByteArray()).isEqualTo(original);
        assertThat(database.getCollection("screenshots.chunks").countDocuments()).isEqualTo(3 + 1 + 1);
        assertThat(stored.uploaderIds()).containsExactly("carol");
    }

    @Test
    void theSameBytesSavedAgainKeepTheFirstFilesAndDeleteTheSecond() throws Exception {
        byte[] original = TestImages.png(50, 50, 1);
        StoredScreenshot first = store.save(newScreenshot("carol", original)).screenshot();

        ScreenshotStore.Outcome sameUploader = store.save(newScreenshot("carol", original));
        ScreenshotStore.Outcome otherUploader = store.save(newScreenshot("dave", original));

        assertThat(sameUploader.newToUploader()).isFalse();
        assertThat(otherUploader.newToUploader()).isTrue();
        assertThat(otherUploader.screenshot().images()).isEqualTo(first.images());
        assertThat(store.find(ID).orElseThrow().uploaderIds()).containsExactly("carol", "dave");
        assertThat(database.getCollection("screenshots.files").countDocuments()).isEqualTo(3);
        Document originalFile = database.getCollection("screenshots.files").find(new Document("_id", first.original().fileId())).first();
        assertThat(originalFile.getString("filename")).isEqualTo(ID + "/original");
        assertThat(database.getCollection(ScreenshotFiles.UPLOADING).countDocuments())
                .as("every save, the losing ones too, settled what it wrote").isZero();
    }

    @Test
    void ofOneFreelancersUploadsOfTheSameBytesRacingEachOtherExactlyOneIsNewToThem() throws Exception {
        StoredScreenshot first = store.save(newScreenshot("carol", TestImages.png(50, 50, 2))).screenshot();
        int uploads = 8;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(uploads);
        try {
            List<Future<ScreenshotStore.Outcome>> outcomes = new ArrayList<>();
            for (int i = 0; i < uploads; i++) {
                outcomes.add(threads.submit(() -> {
                    start.await();
                    return store.addUploader(first, "dave"); // each found the record before any of them added Dave
                }));
            }
            start.countDown();
            int newToDave = 0;
            for (Future<ScreenshotStore.Outcome> outcome : outcomes) {
                newToDave += outcome.get(30, TimeUnit.SECONDS).newToUploader() ? 1 : 0;
            }
            assertThat(newToDave).isOne();
            assertThat(store.find(ID).orElseThrow().uploaderIds()).containsExactly("carol", "dave");
        } finally {
            threads.shutdownNow();
        }
    }

    private ScreenshotStore.NewScreenshot newScreenshot(String uploaderId, byte[] original) throws Exception {
        Path file = Files.write(Files.createTempFile(directory, "original", ".png"), original);
        DerivedImages.EncodedImage medium = new DerivedImages.EncodedImage(ScreenshotVariant.MEDIUM, new byte[] {1, 2, 3}, 3, 1);
        DerivedImages.EncodedImage thumbnail = new DerivedImages.EncodedImage(ScreenshotVariant.THUMBNAIL, new byte[] {4}, 1, 1);
        return new ScreenshotStore.NewScreenshot(ID, uploaderId, file,
                new StoredImage(null, "image/png", original.length, 50, 50), medium, thumbnail);
    }
}
