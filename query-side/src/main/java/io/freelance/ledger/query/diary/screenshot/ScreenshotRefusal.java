package io.freelance.ledger.query.diary.screenshot;

import io.freelance.ledger.common.ErrorCategory;
import io.freelance.ledger.common.LedgerError;
import io.freelance.ledger.query.web.RefusedRequest;
import org.springframework.http.HttpStatus;

/** An upload or download refused, nothing kept; the named cases of this endpoint. */
final class ScreenshotRefusal extends RefusedRequest {

    static final String BODY = "body";
    static final String CONTENT_TYPE = "Content-Type";

    private ScreenshotRefusal(HttpStatus status, LedgerError error) {
        super(status, error);
    }

    static ScreenshotRefusal tooLarge(long maxBytes) {
        return new ScreenshotRefusal(HttpStatus.CONTENT_TOO_LARGE, LedgerError.badRequest(BODY, "body.too-large",
                "A screenshot may be at most %d bytes; this one is larger.".formatted(maxBytes)));
    }

    static ScreenshotRefusal tooManyPixels(int width, int height, long maxPixels) {
        return new ScreenshotRefusal(HttpStatus.CONTENT_TOO_LARGE, LedgerError.badRequest(BODY, "body.too-many-pixels",
                "A screenshot may have at most %d pixels; this one is %d × %d.".formatted(maxPixels, width, height)));
    }

    static ScreenshotRefusal empty() {
        return new ScreenshotRefusal(HttpStatus.BAD_REQUEST, LedgerError.badRequest(BODY, "body.required",
                "The request body must hold the screenshot's bytes; it was empty."));
    }

    static ScreenshotRefusal unsupportedContentType(String contentType) {
        return new ScreenshotRefusal(HttpStatus.UNSUPPORTED_MEDIA_TYPE, LedgerError.badRequest(CONTENT_TYPE,
                "Content-Type.unsupported", "Send a screenshot as image/png or image/jpeg; the Content-Type was %s."
                        .formatted(contentType == null ? "missing" : "'" + contentType + "'")));
    }

    static ScreenshotRefusal notAnImage(ImageFormat declared) {
        return new ScreenshotRefusal(HttpStatus.UNSUPPORTED_MEDIA_TYPE, LedgerError.badRequest(BODY, "body.not-an-image",
                "The body is labelled %s but is neither a PNG nor a JPEG image.".formatted(declared.mediaType())));
    }

    static ScreenshotRefusal typeMismatch(ImageFormat declared, ImageFormat actual) {
        return new ScreenshotRefusal(HttpStatus.BAD_REQUEST, LedgerError.badRequest(CONTENT_TYPE, "Content-Type.mismatch",
                "The body is a %s image but the Content-Type says %s.".formatted(actual.name(), declared.mediaType())));
    }

    static ScreenshotRefusal corrupt(ImageFormat format, String detail) {
        return new ScreenshotRefusal(HttpStatus.BAD_REQUEST, LedgerError.badRequest(BODY, "body.corrupt",
                "The %s image cannot be decoded whole (%s); send the complete, undamaged file.".formatted(format.name(), detail)));
    }

    static ScreenshotRefusal freelancersOnly() {
        return new ScreenshotRefusal(HttpStatus.FORBIDDEN, new LedgerError(ErrorCategory.FORBIDDEN, null, "role.freelancer",
                "Only freelancers upload screenshots of their work."));
    }

    /** The same answer whether the screenshot does not exist or exists and is not the caller's to see. */
    static ScreenshotRefusal notFound() {
        return new ScreenshotRefusal(HttpStatus.NOT_FOUND, LedgerError.notFound("screenshotId", "screenshotId.unknown",
                "No such screenshot among those you may see."));
    }

    /**
     * Not the input's fault: the service is decoding other uploads and this one waited its limit. Classified
     * CONFLICT (the state of the service, not the request, stands in the way), answered 503 so clients retry.
     */
    static ScreenshotRefusal decodersBusy() {
        return new ScreenshotRefusal(HttpStatus.SERVICE_UNAVAILABLE, LedgerError.conflict(BODY, "body.decoders-busy",
                "The service is decoding other screenshots just now; send this one again in a few seconds."));
    }
}
