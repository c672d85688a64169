package io.freelance.ledger.query.diary.screenshot;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class DerivedImagesTest {

    @Test
    void aLargeScreenshotIsScaledIntoEachBoxWithItsAspectRatio() throws Exception {
        DerivedImages.Derived derived = DerivedImages.of(ImageIO.read(new ByteArrayInputStream(TestImages.png(1920, 1080, 1))));

        assertDecodesAs(derived.medium(), 1024, 576);
        assertDecodesAs(derived.thumbnail(), 200, 113);
    }

    @Test
    void aSmallScreenshotIsNeverEnlarged() throws Exception {
        DerivedImages.Derived derived = DerivedImages.of(ImageIO.read(new ByteArrayInputStream(TestImages.png(320, 100, 2))));

        assertDecodesAs(derived.medium(), 320, 100);
        assertDecodesAs(derived.thumbnail(), 200, 63);
    }

    private static void assertDecodesAs(DerivedImages.EncodedImage encoded, int width, int height) throws Exception {
        BufferedImage decoded = ImageIO.read(new ByteArrayInputStream(encoded.bytes()));
        assertThat(ImageFormat.ofContent(encoded.bytes())).contains(ImageFormat.JPEG);
        assertThat(decoded.getWidth()).isEqualTo(width).isEqualTo(encoded.width());
        assertThat(decoded.getHeight()).isEqualTo(height).isEqualTo(encoded.height());
    }
}
