package nws.watermark.optimizer.pipeline;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.EnumMap;
import java.util.Map;
import nws.watermark.optimizer.codec.Codecs;
import nws.watermark.optimizer.codec.Heif;
import nws.watermark.optimizer.codec.HeifWriter;
import nws.watermark.optimizer.codec.TurboJpeg;
import nws.watermark.optimizer.codec.WebpWriter;
import nws.watermark.shared.ErrorCode;
import nws.watermark.shared.ImageOptions;
import nws.watermark.shared.Options;
import nws.watermark.shared.OutputFormat;
import nws.watermark.shared.ServiceException;
import nws.watermark.shared.config.FormatsConfig;

/**
 * Encodes the result in the requested format at the requested quality: JPEG (TurboJPEG when the
 * engine has it, else ImageIO; optimized Huffman tables, baseline or progressive, no JFIF
 * segment), PNG (ImageIO), WebP (libwebp in webp-imageio), AVIF (libheif and libaom). A format
 * this node cannot write is refused, naming what is missing; the API refuses it before sending
 * when no optimizer can write it.
 */
final class Encode implements Step {

  /** One way of writing one format. */
  @FunctionalInterface
  interface Encoder {
    byte[] encode(BufferedImage image, ImageOptions options) throws IOException;
  }

  private final Map<OutputFormat, Encoder> encoders = new EnumMap<>(OutputFormat.class);
  private final Codecs codecs;

  Encode(Engine engine, FormatsConfig formats) {
    TurboJpeg turbo = engine == Engine.TURBOJPEG ? TurboJpeg.load().orElse(null) : null;
    encoders.put(OutputFormat.JPEG, turbo != null
        ? (image, o) -> turbo.encode(image, o.get(Options.Q), o.get(Options.PROGRESSIVE))
        : (image, o) -> ImageIoWriter.jpeg(image, o.get(Options.Q), o.get(Options.PROGRESSIVE)));
    encoders.put(OutputFormat.PNG, (image, o) -> ImageIoWriter.png(image));
    WebpWriter.load().ifPresent(webp -> encoders.put(OutputFormat.WEBP, (image, o) -> webp.encode(image, o.get(Options.Q))));
    Heif.load().filter(Heif::encodesAvif).map(HeifWriter::new).ifPresent(heif -> encoders.put(OutputFormat.AVIF,
        (image, o) -> heif.encode(image, HeifWriter.Encoding.avif(o.get(Options.Q), formats.avifSpeed()))));
    encoders.keySet().removeAll(formats.disabled());
    this.codecs = Codecs.of(formats);
  }

  @Override
  public void apply(Job job) throws IOException {
    OutputFormat format = job.options.get(Options.FORMAT);
    Encoder encoder = encoders.get(format);
    if (encoder == null) {
      throw new ServiceException(ErrorCode.INVALID_OPTION, "format=" + format.id() + " cannot be written by this "
          + "optimizer: " + codecs.whyNot(format) + "; ask for one of "
          + String.join(", ", encoders.keySet().stream().map(OutputFormat::id).toList()));
    }
    job.output = encoder.encode(job.image, job.options);
  }
}
