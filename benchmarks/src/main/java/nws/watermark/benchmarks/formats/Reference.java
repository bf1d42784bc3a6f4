package nws.watermark.benchmarks.formats;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import nws.watermark.optimizer.pipeline.Pipeline;
import nws.watermark.optimizer.pipeline.Result;
import nws.watermark.shared.Config;
import nws.watermark.shared.Options;
import nws.watermark.shared.OutputFormat;

/**
 * The picture every encoder gets and every output is scored against: the photo decoded at full
 * size by ImageIO, fitted inside the box by an exact area average, turned upright by its EXIF
 * orientation (after the resize, as the service does: the result is the same, the work smaller).
 */
record Reference(String photo, BufferedImage image, int sourceWidth, int sourceHeight, int orientation,
    double serviceSsim) {

  static final int BOX = 1024;
  /** Any two good resizes of one photo score well above this; a turned or mirrored one far below. */
  private static final double MIN_SERVICE_SSIM = 0.9;

  static Reference of(Path photo) throws IOException {
    byte[] bytes = Files.readAllBytes(photo);
    BufferedImage full = ImageIO.read(new ByteArrayInputStream(bytes));
    if (full == null) {
      throw new IOException("ImageIO has no reader for " + photo);
    }
    int orientation = Upright.orientation(bytes);
    BufferedImage fitted = Upright.turn(ExactAreaAverage.fitInside(full, BOX), orientation);
    String name = photo.getFileName().toString();
    return new Reference(name, fitted, full.getWidth(), full.getHeight(), orientation,
        serviceSsim(name, bytes, fitted));
  }

  /** Lossless, so sharp encodes exactly these pixels. */
  Path writePng(Path dir) throws IOException {
    Path png = dir.resolve(photo.replaceFirst("\\.[^.]+$", "") + ".ref.png");
    if (!ImageIO.write(image, "png", png.toFile())) {
      throw new IOException("ImageIO wrote no PNG to " + png);
    }
    return png;
  }

  /**
   * The SSIM of the service's own resize (lossless, no watermark) against the reference. The
   * service must stand the photo up the same way and reach the same size, or the comparison would
   * be off: a turned photo scores far below {@link #MIN_SERVICE_SSIM}.
   */
  private static double serviceSsim(String photo, byte[] bytes, BufferedImage reference) throws IOException {
    Config config = Config.defaults();
    Result served = new Pipeline(config).process(bytes, config.defaultOptions()
        .with(Options.FORMAT, OutputFormat.PNG).with(Options.WM, "").with(Options.W, BOX).with(Options.H, BOX));
    if (served.width() != reference.getWidth() || served.height() != reference.getHeight()) {
      throw new IllegalStateException(photo + ": the service makes " + served.width() + "x" + served.height()
          + ", the reference is " + reference.getWidth() + "x" + reference.getHeight());
    }
    double ssim = LumaSsim.of(reference, ImageIO.read(new ByteArrayInputStream(served.bytes())));
    if (ssim < MIN_SERVICE_SSIM) {
      throw new IllegalStateException(photo + ": the service stands it up differently (SSIM " + ssim
          + " against the reference)");
    }
    return ssim;
  }
}
