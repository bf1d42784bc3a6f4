package nws.watermark.optimizer.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.MultiMap;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import javax.imageio.ImageIO;
import nws.watermark.optimizer.codec.Codecs;
import nws.watermark.optimizer.codec.Heif;
import nws.watermark.optimizer.codec.HeifFiles;
import nws.watermark.optimizer.codec.HeifReader;
import nws.watermark.shared.Config;
import nws.watermark.shared.ErrorCode;
import nws.watermark.shared.ImageOptions;
import nws.watermark.shared.Options;
import nws.watermark.shared.OutputFormat;
import nws.watermark.shared.ServiceException;
import nws.watermark.shared.config.FormatsConfig;
import nws.watermark.shared.config.ImagesConfig;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every format out (decoded back: its size and its colours), transparency kept where the format
 * has it, and HEIC and AVIF in, made at test time as a phone makes them. libheif is a test
 * requirement here (.ci/run installs it): without it these fail, they never skip.
 */
class FormatsTest {

  private static final Config CONFIG = Config.defaults();
  private static final Pipeline PIPELINE = new Pipeline(CONFIG);

  @BeforeAll
  static void codecs() {
    assertTrue(Codecs.get().writes().contains(OutputFormat.WEBP), "webp-imageio loads: " + Codecs.get().describe());
    assertTrue(Codecs.get().writes().contains(OutputFormat.AVIF), "libheif1 is installed: " + Codecs.get().describe());
  }

  @ParameterizedTest
  @EnumSource(value = OutputFormat.class, names = {"JPEG", "PNG", "WEBP", "AVIF"})
  void each_format_is_written_at_the_size_asked_with_the_colours_of_the_photo(OutputFormat format) throws IOException {
    Result jpeg = process("photo_2mp_storm.jpg", Map.of("w", "400", "wm", ""));
    Result r = process("photo_2mp_storm.jpg", Map.of("w", "400", "wm", "", "format", format.id()));
    assertEquals(format, r.format());
    BufferedImage image = decode(r.bytes(), format);
    assertEquals(400, image.getWidth());
    assertEquals(267, image.getHeight());
    BufferedImage reference = decode(jpeg.bytes(), OutputFormat.JPEG);
    assertTrue(meanDifference(image, reference) < 6, format + " looks like the JPEG of the same photo");
  }

  @ParameterizedTest
  @ValueSource(strings = {"false", "true"})
  void a_jpeg_carries_no_jfif_segment_and_decodes_in_its_colours(String progressive) throws IOException {
    Result r = process("photo_2mp_storm.jpg", Map.of("w", "400", "wm", "", "progressive", progressive));
    byte[] out = r.bytes();
    assertEquals(0xFFD8, (out[0] & 0xff) << 8 | (out[1] & 0xff), "SOI");
    assertTrue(!new String(out, 0, 64, StandardCharsets.ISO_8859_1).contains("JFIF"),
        "18 bytes of JFIF header dropped, as sharp's JPEGs have none");
    BufferedImage png = decode(process("photo_2mp_storm.jpg", Map.of("w", "400", "wm", "", "format", "png")).bytes(),
        OutputFormat.PNG);
    assertTrue(meanDifference(decode(out, OutputFormat.JPEG), png) < 3, "read as YCbCr, not as RGB");
  }

  @ParameterizedTest
  @EnumSource(value = OutputFormat.class, names = {"PNG", "WEBP", "AVIF"})
  void transparency_is_kept_by_png_webp_and_avif(OutputFormat format) throws IOException {
    Result r = process("alpha.png", Map.of("w", "512", "wm", "", "format", format.id()));
    BufferedImage image = decode(r.bytes(), format);
    assertTrue(image.getColorModel().hasAlpha(), format + " has an alpha channel");
    assertTrue((image.getRGB(0, 0) >>> 24) < 16, format + ": the transparent corner stays transparent");
    assertTrue((image.getRGB(256, 192) >>> 24) > 240, format + ": the middle stays opaque");
  }

  @Test
  void jpeg_flattens_transparency_onto_the_background() throws IOException {
    BufferedImage image = decode(process("alpha.png", Map.of("w", "512", "wm", "")).bytes(), OutputFormat.JPEG);
    int corner = image.getRGB(0, 0) & 0xffffff;
    assertTrue(((corner >> 16) & 255) > 245 && ((corner >> 8) & 255) > 245 && (corner & 255) > 245,
        "white background, got " + Integer.toHexString(corner));
  }

