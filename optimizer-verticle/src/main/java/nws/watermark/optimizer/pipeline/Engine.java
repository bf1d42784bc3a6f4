package nws.watermark.optimizer.pipeline;

import java.util.Optional;
import nws.watermark.optimizer.codec.TurboJpeg;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How the pipeline decodes, shrinks and encodes. {@link #best()} picks the fastest one this JVM
 * can run; the others stay selectable for tests and benchmarks.
 */
public enum Engine {

  /** Full-size ImageIO decode, Thumbnailator from full size, ImageIO encode: the baseline. */
  NAIVE("naive", "ImageIO full decode, ImageIO encode"),
  /** Pure Java, every JDK: ImageIO source subsampling keeps at least 2x the output, then resize. */
  IMAGEIO("imageio", "ImageIO with source subsampling (shrink-on-load), ImageIO encode"),
  /**
   * libjpeg-turbo: JPEGs are scaled in the DCT domain while decoding and encoded by TurboJPEG;
   * other formats, CMYK and ICC-tagged JPEGs take the {@link #IMAGEIO} path.
   */
  TURBOJPEG("turbojpeg", "libjpeg-turbo DCT-domain shrink-on-load and TurboJPEG encode");

  private static final Logger log = LoggerFactory.getLogger(Engine.class);
  private static final Engine BEST = choose();

  private final String id;
  private final String summary;

  Engine(String id, String summary) {
    this.id = id;
    this.summary = summary;
  }

  /** TURBOJPEG when its jar and native library load, else IMAGEIO. Logged once. */
  public static Engine best() {
    return BEST;
  }

  /** Short name, as {@code /ready} reports it. */
  public String id() {
    return id;
  }

  /** One line for the startup log: what runs and, for TurboJPEG, from where. */
  public String describe() {
    Optional<TurboJpeg> turbo = TurboJpeg.load();
    return this == TURBOJPEG && turbo.isPresent() ? summary + " (" + turbo.get().source() + ")" : summary;
  }

  private static Engine choose() {
    if (TurboJpeg.load().isPresent()) {
      log.info("image engine: {}", TURBOJPEG.describe());
      return TURBOJPEG;
    }
    log.info("image engine: {}; the fast path is off: {}", IMAGEIO.describe(), TurboJpeg.unavailableReason());
    return IMAGEIO;
  }
}
