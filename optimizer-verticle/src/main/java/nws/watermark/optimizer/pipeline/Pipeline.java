package nws.watermark.optimizer.pipeline;

import java.util.List;
import javax.imageio.ImageIO;
import nws.watermark.optimizer.codec.TurboJpeg;
import nws.watermark.optimizer.logo.Logos;
import nws.watermark.shared.Config;
import nws.watermark.shared.ErrorCode;
import nws.watermark.shared.ImageOptions;
import nws.watermark.shared.Options;
import nws.watermark.shared.OutputFormat;
import nws.watermark.shared.ServiceException;
import nws.watermark.shared.config.FormatsConfig;

/**
 * The optimizer's work, as a list of steps run in order on one thread: decode (pixel limit first),
 * convert to sRGB, flatten to RGB, resize (placing a smart crop), apply the EXIF orientation,
 * watermark (text, logo), encode. Thread-safe; one instance serves every job of a verticle.
 */
public final class Pipeline {

  static {
    // ImageIO spools streams to temp files by default; in memory is faster and leaves nothing behind.
    ImageIO.setUseCache(false);
  }

  private final List<Step> steps;
  private final Engine engine;
  private final FormatsConfig formats;
  private final Logos logos;

  /** A pipeline on the fastest engine this JVM has ({@link Engine#best()}). */
  public Pipeline(Config config) {
    this(config, Engine.best());
  }

  /** A pipeline on {@code engine}; TURBOJPEG falls back to IMAGEIO where libjpeg-turbo is missing. */
  public Pipeline(Config config, Engine engine) {
    this.engine = engine == Engine.TURBOJPEG && TurboJpeg.load().isEmpty() ? Engine.IMAGEIO : engine;
    this.formats = config.formats();
    this.logos = Logos.of(config.images().logoDir());
    this.steps = List.of(
        new Decode(config.images().maxPixels(), this.engine),
        new Srgb(),
        new Flatten(config.images().background()),
        new Resize(this.engine),
        new Orient(),
        new Watermark(logos),
        new Encode(this.engine, formats));
  }

  /** The engine this pipeline runs. */
  public Engine engine() {
    return engine;
  }

  /**
   * Runs every step on {@code input}.
   *
   * @throws ServiceException with the code a client should see; anything unexpected is INTERNAL
   */
  public Result process(byte[] input, ImageOptions options) {
    return process(input, input.length, options);
  }

  /** As {@link #process(byte[], ImageOptions)}, on the first {@code length} bytes of {@code input}. */
  public Result process(byte[] input, int length, ImageOptions options) {
    if (options.get(Options.FORMAT) == OutputFormat.AUTO) {
      throw new ServiceException(ErrorCode.INVALID_OPTION,
          "format=auto is chosen from the request's Accept header by the HTTP API; over the event bus, name a format");
    }
    // A logo this node lacks is refused before any decoding, whatever else the request says.
    logos.check(options.get(Options.WMIMG));
    Job job = new Job(input, length, formats.resolved(options));
    try {
      for (Step step : steps) {
        step.apply(job);
      }
    } catch (ServiceException e) {
      throw e;
    } catch (Exception e) {
      throw new ServiceException(ErrorCode.INTERNAL, "processing failed: " + e);
    }
    return new Result(job.output, job.options.get(Options.FORMAT), job.image.getWidth(), job.image.getHeight(),
        job.watermarkSkipped);
  }
}
