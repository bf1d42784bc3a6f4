package nws.watermark.optimizer.pipeline;

import com.drew.imaging.ImageMetadataReader;
import com.drew.imaging.jpeg.JpegMetadataReader;
import com.drew.metadata.Metadata;
import com.drew.metadata.exif.ExifIFD0Directory;
import com.drew.metadata.exif.ExifReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.event.IIOReadWarningListener;
import javax.imageio.stream.ImageInputStream;
import nws.watermark.shared.ErrorCode;
import nws.watermark.shared.ServiceException;

/**
 * Decodes the first frame of a JPEG, PNG, GIF, BMP or WebP, after checking the pixel count in the
 * header (a decompression bomb is refused before any pixel memory is taken), and reads the EXIF
 * orientation. Decoder warnings that mean lost data (a truncated file) refuse the image.
 * Shrink-on-load: no more pixels are decoded than the output needs (libjpeg-turbo DCT scaling for
 * JPEGs when the engine has it, ImageIO source subsampling otherwise); the crop and output size are
 * planned on the stored size, so every engine gives the same output size.
 */
final class Decode implements Step {

  static final String READABLE = "JPEG, PNG, GIF, BMP or WebP";

  /** Warnings after which the decoded picture is partly made up (libjpeg fills the rest grey). */
  private static final List<String> FATAL_WARNINGS = List.of("truncated", "premature end", "missing eoi");

  /**
   * Shrink-on-load keeps at least this many decoded pixels per output pixel along each axis.
   * ImageIO subsampling drops pixels, so it needs 2x to stay alias-free; libjpeg-turbo's scaled
   * IDCT filters as it shrinks, so 1.4x keeps PSNR above 42 dB against the exact reference
   * (EngineQualityTest) and decodes a 20 MP photo at 2/8 instead of 3/8.
   */
  static final double IMAGEIO_MIN_RATIO = 2.0;
  static final double TURBO_MIN_RATIO = 1.4;

  private final long maxPixels;
  private final Engine engine;
  private final TurboJpeg turbo;

  Decode(long maxPixels, Engine engine) {
    this.maxPixels = maxPixels;
    this.engine = engine;
    this.turbo = engine == Engine.TURBOJPEG ? TurboJpeg.load().orElse(null) : null;
  }

  @Override
  public void apply(Job job) throws IOException {
    if (job.length == 0) {
      throw new ServiceException(ErrorCode.MISSING_IMAGE, "the image is empty (0 bytes)");
    }
    // The orientation decides which way the box is turned, so it is known before decoding.
    job.orientation = orientation(job.input, job.length);
    if (turbo != null && JpegMarkers.isPlainJpeg(job.input, job.length) && decodeTurbo(job)) {
      return;
    }
    try (ImageInputStream in = ImageIO.createImageInputStream(
        new ByteArrayInputStream(job.input, 0, job.length))) {
      ImageReader reader = readerFor(in);
      try {
        job.image = read(reader, in, job);
      } finally {
        reader.dispose();
      }
    }
  }

  /**
   * Decodes with libjpeg-turbo at the smallest n/8 scale that keeps the output sharp. False when
   * libjpeg-turbo cannot or should not take this file (CMYK, any decoder complaint): the ImageIO
   * path then decodes it and gives the exact error, as it always has.
   */
  private boolean decodeTurbo(Job job) throws IOException {
    try (TurboJpeg.Decompressor jpeg = turbo.open(job.input, job.length)) {
      int width = jpeg.width();
      int height = jpeg.height();
      int colorspace = jpeg.colorspace();
      if (colorspace == TurboJpeg.CS_CMYK || colorspace == TurboJpeg.CS_YCCK) {
        return false;
      }
      checkPixels("JPEG", width, height);
      Geometry g = plan(job, width, height);
      int eighths = eighths(g, TURBO_MIN_RATIO);
      job.image = jpeg.decode(scaled(width, eighths), scaled(height, eighths));
      return true;
    } catch (ServiceException e) {
      throw e;
    } catch (IOException | RuntimeException e) {
      job.geometry = null;
      return false;
    }
  }

  /** The smallest n in 1..8 for which n/8 of the crop still has {@code ratio} x the output size. */
  static int eighths(Geometry g, double ratio) {
    for (int n = 1; n < 8; n++) {
      if (g.cropWidth() * n >= ratio * 8 * g.width() && g.cropHeight() * n >= ratio * 8 * g.height()) {
        return n;
      }
    }
    return 8;
  }

  /** libjpeg-turbo's own rounding of a scaled size (TJSCALED). */
  private static int scaled(int size, int eighths) {
    return (size * eighths + 7) / 8;
  }