  @ParameterizedTest(name = "avif={0}")
  @org.junit.jupiter.params.provider.ValueSource(booleans = {false, true})
  void a_phone_heic_or_avif_turned_by_its_own_rotation_comes_out_upright(boolean avif) throws IOException {
    BufferedImage upright = decode(process("photo_2mp_storm.jpg", Map.of("w", "600", "wm", "")).bytes(), OutputFormat.JPEG);
    byte[] phone = HeifFiles.phoneLike(upright, avif, null);
    Result r = PIPELINE.process(phone, options(Map.of("w", "300", "wm", "")));
    BufferedImage out = decode(r.bytes(), OutputFormat.JPEG);
    assertEquals(300, out.getWidth(), "landscape, as it displays (not as stored)");
    assertEquals(200, out.getHeight());
    assertTrue(meanDifference(out, scaled(upright, 300, 200)) < 10, "upright, not turned again by its EXIF");
  }

  @Test
  void a_heic_over_the_pixel_limit_is_refused_from_its_header() throws IOException {
    byte[] heic = HeifFiles.plain(new BufferedImage(640, 480, BufferedImage.TYPE_INT_RGB), false);
    Pipeline small = new Pipeline(Config.fromEnv(Map.of(ImagesConfig.MAX_PIXELS.name(), "100000")));
    ServiceException e = assertThrows(ServiceException.class, () -> small.process(heic, options(Map.of())));
    assertEquals(ErrorCode.TOO_MANY_PIXELS, e.code());
    assertTrue(e.getMessage().contains("640x480"), e.getMessage());
  }

  @Test
  void a_truncated_avif_is_undecodable_not_a_crash() throws IOException {
    byte[] avif = HeifFiles.plain(new BufferedImage(64, 64, BufferedImage.TYPE_INT_RGB), true);
    byte[] half = java.util.Arrays.copyOf(avif, avif.length / 2);
    ServiceException e = assertThrows(ServiceException.class, () -> PIPELINE.process(half, options(Map.of())));
    assertEquals(ErrorCode.UNDECODABLE_IMAGE, e.code());
  }

  @Test
  void a_format_switched_off_is_refused_naming_the_setting() {
    Pipeline noAvif = new Pipeline(Config.fromEnv(Map.of(FormatsConfig.DISABLED.name(), "avif")));
    ServiceException e = assertThrows(ServiceException.class,
        () -> noAvif.process(Corpus.bytes("photo_03mp_rocket.jpg"), options(Map.of("format", "avif"))));
    assertEquals(ErrorCode.INVALID_OPTION, e.code());
    assertTrue(e.getMessage().contains("NWS_DISABLED_FORMATS"), e.getMessage());
  }

  @Test
  void auto_is_the_api_choice_and_an_event_bus_job_must_name_a_format() {
    ServiceException e = assertThrows(ServiceException.class,
        () -> PIPELINE.process(Corpus.bytes("photo_03mp_rocket.jpg"), options(Map.of("format", "auto"))));
    assertEquals(ErrorCode.INVALID_OPTION, e.code());
  }

  private static Result process(String name, Map<String, String> params) {
    return PIPELINE.process(Corpus.bytes(name), options(params));
  }

  private static ImageOptions options(Map<String, String> params) {
    MultiMap map = MultiMap.caseInsensitiveMultiMap();
    params.forEach(map::add);
    return Options.parse(map, CONFIG.defaultOptions());
  }

  static BufferedImage decode(byte[] bytes, OutputFormat format) throws IOException {
    if (format == OutputFormat.AVIF) {
      return new HeifReader(Heif.load().orElseThrow()).decode(bytes, bytes.length, header -> { }).image();
    }
    BufferedImage image = ImageIO.read(new ByteArrayInputStream(bytes));
    assertTrue(image != null, format + " decodes");
    return image;
  }

  private static BufferedImage scaled(BufferedImage src, int w, int h) {
    BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
    var g = out.createGraphics();
    g.setRenderingHint(java.awt.RenderingHints.KEY_INTERPOLATION, java.awt.RenderingHints.VALUE_INTERPOLATION_BILINEAR);
    g.drawImage(src, 0, 0, w, h, null);
    g.dispose();
    return out;
  }

  /** Mean absolute difference per channel, 0..255, over the whole picture. */
  static double meanDifference(BufferedImage a, BufferedImage b) {
    long sum = 0;
    for (int y = 0; y < a.getHeight(); y++) {
      for (int x = 0; x < a.getWidth(); x++) {
        int p = a.getRGB(x, y);
        int q = b.getRGB(x, y);
        sum += Math.abs(((p >> 16) & 255) - ((q >> 16) & 255)) + Math.abs(((p >> 8) & 255) - ((q >> 8) & 255))
            + Math.abs((p & 255) - (q & 255));
      }
    }
    return sum / (3.0 * a.getWidth() * a.getHeight());
  }
}
