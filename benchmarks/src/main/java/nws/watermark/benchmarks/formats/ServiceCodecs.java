package nws.watermark.benchmarks.formats;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import javax.imageio.ImageIO;
import nws.watermark.optimizer.codec.Heif;
import nws.watermark.optimizer.codec.HeifReader;
import nws.watermark.optimizer.codec.HeifWriter;
import nws.watermark.optimizer.codec.TurboJpeg;
import nws.watermark.optimizer.codec.WebpWriter;
import nws.watermark.shared.config.FormatsConfig;

/**
 * The service's encoders, called as its Encode step calls them, and the decoders that read any
 * encoder's output back for scoring: ImageIO for JPEG and WebP (TwelveMonkeys reads WebP), libheif
 * for AVIF. Without one of the native codecs there is nothing to compare, so loading fails.
 */
final class ServiceCodecs {

  /** The service's default ({@code NWS_AVIF_SPEED}). */
  static final int AVIF_SPEED = FormatsConfig.AVIF_SPEED.fallback();

  private final TurboJpeg jpeg;
  private final WebpWriter webp;
  private final HeifWriter avif;
  private final HeifReader avifReader;
  final String heifVersion;

  private ServiceCodecs(TurboJpeg jpeg, WebpWriter webp, Heif heif) {
    this.jpeg = jpeg;
    this.webp = webp;
    this.avif = new HeifWriter(heif);
    this.avifReader = new HeifReader(heif);
    this.heifVersion = heif.version();
  }

  static ServiceCodecs load() {
    TurboJpeg jpeg = TurboJpeg.load().orElseThrow(() -> missing(TurboJpeg.unavailableReason()));
    WebpWriter webp = WebpWriter.load().orElseThrow(() -> missing(WebpWriter.unavailableReason()));
    Heif heif = Heif.load().filter(Heif::encodesAvif).orElseThrow(() -> missing(Heif.unavailableReason() != null
        ? Heif.unavailableReason() : "this libheif has no AV1 encoder"));
    return new ServiceCodecs(jpeg, webp, heif);
  }

  private static IllegalStateException missing(String why) {
    return new IllegalStateException("a codec of the service is missing: " + why);
  }

  byte[] encode(Format format, BufferedImage image, int quality) throws IOException {
    return switch (format) {
      // Baseline: the service's default (progressive is an option a client asks for).
      case JPEG -> jpeg.encode(image, quality, false);
      case WEBP -> webp.encode(image, quality);
      case AVIF -> avif.encode(image, HeifWriter.Encoding.avif(quality, AVIF_SPEED));
    };
  }

  BufferedImage decode(Format format, byte[] bytes) throws IOException {
    if (format == Format.AVIF) {
      return avifReader.decode(bytes, bytes.length, header -> { }).image();
    }
    BufferedImage image = ImageIO.read(new ByteArrayInputStream(bytes));
    if (image == null) {
      throw new IOException("ImageIO has no reader for this " + format.id);
    }
    return image;
  }
}
