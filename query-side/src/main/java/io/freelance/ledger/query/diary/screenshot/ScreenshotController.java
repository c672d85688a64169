package io.freelance.ledger.query.diary.screenshot;

import io.freelance.ledger.common.Actor;
import io.freelance.ledger.common.Role;
import io.freelance.ledger.query.security.CallerArgumentResolver;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.HexFormat;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.ServletWebRequest;

/**
 * Screenshots travel beside {@code /graphql}, as raw bytes: GraphQL has no place for binary content.
 * {@code POST /screenshots} takes the image as the request body ({@code Content-Type: image/png} or
 * {@code image/jpeg}) and answers its id, the SHA-256 of its bytes, which GraphQL mutations then name.
 * {@code GET /screenshots/{id}} (and {@code /medium}, {@code /thumbnail}) streams an image to whoever
 * may see it; to anyone else it does not exist. The body is read here as a stream, never bound to a
 * parameter, so no converter reads it into memory.
 */
@RestController
public class ScreenshotController {

    /** Content-addressed: the bytes at a URL never change, so a browser may keep them for a year without asking. */
    static final String CACHE_CONTROL = "private, max-age=31536000, immutable";

    private final ScreenshotUploads uploads;
    private final ScreenshotStore store;
    private final ScreenshotFiles files;
    private final ScreenshotAccess access;

    ScreenshotController(ScreenshotUploads uploads, ScreenshotStore store, ScreenshotFiles files,
                         ScreenshotAccess access) {
        this.uploads = uploads;
        this.store = store;
        this.files = files;
        this.access = access;
    }

    /** The answer to an upload: the id to reference, and what the service found the image to be. */
    public record UploadAnswer(String screenshotId, String contentType, long bytes, int width, int height) {

        static UploadAnswer of(StoredScreenshot screenshot) {
            StoredScreenshot.StoredImage original = screenshot.original();
            return new UploadAnswer(screenshot.screenshotId(), original.contentType(), original.bytes(), original.width(),
                    original.height());
        }
    }

    /** 201 the first time this freelancer sends these bytes, 200 for a repeat; either way nothing is stored twice. */
    @PostMapping("/screenshots")
    ResponseEntity<UploadAnswer> upload(HttpServletRequest request, Authentication authentication) throws IOException {
        Actor actor = CallerArgumentResolver.actorOf(authentication);
        if (actor.role() != Role.FREELANCER) {
            throw ScreenshotRefusal.freelancersOnly();
        }
        ScreenshotStore.Outcome outcome = uploads.upload(actor.userId(), request.getContentType(),
                request.getContentLengthLong(), request.getInputStream());
        StoredScreenshot screenshot = outcome.screenshot();
        return ResponseEntity.status(outcome.newToUploader() ? HttpStatus.CREATED : HttpStatus.OK)
                .location(URI.create(ScreenshotVariant.ORIGINAL.path(screenshot.screenshotId())))
                .body(UploadAnswer.of(screenshot));
    }

    @GetMapping("/screenshots/{screenshotId}")
    void original(@PathVariable String screenshotId, HttpServletRequest request, HttpServletResponse response,
                  Authentication authentication) throws IOException {
        download(screenshotId, ScreenshotVariant.ORIGINAL, request, response, authentication);
    }

    @GetMapping("/screenshots/{screenshotId}/{variant}")
    void derived(@PathVariable String screenshotId, @PathVariable String variant, HttpServletRequest request,
                 HttpServletResponse response, Authentication authentication) throws IOException {
        download(screenshotId, ScreenshotVariant.ofKey(variant).orElseThrow(ScreenshotRefusal::notFound), request, response,
                authentication);
    }

    private void download(String screenshotId, ScreenshotVariant variant, HttpServletRequest request,
                          HttpServletResponse response, Authentication authentication) throws IOException {
        Actor actor = CallerArgumentResolver.actorOf(authentication);
        StoredScreenshot screenshot = (isSha256(screenshotId) ? store.find(screenshotId) : Optional.<StoredScreenshot>empty())
                .filter(found -> access.maySee(actor, found))
                .orElseThrow(ScreenshotRefusal::notFound);
        StoredScreenshot.StoredImage image = screenshot.image(variant);
        response.setHeader(HttpHeaders.CACHE_CONTROL, CACHE_CONTROL);
        // Checked only now: a 304 to someone who may not see the screenshot would reveal that it exists.
        if (new ServletWebRequest(request, response).checkNotModified(etag(screenshotId, variant))) {
            return;
        }
        response.setContentType(image.contentType());
        response.setContentLengthLong(image.bytes());
        files.copy(image.fileId(), response.getOutputStream());
    }

    /** The original's tag is its hash; each derived image is other bytes, so it has a tag of its own. */
    static String etag(String screenshotId, ScreenshotVariant variant) {
        return "\"" + screenshotId + (variant == ScreenshotVariant.ORIGINAL ? "" : "-" + variant.key()) + "\"";
    }

    private static boolean isSha256(String id) {
        return id.length() == 64 && id.chars().allMatch(c -> HexFormat.isHexDigit(c) && !Character.isUpperCase(c));
    }
}
