package nws.watermark.optimizer.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.vertx.core.MultiMap;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import nws.watermark.optimizer.codec.WebpStill;
import nws.watermark.shared.Config;
import nws.watermark.shared.ImageOptions;
import nws.watermark.shared.Options;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Shrink-on-load must not cost picture quality: each engine's output, without watermark, is
 * compared with an exact area-average of the full-size decode. PNG output measures decode and
 * resize alone; JPEG q90 adds the encoder.
 */
class EngineQualityTest {

  /**
   * Floors a little under what every engine reaches here (naive Thumbnailator path: 20 MP 53.6 dB,
   * 8 MP 46.2 dB; the fast engines 45-53 dB on PNG output; JPEG q90 rows about 40.5 dB on both
   * encoders), and over a visibly worse picture: DCT scaling to only 1x the output, which this
   * test made us drop, gave 38.5 dB / 0.980 on the 8 MP photo. Where an engine decodes at full
   * size and area-averages, it matches the reference almost exactly (the reference is the same
   * filter, written independently in floating point).
   */
  private static final double MIN_PSNR = 39;
  private static final double MIN_SSIM = 0.985;

  private static final Config config = Config.defaults();
  private static final Map<String, BufferedImage> references = new HashMap<>();

  @BeforeAll
  static void engine_is_reported() {
    System.out.println("best engine here: " + Engine.best().describe());
  }

  @ParameterizedTest(name = "{0} on {1} as {2}")
  @CsvSource({
      "photo_20mp_kleiber.jpg, NAIVE, png", "photo_20mp_kleiber.jpg, IMAGEIO, png",
      "photo_20mp_kleiber.jpg, TURBOJPEG, png", "photo_20mp_kleiber.jpg, TURBOJPEG, jpeg",
      "photo_20mp_kleiber.jpg, IMAGEIO, jpeg",
      "photo_8mp_picos.jpg, NAIVE, png", "photo_8mp_picos.jpg, IMAGEIO, png",
      "photo_8mp_picos.jpg, TURBOJPEG, png",
      "photo_2mp_storm.jpg, NAIVE, png", "photo_2mp_storm.jpg, IMAGEIO, png",
      "photo_2mp_storm.jpg, TURBOJPEG, png",
      "cmyk.jpg, IMAGEIO, png", "cmyk.jpg, TURBOJPEG, png",
      "gray.jpg, TURBOJPEG, png",
      "wallpaper_wood_4096.webp, IMAGEIO, png",
  })
  void every_engine_stays_close_to_an_area_average_reference(String file, Engine engine, String format)
      throws IOException {
    byte[] bytes = Corpus.bytes(file);
    Pipeline pipeline = new Pipeline(config, engine);
    assumeTrue(pipeline.engine() == engine, engine + " is not available on this machine");
    BufferedImage out = decode(pipeline.process(bytes, options(format)).bytes());
    BufferedImage reference = references.computeIfAbsent(file + out.getWidth() + "x" + out.getHeight(),
        k -> Reference.areaAverage(fullDecode(bytes), out.getWidth(), out.getHeight()));
    double psnr = Reference.psnr(reference, out);
    double ssim = Reference.ssim(reference, out);
    System.out.printf(Locale.ROOT, "quality %-26s %-9s %-4s %dx%d PSNR %.2f dB SSIM %.4f%n",
        file, engine, format, out.getWidth(), out.getHeight(), psnr, ssim);
    assertEquals(reference.getWidth(), out.getWidth());
    assertTrue(psnr >= MIN_PSNR, "PSNR " + psnr + " dB under " + MIN_PSNR);
    assertTrue(ssim >= MIN_SSIM, "SSIM " + ssim + " under " + MIN_SSIM);
  }

  private static ImageOptions options(String format) {
    MultiMap map = MultiMap.caseInsensitiveMultiMap()
        .add(Options.WM.name(), "").add(Options.FORMAT.name(), format).add(Options.Q.name(), "90");
    return Options.parse(map, config.defaultOptions());
  }

  /** Every pixel, by the reference decoder of the format: libwebp for a still WebP, as the service reads it. */
  private static BufferedImage fullDecode(byte[] bytes) {
    try {
      Optional<ImageReader> webp = WebpStill.reader(bytes, bytes.length);
      BufferedImage image = webp.isPresent() ? read(webp.get(), bytes) : decode(bytes);
      BufferedImage rgb = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
      rgb.createGraphics().drawImage(image, 0, 0, null);
      return rgb;
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static BufferedImage read(ImageReader reader, byte[] bytes) throws IOException {
    try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
      reader.setInput(in);
      return reader.read(0);
    } finally {
      reader.dispose();
    }
  }

  private static BufferedImage decode(byte[] bytes) throws IOException {
    return ImageIO.read(new ByteArrayInputStream(bytes));
  }
}
