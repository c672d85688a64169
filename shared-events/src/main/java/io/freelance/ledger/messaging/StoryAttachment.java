package io.freelance.ledger.messaging;

/**
 * A file attached to a message. The bytes live in the attachment store (GridFS) under {@code attachmentId};
 * the event keeps what a reader needs to show and verify it: its name, the content type found from its bytes,
 * its size and its SHA-256 checksum (hex).
 */
public record StoryAttachment(String attachmentId, String fileName, String contentType, long sizeBytes, String sha256) {
}
