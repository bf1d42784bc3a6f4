package nws.watermark.optimizer.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.MultiMap;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Map;
import javax.imageio.ImageIO;
import nws.watermark.shared.Config;
import nws.watermark.shared.ErrorCode;
import nws.watermark.shared.ImageOptions;
import nws.watermark.shared.Options;
import nws.watermark.shared.ServiceException;
import nws.watermark.shared.config.ImagesConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PipelineTest {

  private final Config config = Config.defaults();
  private final Pipeline pipeline = new Pipeline(config);

  private ImageOptions options(Map<String, String> params) {
    MultiMap map = MultiMap.caseInsensitiveMultiMap();
    params.forEach(map::add);
    return Options.parse(map, config.defaultOptions());
  }

  private static BufferedImage decode(byte[] bytes) throws IOException {
    return ImageIO.read(new ByteArrayInputStream(bytes));
  }

  @ParameterizedTest(name = "{0} in {1}x{2} {3} gives {4}x{5}")
  @CsvSource({
      "photo_2mp_storm.jpg, 300, 300, inside, 300, 200",
      "photo_2mp_storm.jpg, 300, 300, cover, 300, 300",
      "photo_2mp_storm.jpg, 300, 100, fill, 300, 100",
      "photo_03mp_rocket.jpg, 2000, 2000, inside, 640, 427",
      "photo_03mp_rocket.jpg, 200, 600, cover, 200, 427",
      "orient6.jpg, 200, 200, inside, 133, 200",
      "orient6.jpg, 100, 300, cover, 100, 300",
  })
  void fits_the_box_as_asked(String file, int w, int h, String fit, int expectW, int expectH) throws IOException {
    Result result = pipeline.process(Corpus.bytes(file),
        options(Map.of("w", "" + w, "h", "" + h, "fit", fit)));
    BufferedImage out = decode(result.bytes());
    assertEquals(expectW, out.getWidth(), "width");
    assertEquals(expectH, out.getHeight(), "height");
    assertEquals(expectW, result.width());
    assertEquals(expectH, result.height());
  }

  @Test
  void enlarge_scales_a_small_image_up() throws IOException {
    Result result = pipeline.process(Corpus.bytes("photo_03mp_rocket.jpg"),
        options(Map.of("w", "1280", "h", "1280", "enlarge", "true")));
    assertEquals(1280, decode(result.bytes()).getWidth());
  }

  @Test
  void png_output_is_a_png() throws IOException {
    Result result = pipeline.process(Corpus.bytes("photo_coffee.png"), options(Map.of("format", "png")));
    assertEquals((byte) 0x89, result.bytes()[0]);
    assertEquals(600, decode(result.bytes()).getWidth());
  }

  @Test
  void a_header_announcing_too_many_pixels_is_refused_before_decoding() {
    Pipeline strict = new Pipeline(Config.fromEnv(Map.of(ImagesConfig.MAX_PIXELS.name(), "1000000")));
    ServiceException e = assertThrows(ServiceException.class,
        () -> strict.process(Corpus.bytes("photo_2mp_storm.jpg"), config.defaultOptions()));
    assertEquals(ErrorCode.TOO_MANY_PIXELS, e.code());
    assertTrue(e.getMessage().contains("1920x1280"), e.getMessage());
  }
}
