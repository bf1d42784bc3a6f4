package nws.watermark.optimizer.pipeline;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import nws.watermark.optimizer.codec.WebpStill;
import nws.watermark.optimizer.colour.JpegIcc;
import nws.watermark.shared.ServiceException;

/**
 * Every format ImageIO reads here (JPEG with TwelveMonkeys for CMYK and colour profiles, PNG,
 * GIF, BMP, WebP: still ones with libwebp, see {@link WebpStill}), shrunk on load by source
 * subsampling where the reader does it. Decoder warnings that mean lost data (a
 * truncated file) refuse the image: the picture would be partly made up. {@code fullSize} decodes
 * every pixel (the naive engine, the baseline of the benchmarks).
 */
record ImageIoDecoder(SourceSize size, boolean fullSize) implements Decode.Decoder {

  /** Subsampling drops pixels, so it keeps at least 2x the output to stay alias-free. */
  static final double MIN_RATIO = 2.0;

  /** Warnings after which the decoded picture is partly made up (libjpeg fills the rest grey). */
  private static final List<String> FATAL_WARNINGS = List.of("truncated", "premature end", "missing eoi");

  @Override
  public boolean decode(Job job) throws IOException {
    // A broken colour profile is left out rather than trusted: its header may ask for gigabytes.
    byte[] untagged = JpegIcc.withoutBrokenProfile(job.input, job.length);
    ByteArrayInputStream bytes = untagged == null
        ? new ByteArrayInputStream(job.input, 0, job.length)
        : new ByteArrayInputStream(untagged);
    try (ImageInputStream in = ImageIO.createImageInputStream(bytes)) {
      Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
      if (!readers.hasNext()) {
        return false;
      }
      Optional<ImageReader> webp = WebpStill.reader(job.input, job.length);
      ImageReader reader = webp.isPresent() ? webp.get() : readers.next();
      try {
        job.image = read(reader, in, job);
        return true;
      } finally {
        reader.dispose();
      }
    }
  }

  private BufferedImage read(ImageReader reader, ImageInputStream in, Job job) {
    List<String> warnings = new ArrayList<>();
    reader.addIIOReadWarningListener((source, warning) -> warnings.add(warning));
    reader.setInput(in, true, true);
    String format = formatName(reader);
    try {
      int width = reader.getWidth(0);
      int height = reader.getHeight(0);
      size.check(format, width, height);
      ImageReadParam param = reader.getDefaultReadParam();
      int s = subsampling(SourceSize.plan(job, width, height));
      if (s > 1) {
        param.setSourceSubsampling(s, s, 0, 0);
      }
      BufferedImage image = reader.read(0, param);
      refuseIfDamaged(format, warnings);
      return image;
    } catch (ServiceException e) {
      throw e;
    } catch (Exception | StackOverflowError e) {
      // Any decoder failure on untrusted bytes is the image's fault, not ours.
      throw SourceSize.undecodable(format, e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
    } catch (OutOfMemoryError e) {
      // webp-imageio reports libwebp refusing a bitstream as an OutOfMemoryError (with the size
      // checked above, that is all it can mean here); any other reader's is a real one.
      if (!WebpStill.isReader(reader)) {
        throw e;
      }
      throw SourceSize.undecodable(format, "libwebp could not decode it");
    }
  }

  /** ImageIO keeps every s-th pixel; s is as large as {@link #MIN_RATIO} allows. */
  private int subsampling(Geometry g) {
    if (fullSize) {
      return 1;
    }
    double s = Math.min(g.cropWidth() / (MIN_RATIO * g.width()), g.cropHeight() / (MIN_RATIO * g.height()));
    return Math.max(1, (int) Math.floor(s));
  }

  private static void refuseIfDamaged(String format, List<String> warnings) {
    for (String warning : warnings) {
      String lower = warning.toLowerCase(Locale.ROOT);
      if (FATAL_WARNINGS.stream().anyMatch(lower::contains)) {
        throw SourceSize.undecodable(format, warning);
      }
    }
  }

  private static String formatName(ImageReader reader) {
    try {
      return reader.getFormatName().toUpperCase(Locale.ROOT);
    } catch (IOException e) {
      return "uploaded";
    }
  }
}
