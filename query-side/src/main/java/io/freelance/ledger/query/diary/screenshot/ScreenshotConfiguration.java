package io.freelance.ledger.query.diary.screenshot;

import com.mongodb.client.MongoDatabase;
import io.freelance.ledger.query.operations.PeriodicTask;
import io.freelance.ledger.query.readstore.ReadStoreDurability;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Screenshot uploads and downloads, stored in the read-model database's GridFS bucket {@code screenshots}. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ScreenshotProperties.class)
class ScreenshotConfiguration {

    @Bean
    ScreenshotFiles screenshotFiles(MongoDatabase readModelDatabase) {
        return new ScreenshotFiles(readModelDatabase);
    }

    @Bean
    ScreenshotStore screenshotStore(MongoDatabase readModelDatabase, ScreenshotFiles screenshotFiles) {
        return new ScreenshotStore(readModelDatabase, screenshotFiles, Clock.systemUTC());
    }

    /** Removes what uploads cut off by a crash left behind (every ten minutes by default). */
    @Bean
    PeriodicTask abandonedScreenshotUploadsSweep(ScreenshotProperties properties, ScreenshotStore screenshotStore,
                                                 ScreenshotFiles screenshotFiles) {
        AbandonedScreenshotUploads abandoned = new AbandonedScreenshotUploads(screenshotStore, screenshotFiles,
                properties.spoolDirectory(), properties.abandonedAfter(), Clock.systemUTC());
        Duration interval = properties.abandonedAfter().dividedBy(6);
        return new PeriodicTask("abandoned-screenshot-uploads-sweep", interval, interval, abandoned::sweep);
    }

    @Bean
    UploadedScreenshots uploadedScreenshots(ScreenshotStore screenshotStore) {
        return new UploadedScreenshots(screenshotStore);
    }

    @Bean
    DecodeBudget screenshotDecodeBudget(ScreenshotProperties properties) {
        return new DecodeBudget(properties.concurrentDecodePixels(), properties.decodeWait());
    }

    @Bean
    ScreenshotUploads screenshotUploads(ScreenshotProperties properties, DecodeBudget screenshotDecodeBudget,
                                        ScreenshotStore screenshotStore, ObjectProvider<ReadStoreDurability> durability)
            throws IOException {
        // At start, so a spool directory that cannot be made stops the service instead of failing every upload.
        Files.createDirectories(properties.spoolDirectory());
        return new ScreenshotUploads(properties, new ImageDecoder(properties.maxPixels(), screenshotDecodeBudget),
                screenshotStore, durability.getIfAvailable(() -> ReadStoreDurability.AS_ACKNOWLEDGED));
    }

    @Bean
    ScreenshotAccess screenshotAccess(ObjectProvider<ScreenshotReaders> readers) {
        return new ScreenshotAccess(readers.orderedStream().toList());
    }
}
