package io.freelance.ledger.query.diary.screenshot;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoDatabase;
import io.freelance.ledger.query.testsupport.InMemoryMongo;
import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.util.unit.DataSize;

/** The upload pipeline against the in-memory MongoDB wire-protocol server, with a durability step that counts its calls. */
class ScreenshotUploadsTest {

    @TempDir
    Path spool;

    private final InMemoryMongo mongo = new InMemoryMongo();
    private final MongoDatabase database = mongo.database("screenshot-uploads-test");
    private final AtomicInteger madeDurable = new AtomicInteger();

    @AfterEach
    void closeMongo() {
        mongo.close();
    }

    @Test
    void aRepeatIsAnsweredOnlyOnceTheReadStoreIsDurableToo() throws Exception {
        ScreenshotUploads uploads = uploads();
        byte[] png = TestImages.png(40, 30, 3);

        ScreenshotStore.Outcome first = uploads.upload("carol", "image/png", png.length, new ByteArrayInputStream(png));
        assertThat(first.newToUploader()).isTrue();
        assertThat(madeDurable).hasValue(1);

        // A repeat can overtake the racing upload that stored these bytes, so it waits for the disk as well.
        ScreenshotStore.Outcome repeat = uploads.upload("carol", "image/png", png.length, new ByteArrayInputStream(png));
        assertThat(repeat.newToUploader()).isFalse();
        assertThat(madeDurable).hasValue(2);
    }

    private ScreenshotUploads uploads() {
        ScreenshotProperties properties = new ScreenshotProperties(DataSize.ofMegabytes(10), 24_000_000, 32_000_000,
                Duration.ofSeconds(30), spool, Duration.ofHours(1));
        ScreenshotFiles files = new ScreenshotFiles(database);
        ImageDecoder decoder = new ImageDecoder(properties.maxPixels(),
                new DecodeBudget(properties.concurrentDecodePixels(), properties.decodeWait()));
        return new ScreenshotUploads(properties, decoder, new ScreenshotStore(database, files, Clock.systemUTC()),
                madeDurable::incrementAndGet);
    }
}
