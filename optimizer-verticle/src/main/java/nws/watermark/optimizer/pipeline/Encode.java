package nws.watermark.optimizer.pipeline;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import nws.watermark.shared.Options;
import nws.watermark.shared.OutputFormat;

/**
 * Encodes the RGB result: baseline 4:2:0 JPEG at the requested quality (TurboJPEG when the engine
 * has it, else ImageIO), or PNG.
 */
final class Encode implements Step {

  private final TurboJpeg turbo;

  Encode(Engine engine) {
    this.turbo = engine == Engine.TURBOJPEG ? TurboJpeg.load().orElse(null) : null;
  }

  @Override
  public void apply(Job job) throws IOException {
    OutputFormat format = job.options.get(Options.FORMAT);
    if (format == OutputFormat.JPEG && turbo != null) {
      job.output = turbo.encode(job.image, job.options.get(Options.Q));
      return;
    }
    ImageWriter writer = ImageIO.getImageWritersByFormatName(format.id()).next();
    ByteArrayOutputStream out = new ByteArrayOutputStream(estimate(job));
    try (ImageOutputStream stream = ImageIO.createImageOutputStream(out)) {
      writer.setOutput(stream);
      ImageWriteParam param = writer.getDefaultWriteParam();
      if (format == OutputFormat.JPEG) {
        param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
        param.setCompressionQuality(job.options.get(Options.Q) / 100f);
      }
      writer.write(null, new IIOImage(job.image, null, null), param);
    } finally {
      writer.dispose();
    }
    job.output = out.toByteArray();
  }

  /** A first guess at the encoded size, so the output buffer rarely grows. */
  private static int estimate(Job job) {
    return Math.max(1024, job.image.getWidth() * job.image.getHeight() / 4);
  }
}
