package io.freelance.ledger.query.messaging.attachment;

import com.mongodb.client.gridfs.GridFSUploadStream;
import io.freelance.ledger.query.readstore.ReadStoreDurability;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import org.apache.tika.mime.MediaType;

/**
 * One upload, streamed: the name, declared type and length are checked before a byte is read; the first bytes
 * (at most {@link AttachmentTypes#DETECTION_BYTES}) are read and checked for what they are before anything is
 * stored; then the whole body flows through a fixed buffer into a GridFS upload stream, hashed (SHA-256) and
 * counted on the way, so the heap holds one buffer and one GridFS chunk of it at a time, whatever its size.
 * A body that passes the cap, or is still arriving after the longest an upload may take, is cut off and what was
 * written is deleted.
 */
final class AttachmentUploads {

    private static final int BUFFER_BYTES = 64 * 1024;

    private final long maxBytes;
    private final Duration maxUploadTime;
    private final AttachmentTypes types;
    private final AttachmentFiles files;
    private final ReadStoreDurability durability;
    private final Clock clock;

    AttachmentUploads(long maxBytes, Duration maxUploadTime, AttachmentTypes types, AttachmentFiles files,
                      ReadStoreDurability durability, Clock clock) {
        this.maxBytes = maxBytes;
        this.maxUploadTime = maxUploadTime;
        this.types = types;
        this.files = files;
        this.durability = durability;
        this.clock = clock;
    }

    /**
     * @param declaredLength the {@code Content-Length}, or -1 when the body is sent in chunks
     */
    StoredAttachment upload(String uploaderId, String fileName, String contentType, long declaredLength, InputStream body)
            throws IOException {
        String name = AttachmentFileName.checked(fileName);
        MediaType declared = types.declared(contentType);
        if (declaredLength > maxBytes) {
            throw AttachmentRefusal.tooLarge(maxBytes);
        }
        byte[] head = body.readNBytes((int) Math.min(AttachmentTypes.DETECTION_BYTES, maxBytes + 1));
        if (head.length == 0) {
            throw AttachmentRefusal.empty();
        }
        if (head.length > maxBytes) {
            throw AttachmentRefusal.tooLarge(maxBytes);
        }
        MediaType detected = types.detected(declared, head, name);
        AttachmentFiles.NewUpload upload = new AttachmentFiles.NewUpload(UUID.randomUUID().toString(), name,
                detected.toString(), declared.toString(), uploaderId, clock.instant());
        StoredAttachment stored = stored(upload, head, body);
        durability.makeDurable();
        return stored;
    }

    private StoredAttachment stored(AttachmentFiles.NewUpload upload, byte[] head, InputStream body) throws IOException {
        MessageDigest digest = sha256Digest();
        GridFSUploadStream out = files.open(upload);
        Instant deadline = upload.uploadedAt().plus(maxUploadTime);
        long total = 0;
        try {
            digest.update(head);
            out.write(head);
            total = head.length;
            byte[] buffer = new byte[BUFFER_BYTES];
            int read;
            // Never ask for more than one byte past the cap.
            while ((read = body.read(buffer, 0, (int) Math.min(buffer.length, maxBytes + 1 - total))) > 0) {
                total += read;
                if (total > maxBytes) {
                    throw AttachmentRefusal.tooLarge(maxBytes);
                }
                if (clock.instant().isAfter(deadline)) {
                    throw AttachmentRefusal.tooSlow(maxUploadTime);
                }
                digest.update(buffer, 0, read);
                out.write(buffer, 0, read);
            }
            out.close();
        } catch (IOException | RuntimeException e) {
            // The client went away, the body passed a limit, or the store failed: keep nothing of it.
            discardQuietly(upload, total, e);
            throw e;
        }
        String sha256 = HexFormat.of().formatHex(digest.digest());
        files.complete(upload.attachmentId(), sha256, total);
        if (!files.finish(upload.attachmentId())) {
            // A read blocked past the time allowed, and the upload was taken for abandoned meanwhile.
            AttachmentRefusal tooSlow = AttachmentRefusal.tooSlow(maxUploadTime);
            discardQuietly(upload, total, tooSlow);
            throw tooSlow;
        }
        return new StoredAttachment(upload.attachmentId(), upload.fileName(), upload.contentType(),
                upload.declaredContentType(), total, sha256, upload.uploaderId(), upload.uploadedAt(), List.of());
    }

    private void discardQuietly(AttachmentFiles.NewUpload upload, long written, Exception cause) {
        try {
            files.discard(upload.attachmentId(), written);
        } catch (RuntimeException e) {
            // The refusal or failure already under way is what the caller must see; chunks no file claims only cost space.
            cause.addSuppressed(e);
        }
    }

    private static MessageDigest sha256Digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime provides SHA-256", e);
        }
    }
}
