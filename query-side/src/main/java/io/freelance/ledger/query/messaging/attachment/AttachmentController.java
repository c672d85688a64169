package io.freelance.ledger.query.messaging.attachment;

import io.freelance.ledger.common.Actor;
import io.freelance.ledger.common.Role;
import io.freelance.ledger.query.security.CallerArgumentResolver;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Set;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.util.UriComponentsBuilder;
import org.springframework.web.util.UriUtils;

/**
 * Files for messages travel beside {@code /graphql}, as raw bytes: GraphQL has no place for binary content.
 * {@code POST /attachments?fileName=…} takes the file as the request body, with its own {@code Content-Type},
 * and answers its id, which a message then names. {@code GET /attachments/{id}} streams it back to whoever may
 * see it; to anyone else it does not exist. The body is read as a stream, never bound to a parameter, so no
 * converter reads it into memory.
 */
@RestController
public class AttachmentController {

    /** Members can be removed from a room: a browser keeps a copy, but asks again (and is checked) before using it. */
    static final String CACHE_CONTROL = "private, no-cache";
    private static final Set<Role> UPLOADERS = Set.of(Role.CLIENT, Role.FREELANCER);

    private final AttachmentUploads uploads;
    private final Attachments attachments;
    private final AttachmentFiles files;
    private final AttachmentAccess access;

    AttachmentController(AttachmentUploads uploads, Attachments attachments, AttachmentFiles files, AttachmentAccess access) {
        this.uploads = uploads;
        this.attachments = attachments;
        this.files = files;
        this.access = access;
    }

    /** The answer to an upload: the id a message names, and what the message will carry of the file. */
    public record UploadAnswer(String attachmentId, String fileName, String contentType, long sizeBytes, String sha256) {

        static UploadAnswer of(StoredAttachment attachment) {
            return new UploadAnswer(attachment.attachmentId(), attachment.fileName(), attachment.contentType(),
                    attachment.sizeBytes(), attachment.sha256());
        }
    }

    @PostMapping("/attachments")
    ResponseEntity<UploadAnswer> upload(HttpServletRequest request, Authentication authentication) throws IOException {
        Actor actor = CallerArgumentResolver.actorOf(authentication);
        if (!UPLOADERS.contains(actor.role())) {
            throw AttachmentRefusal.uploadersOnly();
        }
        StoredAttachment attachment = uploads.upload(actor.userId(), fileName(request), request.getContentType(),
                request.getContentLengthLong(), request.getInputStream());
        return ResponseEntity.created(URI.create("/attachments/" + attachment.attachmentId()))
                .body(UploadAnswer.of(attachment));
    }

    @GetMapping("/attachments/{attachmentId}")
    void download(@PathVariable String attachmentId, HttpServletRequest request, HttpServletResponse response,
                  Authentication authentication) throws IOException {
        Actor actor = CallerArgumentResolver.actorOf(authentication);
        StoredAttachment attachment = attachments.find(attachmentId)
                .filter(found -> access.maySee(actor, found))
                .orElseThrow(AttachmentRefusal::notFound);
        response.setHeader(HttpHeaders.CACHE_CONTROL, CACHE_CONTROL);
        // Checked only now: a 304 to someone who may not see the file would reveal that it exists.
        if (new ServletWebRequest(request, response).checkNotModified("\"" + attachment.sha256() + "\"")) {
            return;
        }
        response.setContentType(attachment.contentType());
        response.setContentLengthLong(attachment.sizeBytes());
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, contentDisposition(attachment.fileName()));
        // The type is the one found from the bytes; browsers must not guess another (text they would run as HTML).
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Repr-Digest", "sha-256=:" + Base64.getEncoder().encodeToString(HexFormat.of().parseHex(attachment.sha256())) + ":");
        files.copy(attachment.attachmentId(), response.getOutputStream());
    }

    /**
     * The name from the query string, read here rather than through the servlet's parameters: for a body labelled
     * {@code application/x-www-form-urlencoded} (curl's default), asking for a parameter makes the servlet container
     * read the body as a form.
     */
    private static String fileName(HttpServletRequest request) {
        String query = request.getQueryString();
        if (query == null) {
            return null;
        }
        String encoded = UriComponentsBuilder.newInstance().query(query).build().getQueryParams().getFirst(AttachmentFileName.FIELD);
        return encoded == null ? null : UriUtils.decode(encoded.replace('+', ' '), StandardCharsets.UTF_8);
    }

    /**
     * Always a download ({@code attachment}), never shown in the page. The name twice: {@code filename*} in UTF-8
     * (RFC 6266) for every browser today, and an ASCII {@code filename} with anything else replaced for older clients.
     */
    static String contentDisposition(String fileName) {
        StringBuilder ascii = new StringBuilder();
        fileName.codePoints().forEach(c -> ascii.append(c >= 0x20 && c < 0x7F && c != '"' && c != '\\' ? (char) c : '_'));
        return "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" + UriUtils.encode(fileName, StandardCharsets.UTF_8);
    }
}
