package io.freelance.ledger.query.messaging.attachment;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.tika.Tika;
import org.apache.tika.mime.MediaType;
import org.apache.tika.mime.MediaTypeRegistry;
import org.apache.tika.mime.MimeTypes;

/**
 * What a file really is, from its first bytes, by Apache Tika's detector (tika-core: the magic numbers and name
 * patterns of some 1,500 media types, kept up to date by the Tika project; no parser runs, nothing is decoded).
 * <p>
 * Two detections: the bytes alone, then the bytes with the file name. The bytes must be recognised on their own
 * (a PNG, a PDF, a ZIP or OLE2 container, text); the name may then only narrow that down (text to CSV, a ZIP
 * container to a Word document: tika-core does not open containers), never overrule it. So a PNG named
 * {@code report.pdf} is a PNG, and random bytes named {@code notes.txt} are refused. The declared
 * {@code Content-Type} must be an allowed type and the detected type that type or a narrower one (declared
 * {@code text/plain}, found {@code text/csv}); the detected type is what is stored and served.
 */
final class AttachmentTypes {

    /** How many first bytes Tika's magic patterns look at, at most (64 KiB): read before anything is stored. */
    static final int DETECTION_BYTES = MimeTypes.getDefaultMimeTypes().getMinLength();

    private final Tika tika = new Tika();
    private final MediaTypeRegistry registry = MimeTypes.getDefaultMimeTypes().getMediaTypeRegistry();
    private final Set<MediaType> allowed;
    private final List<String> allowedNames;

    AttachmentTypes(List<String> allowedTypes) {
        this.allowed = allowedTypes.stream().map(MediaType::parse).collect(Collectors.toUnmodifiableSet());
        this.allowedNames = List.copyOf(allowedTypes);
    }

    /** The declared type without parameters ({@code text/plain; charset=UTF-8} is {@code text/plain}), if it is allowed. */
    MediaType declared(String contentType) {
        MediaType type = contentType == null ? null : MediaType.parse(contentType.strip().toLowerCase(Locale.ROOT));
        if (type == null || !allowed.contains(type.getBaseType())) {
            throw AttachmentRefusal.unsupportedContentType(contentType, allowedNames);
        }
        return type.getBaseType();
    }

    /** The type the first bytes (with the name) show, checked against the declared one. */
    MediaType detected(MediaType declared, byte[] head, String fileName) {
        MediaType byContent = MediaType.parse(tika.detect(head));
        if (byContent == null || MediaType.OCTET_STREAM.equals(byContent)) {
            throw AttachmentRefusal.typeUnrecognised(declared.toString());
        }
        MediaType byContentAndName = MediaType.parse(tika.detect(head, fileName));
        MediaType detected = narrows(byContentAndName, byContent) ? byContentAndName : byContent;
        if (!narrows(detected, declared)) {
            throw AttachmentRefusal.typeMismatch(declared.toString(), detected.toString());
        }
        if (!allowed.contains(detected)) {
            throw AttachmentRefusal.typeNotAllowed(detected.toString());
        }
        return detected;
    }

    private boolean narrows(MediaType type, MediaType than) {
        return type.equals(than) || registry.isSpecializationOf(type, than);
    }
}
