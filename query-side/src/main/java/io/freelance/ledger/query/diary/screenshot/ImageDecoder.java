package io.freelance.ledger.query.diary.screenshot;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * Decodes a spooled upload with ImageIO, reading the header first: the dimensions are checked against
 * the pixel cap, and the decode waits for its share of the {@link DecodeBudget}, before any pixel is
 * decoded. JPEGs are read by TwelveMonkeys' reader (registered ahead of the JDK's), which also reads
 * CMYK and YCCK files. A decoder that had to guess (it warns, e.g. of a truncated JPEG that it filled
 * with grey) counts as a failure: a screenshot is evidence of work and must be whole.
 */
final class ImageDecoder {

    private final long maxPixels;
    private final DecodeBudget budget;

    ImageDecoder(long maxPixels, DecodeBudget budget) {
        this.maxPixels = maxPixels;
        this.budget = budget;
    }

    /** The decoded image, holding its share of the budget until closed. */
    record Decoded(BufferedImage image, DecodeBudget.Share share) implements AutoCloseable {

        int width() {
            return image.getWidth();
        }

        int height() {
            return image.getHeight();
        }

        @Override
        public void close() {
            share.close();
        }
    }

    Decoded decode(Path file, ImageFormat format) {
        ImageReader reader = readerFor(format);
        try (ImageInputStream input = ImageIO.createImageInputStream(file.toFile())) {
            reader.setInput(input, true, true);
            List<String> warnings = new ArrayList<>();
            reader.addIIOReadWarningListener((source, warning) -> warnings.add(warning));
            int width = reader.getWidth(0);
            int height = reader.getHeight(0);
            long pixels = (long) width * height;
            if (width < 1 || height < 1) {
                throw ScreenshotRefusal.corrupt(format, "it says it is " + width + " × " + height + " pixels");
            }
            if (pixels > maxPixels) {
                throw ScreenshotRefusal.tooManyPixels(width, height, maxPixels);
            }
            DecodeBudget.Share share = budget.acquire(pixels);
            try {
                BufferedImage image = reader.read(0);
                if (!warnings.isEmpty()) {
                    throw ScreenshotRefusal.corrupt(format, String.join("; ", warnings));
                }
                return new Decoded(image, share);
            } catch (IOException | RuntimeException e) {
                share.close();
                throw e;
            }
        } catch (ScreenshotRefusal refusal) {
            throw refusal;
        } catch (IOException e) {
            throw ScreenshotRefusal.corrupt(format, e.getMessage() == null ? "unreadable data" : e.getMessage());
        } catch (RuntimeException e) {
            // Some decoders meet damaged data with runtime exceptions of their own; their text is no help to a caller.
            throw ScreenshotRefusal.corrupt(format, "inconsistent data");
        } finally {
            reader.dispose();
        }
    }

    private static ImageReader readerFor(ImageFormat format) {
        Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(format.imageIoName());
        if (!readers.hasNext()) {
            throw new IllegalStateException("No ImageIO reader for " + format + " on the class path");
        }
        return readers.next();
    }
}
