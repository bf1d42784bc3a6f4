package nws.watermark.optimizer.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.MultiMap;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import nws.watermark.optimizer.colour.Profiles;
import nws.watermark.shared.Config;
import nws.watermark.shared.ImageOptions;
import nws.watermark.shared.Options;
import nws.watermark.shared.OutputFormat;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Photos as phones and cameras save them: JPEGs tagged Display P3, Adobe RGB or sRGB, made at test
 * time. They take the fast path (libjpeg-turbo, shrunk on load, then converted) and come out in the
 * same colours as their sRGB twin.
 */
class TaggedJpegTest {

  private static final Config CONFIG = Config.defaults();
  private static final Pipeline PIPELINE = new Pipeline(CONFIG);
  @TempDir
  static Path dir;
  static Path source;

  @BeforeAll
  static void photos() throws IOException {
    assertEquals(Engine.TURBOJPEG, PIPELINE.engine(), "libjpeg-turbo is installed (.ci/run installs it)");
    source = dir.resolve("storm.jpg");
    Files.copy(Corpus.DIR.resolve("photo_2mp_storm.jpg"), source);
  }

  @ParameterizedTest
  @ValueSource(strings = {"DisplayP3.icm", "AdobeRGB1998.icc"})
  void a_wide_gamut_photo_comes_out_in_the_colours_of_its_srgb_twin(String profile) throws IOException {
    Path wide = Profiles.tagged(source, profile.startsWith("Display") ? Profiles.DISPLAY_P3 : Profiles.ADOBE_RGB, dir);
    Path twin = Profiles.tagged(source, Profiles.SRGB, dir);
    BufferedImage a = FormatsTest.decode(render(wide), OutputFormat.JPEG);
    BufferedImage b = FormatsTest.decode(render(twin), OutputFormat.JPEG);
    double psnr = psnr(a, b);
    assertTrue(psnr > 40, profile + " against its sRGB twin: " + psnr + " dB (unconverted, about 35)");
  }

  @Test
  void a_tagged_photo_is_shrunk_while_decoding_and_converted_after() throws Exception {
    byte[] p3 = Files.readAllBytes(Profiles.tagged(source, Profiles.DISPLAY_P3, dir));
    Job job = new Job(p3, p3.length, CONFIG.formats().resolved(options("w", "300")));
    new Decode(CONFIG.images().maxPixels(), Engine.TURBOJPEG).apply(job);
    assertNotNull(job.iccProfile, "libjpeg-turbo decoded it; the profile waits for the small image");
    assertTrue(job.image.getWidth() < 1920, "decoded at a DCT scale, " + job.image.getWidth() + " wide");
  }

  private static byte[] render(Path jpeg) throws IOException {
    return PIPELINE.process(Files.readAllBytes(jpeg), options("w", "800", "wm", "")).bytes();
  }

  private static ImageOptions options(String... pairs) {
    MultiMap map = MultiMap.caseInsensitiveMultiMap();
    for (int i = 0; i < pairs.length; i += 2) {
      map.add(pairs[i], pairs[i + 1]);
    }
    return Options.parse(map, CONFIG.defaultOptions());
  }

  static double psnr(BufferedImage a, BufferedImage b) {
    double sum = 0;
    for (int y = 0; y < a.getHeight(); y++) {
      for (int x = 0; x < a.getWidth(); x++) {
        int p = a.getRGB(x, y);
        int q = b.getRGB(x, y);
        for (int s = 0; s <= 16; s += 8) {
          double d = ((p >> s) & 255) - ((q >> s) & 255);
          sum += d * d;
        }
      }
    }
    double mse = sum / (3.0 * a.getWidth() * a.getHeight());
    return 10 * Math.log10(255 * 255 / mse);
  }
}
