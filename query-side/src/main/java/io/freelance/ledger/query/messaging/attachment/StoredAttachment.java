package io.freelance.ledger.query.messaging.attachment;

import io.freelance.ledger.messaging.StoryAttachment;
import java.time.Instant;
import java.util.List;

/**
 * An attachment as kept with its GridFS file: what was uploaded, by whom and when, what its bytes are, and the
 * messages it is attached to (none until a message that names it is posted).
 *
 * @param declaredContentType the type the uploader gave, kept beside the one found from the bytes
 * @param contentType         the type found from the bytes: what downloads are served as
 */
public record StoredAttachment(String attachmentId, String fileName, String contentType, String declaredContentType,
                               long sizeBytes, String sha256, String uploaderId, Instant uploadedAt,
                               List<AttachedTo> attachedTo) {

    /** A message the attachment is part of. */
    public record AttachedTo(String roomId, String storyId) {
    }

    public StoredAttachment {
        attachedTo = List.copyOf(attachedTo);
    }

    public boolean uploadedBy(String userId) {
        return uploaderId.equals(userId);
    }

    /** What a message carries of it. */
    public StoryAttachment toStoryAttachment() {
        return new StoryAttachment(attachmentId, fileName, contentType, sizeBytes, sha256);
    }
}
