package nws.watermark.optimizer.pipeline;

import java.util.List;
import javax.imageio.ImageIO;
import nws.watermark.shared.Config;
import nws.watermark.shared.ErrorCode;
import nws.watermark.shared.ImageOptions;
import nws.watermark.shared.ServiceException;

/**
 * The optimizer's work, as a list of steps run in order on one thread: decode (pixel limit first),
 * flatten to RGB, resize, apply the EXIF orientation, watermark, encode. Thread-safe; one instance
 * serves every job of a verticle.
 */
public final class Pipeline {

  static {
    // ImageIO spools streams to temp files by default; in memory is faster and leaves nothing behind.
    ImageIO.setUseCache(false);
  }

  private final List<Step> steps;

  public Pipeline(Config config) {
    this.steps = List.of(
        new Decode(config.maxPixels()),
        new Flatten(config.background()),
        new Resize(),
        new Orient(),
        new Watermark(),
        new Encode());
  }

  /**
   * Runs every step on {@code input}.
   *
   * @throws ServiceException with the code a client should see; anything unexpected is INTERNAL
   */
  public Result process(byte[] input, ImageOptions options) {
    Job job = new Job(input, options);
    try {
      for (Step step : steps) {
        step.apply(job);
      }
    } catch (ServiceException e) {
      throw e;
    } catch (Exception e) {
      throw new ServiceException(ErrorCode.INTERNAL, "processing failed: " + e);
    }
    return new Result(job.output, options.format(), job.image.getWidth(), job.image.getHeight(),
        job.watermarkSkipped);
  }
}