  /** ImageIO keeps every s-th pixel; s is as large as {@code ratio} allows, 1 for the naive engine. */
  private int subsampling(Geometry g) {
    if (engine == Engine.NAIVE) {
      return 1;
    }
    double s = Math.min(g.cropWidth() / (IMAGEIO_MIN_RATIO * g.width()),
        g.cropHeight() / (IMAGEIO_MIN_RATIO * g.height()));
    return Math.max(1, (int) Math.floor(s));
  }

  /** The crop and output size for the stored image, with the box turned as the orientation turns. */
  private static Geometry plan(Job job, int width, int height) {
    var o = job.options;
    boolean swap = job.orientation.swapsAxes();
    job.sourceWidth = width;
    job.sourceHeight = height;
    job.geometry = Geometry.of(width, height,
        swap ? o.height() : o.width(), swap ? o.width() : o.height(), o.fit(), o.enlarge());
    return job.geometry;
  }

  private static ImageReader readerFor(ImageInputStream in) {
    Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
    if (!readers.hasNext()) {
      throw new ServiceException(ErrorCode.UNSUPPORTED_FORMAT,
          "the upload is not an image type this service reads; send " + READABLE);
    }
    return readers.next();
  }

  private java.awt.image.BufferedImage read(ImageReader reader, ImageInputStream in, Job job) {
    List<String> warnings = new ArrayList<>();
    reader.addIIOReadWarningListener(collector(warnings));
    reader.setInput(in, true, true);
    String format = formatName(reader);
    try {
      int width = reader.getWidth(0);
      int height = reader.getHeight(0);
      checkPixels(format, width, height);
      ImageReadParam param = reader.getDefaultReadParam();
      int s = subsampling(plan(job, width, height));
      if (s > 1) {
        param.setSourceSubsampling(s, s, 0, 0);
      }
      var image = reader.read(0, param);
      refuseIfDamaged(format, warnings);
      return image;
    } catch (ServiceException e) {
      throw e;
    } catch (Exception | StackOverflowError e) {
      // Any decoder failure on untrusted bytes is the image's fault, not ours.
      throw undecodable(format, e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
    }
  }

  private void checkPixels(String format, int width, int height) {
    if (width <= 0 || height <= 0) {
      throw undecodable(format, "its header gives a size of " + width + "x" + height);
    }
    long pixels = (long) width * height;
    if (pixels > maxPixels) {
      throw new ServiceException(ErrorCode.TOO_MANY_PIXELS, String.format(Locale.ROOT,
          "the image is %dx%d (%.1f megapixels); the limit is %.1f megapixels: send a smaller image",
          width, height, pixels / 1e6, maxPixels / 1e6));
    }
  }

  private static void refuseIfDamaged(String format, List<String> warnings) {
    for (String warning : warnings) {
      String lower = warning.toLowerCase(Locale.ROOT);
      if (FATAL_WARNINGS.stream().anyMatch(lower::contains)) {
        throw undecodable(format, warning);
      }
    }
  }

  private static ServiceException undecodable(String format, String why) {
    String detail = why.length() > 120 ? why.substring(0, 120) + "..." : why;
    return new ServiceException(ErrorCode.UNDECODABLE_IMAGE,
        "the " + format + " image is corrupt or truncated and cannot be decoded (" + detail + ")");
  }

  private static String formatName(ImageReader reader) {
    try {
      return reader.getFormatName().toUpperCase(Locale.ROOT);
    } catch (IOException e) {
      return "uploaded";
    }
  }

  private static IIOReadWarningListener collector(List<String> warnings) {
    return (source, warning) -> warnings.add(warning);
  }

  private static boolean isJpeg(byte[] input, int length) {
    return length > 2 && (input[0] & 0xff) == 0xff && (input[1] & 0xff) == 0xd8;
  }

  /** EXIF orientation; a file without EXIF, or with EXIF we cannot read, is upright. */
  private static Orientation orientation(byte[] input, int length) {
    try {
      var in = new ByteArrayInputStream(input, 0, length);
      // For a JPEG only the EXIF segment is parsed: one tag is all this step needs.
      Metadata metadata = isJpeg(input, length)
          ? JpegMetadataReader.readMetadata(in, List.of(new ExifReader()))
          : ImageMetadataReader.readMetadata(in, length);
      ExifIFD0Directory exif = metadata.getFirstDirectoryOfType(ExifIFD0Directory.class);
      if (exif != null && exif.containsTag(ExifIFD0Directory.TAG_ORIENTATION)) {
        return Orientation.ofExif(exif.getInt(ExifIFD0Directory.TAG_ORIENTATION));
      }
    } catch (Exception | StackOverflowError e) {
      // Broken metadata must not refuse a picture that decodes: treat it as upright.
    }
    return Orientation.UPRIGHT;
  }
}
