package io.freelance.ledger.query.messaging.attachment;

import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deletes what uploads cut off by a crash left: their chunks (up to the attachment cap, 100 MB each by default),
 * a file document if the stream had closed, and the note that they were under way. An upload is abandoned once its
 * note is twice as old as the longest an upload may take: a running upload is refused when it passes that time, and
 * the second half covers a read still blocked then. So in distributed mode, where several instances share the
 * read-model database, a sweep never takes another instance's upload in progress; should one block longer still, it
 * learns so when it finishes and is refused ({@link AttachmentFiles#finish}). Sweeps run a third of that time apart.
 */
final class AbandonedUploads {

    private static final Logger log = LoggerFactory.getLogger(AbandonedUploads.class);

    private final AttachmentFiles files;
    private final Duration abandonedAfter;
    private final Clock clock;

    AbandonedUploads(AttachmentFiles files, Duration maxUploadTime, Clock clock) {
        this.files = files;
        this.abandonedAfter = abandonedAfter(maxUploadTime);
        this.clock = clock;
    }

    static Duration abandonedAfter(Duration maxUploadTime) {
        return maxUploadTime.multipliedBy(2);
    }

    /** Ten minutes with the default 30 minutes an upload may take. */
    static Duration sweepInterval(Duration maxUploadTime) {
        return maxUploadTime.dividedBy(3);
    }

    /** Deletes every abandoned upload; answers how many there were. */
    int sweep() {
        int discarded = 0;
        for (String attachmentId : files.uploadsStartedBefore(clock.instant().minus(abandonedAfter))) {
            if (files.discardAbandoned(attachmentId)) {
                discarded++;
            }
        }
        if (discarded > 0) {
            log.info("Deleted {} attachment upload(s) that never finished (cut off by a crash)", discarded);
        }
        return discarded;
    }
}
