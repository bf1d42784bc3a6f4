package nws.watermark.optimizer.pipeline;

import com.drew.imaging.ImageMetadataReader;
import com.drew.metadata.Metadata;
import com.drew.metadata.exif.ExifIFD0Directory;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.event.IIOReadWarningListener;
import javax.imageio.stream.ImageInputStream;
import nws.watermark.shared.ErrorCode;
import nws.watermark.shared.ServiceException;

/**
 * Decodes the first frame of a JPEG, PNG, GIF, BMP or WebP, after checking the pixel count in the
 * header (a decompression bomb is refused before any pixel memory is taken), and reads the EXIF
 * orientation. Decoder warnings that mean lost data (a truncated file) refuse the image.
 */
final class Decode implements Step {

  static final String READABLE = "JPEG, PNG, GIF, BMP or WebP";

  /** Warnings after which the decoded picture is partly made up (libjpeg fills the rest grey). */
  private static final List<String> FATAL_WARNINGS = List.of("truncated", "premature end", "missing eoi");

  private final long maxPixels;

  Decode(long maxPixels) {
    this.maxPixels = maxPixels;
  }

  @Override
  public void apply(Job job) throws IOException {
    if (job.input.length == 0) {
      throw new ServiceException(ErrorCode.MISSING_IMAGE, "the image is empty (0 bytes)");
    }
    try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(job.input))) {
      ImageReader reader = readerFor(in);
      try {
        job.image = read(reader, in);
      } finally {
        reader.dispose();
      }
    }
    job.orientation = orientation(job.input);
  }

  private static ImageReader readerFor(ImageInputStream in) {
    Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
    if (!readers.hasNext()) {
      throw new ServiceException(ErrorCode.UNSUPPORTED_FORMAT,
          "the upload is not an image type this service reads; send " + READABLE);
    }
    return readers.next();
  }

  private java.awt.image.BufferedImage read(ImageReader reader, ImageInputStream in) {
    List<String> warnings = new ArrayList<>();
    reader.addIIOReadWarningListener(collector(warnings));
    reader.setInput(in, true, true);
    String format = formatName(reader);
    try {
      int width = reader.getWidth(0);
      int height = reader.getHeight(0);
      checkPixels(format, width, height);
      var image = reader.read(0);
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

  /** EXIF orientation; a file without EXIF, or with EXIF we cannot read, is upright. */
  private static Orientation orientation(byte[] input) {
    try {
      Metadata metadata = ImageMetadataReader.readMetadata(new ByteArrayInputStream(input), input.length);
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
