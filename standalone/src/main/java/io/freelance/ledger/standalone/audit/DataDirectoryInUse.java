package io.freelance.ledger.standalone.audit;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Optional;

/**
 * Whether another process holds the data directory's store files. H2 locks each file it opens for the whole
 * process (an operating-system lock), so a running service keeps the audit out. Asked before the audit starts
 * its stores, so a finance user who forgot to stop the service reads one sentence, not a failed start-up's
 * stack trace.
 */
final class DataDirectoryInUse {

    /** The event store's and the read models' files, as the standalone service names them. */
    static final List<String> STORE_FILES = List.of("event-store.mv.db", "read-models.mv.db");

    private DataDirectoryInUse() {
    }

    /** The first store file another process holds, if any. */
    static Optional<Path> lockedFile(Path dataDirectory) {
        for (String name : STORE_FILES) {
            Path file = dataDirectory.resolve(name);
            if (Files.isRegularFile(file) && heldElsewhere(file)) {
                return Optional.of(file);
            }
        }
        return Optional.empty();
    }

    private static boolean heldElsewhere(Path file) {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            FileLock lock = channel.tryLock();
            if (lock == null) {
                return true;
            }
            lock.release();
            return false;
        } catch (OverlappingFileLockException heldByThisProcess) {
            return true;
        } catch (IOException unreadable) {
            // Not a lock: let the stores report what is wrong with the file.
            return false;
        }
    }
}
