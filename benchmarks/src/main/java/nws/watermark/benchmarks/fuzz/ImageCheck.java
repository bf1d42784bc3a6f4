package nws.watermark.benchmarks.fuzz;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import nws.watermark.optimizer.codec.Heif;
import nws.watermark.optimizer.codec.HeifReader;

/**
 * Decodes the body of a 200 as its Content-Type says: JPEG, PNG and WebP through ImageIO (with
 * TwelveMonkeys' readers on the class path), AVIF through libheif. A decoder warning counts as a
 * failure, since ImageIO decodes a truncated JPEG without an exception and only warns; and the
 * decoded size must be the one the X-Image-Width and X-Image-Height headers announce.
 */
final class ImageCheck {

  private ImageCheck() {}

  /** Null when {@code answer}'s body is a whole image of its Content-Type; else what is wrong. */
  static String problem(Answer answer) {
    String type = String.valueOf(answer.header("content-type")).toLowerCase(Locale.ROOT).split(";")[0].trim();
    try {
      BufferedImage image = switch (type) {
        case "image/jpeg", "image/png", "image/webp" -> imageIo(answer.body(), type);
        case "image/avif" -> avif(answer.body());
        default -> throw new IOException("Content-Type '" + type + "' is not an image the service writes");
      };
      String w = answer.header("x-image-width");
      String h = answer.header("x-image-height");
      if (w != null && h != null && !(image.getWidth() + "x" + image.getHeight()).equals(w + "x" + h)) {
        return "decodes as " + image.getWidth() + "x" + image.getHeight() + " but the headers say " + w + "x" + h;
      }
      return null;
    } catch (IOException | RuntimeException e) {
      return type + " body of " + answer.body().length + " bytes does not decode: " + e;
    }
  }

  private static BufferedImage imageIo(byte[] body, String type) throws IOException {
    Iterator<ImageReader> readers = ImageIO.getImageReadersByMIMEType(type);
    if (!readers.hasNext()) {
      throw new IOException("no ImageIO reader for " + type);
    }
    ImageReader reader = readers.next();
    List<String> warnings = new ArrayList<>();
    try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(body))) {
      reader.setInput(in, true, true);
      reader.addIIOReadWarningListener((source, warning) -> warnings.add(warning));
      BufferedImage image = reader.read(0);
      if (!warnings.isEmpty()) {
        throw new IOException("decoder warnings: " + warnings);
      }
      return image;
    } finally {
      reader.dispose();
    }
  }

  private static BufferedImage avif(byte[] body) throws IOException {
    Heif heif = Heif.load().orElseThrow(() -> new IOException("libheif is not here to check an AVIF: "
        + Heif.unavailableReason()));
    return new HeifReader(heif).decode(body, body.length, header -> { }).image();
  }
}
