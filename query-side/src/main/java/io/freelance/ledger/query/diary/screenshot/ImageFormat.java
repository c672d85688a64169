package io.freelance.ledger.query.diary.screenshot;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The image formats a screenshot may have, told apart by their first bytes (the content, not its label). */
enum ImageFormat {
    PNG("image/png", "png", new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'}),
    JPEG("image/jpeg", "jpeg", new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF});

    /** Enough of the body's start to recognise every format. */
    static final int SIGNATURE_BYTES = 8;

    private final String mediaType;
    private final String imageIoName;
    private final byte[] signature;

    ImageFormat(String mediaType, String imageIoName, byte[] signature) {
        this.mediaType = mediaType;
        this.imageIoName = imageIoName;
        this.signature = signature;
    }

    String mediaType() {
        return mediaType;
    }

    /** The format name ImageIO's readers are registered under. */
    String imageIoName() {
        return imageIoName;
    }

    /** The format a {@code Content-Type} header names, parameters ignored ({@code image/png; charset=x}). */
    static Optional<ImageFormat> ofMediaType(String contentType) {
        if (contentType == null) {
            return Optional.empty();
        }
        String type = contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(format -> format.mediaType.equals(type)).findFirst();
    }

    /** The format whose signature the content starts with. */
    static Optional<ImageFormat> ofContent(byte[] head) {
        return Arrays.stream(values()).filter(format -> format.startsOf(head)).findFirst();
    }

    private boolean startsOf(byte[] head) {
        return head.length >= signature.length && Arrays.equals(head, 0, signature.length, signature, 0, signature.length);
    }
}
