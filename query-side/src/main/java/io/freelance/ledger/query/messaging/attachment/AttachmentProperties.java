package io.freelance.ledger.query.messaging.attachment;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * {@code ledger.attachments.*}: the limits of message attachments.
 *
 * @param maxBytes     the largest file accepted (100 MB, 104,857,600 bytes, by default); the server reads at most
 *                     one byte more before it refuses, and refuses a larger {@code Content-Length} before reading
 * @param allowedTypes the media types a file may be, as found from its bytes: images a browser shows safely, PDF,
 *                     plain text and CSV, ZIP and office documents. Not HTML or SVG, which carry scripts that run
 *                     where they are opened, and no executables
 * @param maxUploadTime the longest an upload may take (30 minutes by default: 100 MB at under half a megabit a
 *                     second); a body still arriving then is refused. What an upload cut off by a crash wrote
 *                     is deleted once twice this time has passed
 */
@ConfigurationProperties("ledger.attachments")
public record AttachmentProperties(
        @DefaultValue("100MB") DataSize maxBytes,
        @DefaultValue({
                "image/png", "image/jpeg", "image/gif", "image/webp",
                "application/pdf",
                "text/plain", "text/csv", "text/markdown",
                "application/zip",
                "application/msword", "application/vnd.ms-excel", "application/vnd.ms-powerpoint",
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                "application/vnd.openxmlformats-officedocument.presentationml.presentation",
                "application/vnd.oasis.opendocument.text", "application/vnd.oasis.opendocument.spreadsheet",
                "application/vnd.oasis.opendocument.presentation"}) List<String> allowedTypes,
        @DefaultValue("30m") Duration maxUploadTime) {

    public AttachmentProperties {
        if (maxBytes.toBytes() < 1) {
            throw new IllegalArgumentException("ledger.attachments.max-bytes must be at least 1 byte; it was " + maxBytes);
        }
        if (allowedTypes == null || allowedTypes.isEmpty()) {
            throw new IllegalArgumentException("ledger.attachments.allowed-types must name at least one media type");
        }
        if (maxUploadTime.isNegative() || maxUploadTime.isZero()) {
            throw new IllegalArgumentException("ledger.attachments.max-upload-time must be positive; it was " + maxUploadTime);
        }
        allowedTypes = allowedTypes.stream().map(type -> type.strip().toLowerCase(Locale.ROOT)).toList();
    }
}
