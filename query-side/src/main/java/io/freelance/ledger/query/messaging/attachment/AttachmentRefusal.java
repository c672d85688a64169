package io.freelance.ledger.query.messaging.attachment;

import io.freelance.ledger.common.ErrorCategory;
import io.freelance.ledger.common.LedgerError;
import io.freelance.ledger.query.web.RefusedRequest;
import java.time.Duration;
import org.springframework.http.HttpStatus;

/** An upload or download refused, nothing kept; the named cases of this endpoint. */
final class AttachmentRefusal extends RefusedRequest {

    static final String BODY = "body";
    static final String CONTENT_TYPE = "Content-Type";
    static final String ATTACHMENT_ID = "attachmentId";

    private AttachmentRefusal(HttpStatus status, LedgerError error) {
        super(status, error);
    }

    static AttachmentRefusal tooLarge(long maxBytes) {
        return new AttachmentRefusal(HttpStatus.CONTENT_TOO_LARGE, LedgerError.badRequest(BODY, "body.too-large",
                "An attachment may be at most %d bytes (ledger.attachments.max-bytes); this one is larger.".formatted(maxBytes)));
    }

    static AttachmentRefusal tooSlow(Duration maxUploadTime) {
        return new AttachmentRefusal(HttpStatus.REQUEST_TIMEOUT, LedgerError.badRequest(BODY, "body.too-slow",
                "An upload may take at most %s (ledger.attachments.max-upload-time); this one took longer and was not kept."
                        .formatted(maxUploadTime)));
    }

    static AttachmentRefusal empty() {
        return new AttachmentRefusal(HttpStatus.BAD_REQUEST, LedgerError.badRequest(BODY, "body.required",
                "The request body must hold the file's bytes; it was empty."));
    }

    static AttachmentRefusal unsupportedContentType(String contentType, Iterable<String> allowed) {
        return new AttachmentRefusal(HttpStatus.UNSUPPORTED_MEDIA_TYPE, LedgerError.badRequest(CONTENT_TYPE,
                "Content-Type.unsupported", "Send the file with its own Content-Type, one of %s; the Content-Type was %s."
                        .formatted(String.join(", ", allowed), contentType == null ? "missing" : "'" + contentType + "'")));
    }

    static AttachmentRefusal typeMismatch(String declared, String actual) {
        return new AttachmentRefusal(HttpStatus.BAD_REQUEST, LedgerError.badRequest(CONTENT_TYPE, "Content-Type.mismatch",
                "The file's bytes are %s but the Content-Type says %s.".formatted(actual, declared)));
    }

    static AttachmentRefusal typeNotAllowed(String actual) {
        return new AttachmentRefusal(HttpStatus.UNSUPPORTED_MEDIA_TYPE, LedgerError.badRequest(BODY, "body.type-not-allowed",
                "The file's bytes are %s, which is not a kind of file messages carry.".formatted(actual)));
    }

    static AttachmentRefusal typeUnrecognised(String declared) {
        return new AttachmentRefusal(HttpStatus.UNSUPPORTED_MEDIA_TYPE, LedgerError.badRequest(BODY, "body.type-unrecognised",
                "The file is labelled %s but its first bytes are not those of any known kind of file.".formatted(declared)));
    }

    static AttachmentRefusal uploadersOnly() {
        return new AttachmentRefusal(HttpStatus.FORBIDDEN, new LedgerError(ErrorCategory.FORBIDDEN, null,
                "role.client-or-freelancer", "Only clients and freelancers send files in messages."));
    }

    /** The same answer whether the attachment does not exist or exists and is not the caller's to see. */
    static AttachmentRefusal notFound() {
        return new AttachmentRefusal(HttpStatus.NOT_FOUND, LedgerError.notFound(ATTACHMENT_ID, "attachmentId.unknown",
                "No such attachment among those you may see."));
    }
}
