package io.freelance.ledger.query.diary.screenshot;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.bson.types.ObjectId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deletes what screenshot uploads cut off by a crash left: GridFS files that a save wrote but no record claims
 * (found through the save's note), and bodies spooled to disk that no upload is reading any more. Both are left
 * alone until they are older than {@code abandonedAfter}, far longer than a save (seconds) or a spooled body
 * between two reads (the server's read timeout) takes, so in distributed mode, where instances share the
 * read-model database, a sweep never takes another instance's save in progress.
 */
final class AbandonedScreenshotUploads {

    private static final Logger log = LoggerFactory.getLogger(AbandonedScreenshotUploads.class);

    private final ScreenshotStore store;
    private final ScreenshotFiles files;
    private final Path spoolDirectory;
    private final Duration abandonedAfter;
    private final Clock clock;

    AbandonedScreenshotUploads(ScreenshotStore store, ScreenshotFiles files, Path spoolDirectory, Duration abandonedAfter,
                               Clock clock) {
        this.store = store;
        this.files = files;
        this.spoolDirectory = spoolDirectory;
        this.abandonedAfter = abandonedAfter;
        this.clock = clock;
    }

    /** What one sweep deleted. */
    record Swept(int unclaimedFiles, int spooledBodies) {
    }

    Swept sweep() {
        Instant cutoff = clock.instant().minus(abandonedAfter);
        Swept swept = new Swept(deleteUnclaimedFiles(cutoff), deleteSpooledBodies(cutoff));
        if (swept.unclaimedFiles() > 0 || swept.spooledBodies() > 0) {
            log.info("Deleted {} screenshot file(s) no record claims and {} spooled upload bod(ies), left by uploads a crash cut off",
                    swept.unclaimedFiles(), swept.spooledBodies());
        }
        return swept;
    }

    private int deleteUnclaimedFiles(Instant cutoff) {
        int deleted = 0;
        for (ScreenshotFiles.UploadNote note : files.uploadsStartedBefore(cutoff)) {
            // The note first: another instance's sweep that took it already deletes the same files.
            if (!files.finishUpload(note.uploadId())) {
                continue;
            }
            Set<ObjectId> claimed = store.find(note.screenshotId()).map(StoredScreenshot::fileIds).orElse(Set.of());
            for (ObjectId fileId : note.fileIds()) {
                if (!claimed.contains(fileId)) {
                    files.delete(fileId);
                    deleted++;
                }
            }
        }
        return deleted;
    }

    private int deleteSpooledBodies(Instant cutoff) {
        int deleted = 0;
        try (DirectoryStream<Path> bodies = Files.newDirectoryStream(spoolDirectory, SpooledBody.FILE_GLOB)) {
            for (Path body : bodies) {
                if (lastWrittenBefore(body, cutoff) && Files.deleteIfExists(body)) {
                    deleted++;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot sweep the screenshot spool directory " + spoolDirectory, e);
        }
        return deleted;
    }

    private static boolean lastWrittenBefore(Path body, Instant cutoff) throws IOException {
        try {
            return Files.getLastModifiedTime(body).toInstant().isBefore(cutoff);
        } catch (NoSuchFileException answeredMeanwhile) {
            return false;
        }
    }
}
