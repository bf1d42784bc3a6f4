package nws.watermark.optimizer.codec;

import com.luciad.imageio.webp.WebPImageReaderSpi;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import javax.imageio.ImageReader;

/**
 * Still WebP images are read by libwebp (webp-imageio's reader, the library every browser uses),
 * not by TwelveMonkeys: a mutated 2 KB WebP with a garbage alpha chunk kept TwelveMonkeys' VP8L
 * decoder busy for minutes, holding an optimizer thread no timeout can take back, where libwebp
 * refuses it at once. Animated WebP stays with TwelveMonkeys, which gives the first frame
 * (libwebp's simple decoder does not read animations).
 */
public final class WebpStill {

  /** VP8X flag of an animated file. */
  private static final int ANIMATION = 0x02;

  private static final WebPImageReaderSpi SPI = new WebPImageReaderSpi();

  private WebpStill() {}

  /** A reader for a still WebP, when libwebp loaded (else ImageIO's registered one reads it). */
  public static Optional<ImageReader> reader(byte[] in, int length) throws IOException {
    if (!isStill(in, length) || WebpWriter.load().isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(SPI.createReaderInstance());
  }

  /** Whether {@code reader} is libwebp's, as {@link #reader} gives it. */
  public static boolean isReader(ImageReader reader) {
    return reader.getOriginatingProvider() instanceof WebPImageReaderSpi;
  }

  /** {@code RIFF....WEBP}, without VP8X's animation flag. */
  static boolean isStill(byte[] in, int length) {
    if (length < 21 || !"RIFF".equals(ascii(in, 0)) || !"WEBP".equals(ascii(in, 8))) {
      return false;
    }
    return !"VP8X".equals(ascii(in, 12)) || (in[20] & ANIMATION) == 0;
  }

  private static String ascii(byte[] in, int at) {
    return new String(in, at, 4, StandardCharsets.ISO_8859_1);
  }
}
