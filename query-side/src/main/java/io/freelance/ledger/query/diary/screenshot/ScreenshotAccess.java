package io.freelance.ledger.query.diary.screenshot;

import io.freelance.ledger.common.Actor;
import io.freelance.ledger.common.Role;
import java.util.List;
import java.util.Set;

/** Who may see a screenshot: whoever uploaded its bytes, finance and dispute handlers, and whom a {@link ScreenshotReaders} admits. */
final class ScreenshotAccess {

    /** Finance audits what was billed; dispute handlers weigh screenshots as evidence. */
    private static final Set<Role> SEE_EVERY_SCREENSHOT = Set.of(Role.FINANCE, Role.DISPUTE_HANDLER);

    private final List<ScreenshotReaders> readers;

    ScreenshotAccess(List<ScreenshotReaders> readers) {
        this.readers = List.copyOf(readers);
    }

    boolean maySee(Actor actor, StoredScreenshot screenshot) {
        return SEE_EVERY_SCREENSHOT.contains(actor.role())
                || screenshot.uploadedBy(actor.userId())
                || readers.stream().anyMatch(reader -> reader.maySee(actor, screenshot));
    }
}
