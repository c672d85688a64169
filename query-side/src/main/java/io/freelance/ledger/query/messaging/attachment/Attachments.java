package io.freelance.ledger.query.messaging.attachment;

import io.freelance.ledger.common.RuleViolation;
import io.freelance.ledger.common.TextInput;
import io.freelance.ledger.messaging.StoryAttachment;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The attachments as the messaging slice uses them: a message names files its author uploaded beforehand with
 * {@code POST /attachments} ({@link #claim}), and once the message is posted its projection records which room
 * and message carry each file ({@link #markAttached}), which lets the room's members download it, and which no
 * longer do once a message is removed ({@link #markDetached}).
 */
public final class Attachments {

    /** The ids this service gives out: a random UUID, lower-case. Anything else is answered as unknown at once. */
    private static final Pattern ATTACHMENT_ID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    private final AttachmentFiles files;

    Attachments(AttachmentFiles files) {
        this.files = files;
    }

    /** As {@link #claim(String, String, String)} for the input field {@code attachmentId}. */
    public StoryAttachment claim(String attachmentId, String uploaderId) {
        return claim(AttachmentRefusal.ATTACHMENT_ID, attachmentId, uploaderId);
    }

    /**
     * What a message carries of a file its author uploaded. Refused with {@code BAD_REQUEST} and the rule
     * {@code <field>.not-uploaded} for an id that names no file, or a file someone else uploaded: the two are
     * answered alike, so no one learns of another user's files.
     *
     * @param field the input that named the attachment, as errors name it ({@code attachments[1]})
     */
    public StoryAttachment claim(String field, String attachmentId, String uploaderId) {
        return find(attachmentId)
                .filter(attachment -> attachment.uploadedBy(uploaderId))
                .map(StoredAttachment::toStoryAttachment)
                .orElseThrow(() -> RuleViolation.badRequest(field, TextInput.ruleSubject(field) + ".not-uploaded",
                        "You have uploaded no attachment with that id: upload the file with POST /attachments first, then send the id it answers."));
    }

    /**
     * As {@link #claim(String, String, String)}, for the message {@code storyId} of {@code roomId}: a file already
     * carried by another message is refused with {@code <field>.already-attached} (upload it again to send it
     * again), so a file's audience only ever grows by its uploader's explicit choice of one message. The same
     * message posted again (a retry with the same story id) may name it once more.
     */
    public StoryAttachment claimForStory(String field, String attachmentId, String uploaderId, String roomId, String storyId) {
        StoryAttachment claimed = claim(field, attachmentId, uploaderId);
        StoredAttachment.AttachedTo thisStory = new StoredAttachment.AttachedTo(roomId, storyId);
        boolean elsewhere = find(attachmentId).map(StoredAttachment::attachedTo).orElse(List.of()).stream()
                .anyMatch(attachedTo -> !attachedTo.equals(thisStory));
        if (elsewhere) {
            throw RuleViolation.badRequest(field, TextInput.ruleSubject(field) + ".already-attached",
                    "That file is already attached to another message; upload it again to send it in this one.");
        }
        return claimed;
    }

    /** Records that a posted message carries the file, so its room's members may download it; idempotent. */
    public void markAttached(String attachmentId, String roomId, String storyId) {
        files.markAttached(attachmentId, roomId, storyId);
    }

    /**
     * Records that a removed message no longer carries the file: its room's members lose access through it (the
     * uploader keeps it, and so does any other room whose messages still carry it); idempotent.
     */
    public void markDetached(String attachmentId, String roomId, String storyId) {
        files.markDetached(attachmentId, roomId, storyId);
    }

    public Optional<StoredAttachment> find(String attachmentId) {
        return attachmentId != null && ATTACHMENT_ID.matcher(attachmentId).matches() ? files.find(attachmentId) : Optional.empty();
    }

}
