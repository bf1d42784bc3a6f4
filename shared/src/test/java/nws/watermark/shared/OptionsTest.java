package nws.watermark.shared;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.vertx.core.MultiMap;
import java.util.Map;
import nws.watermark.shared.config.FormatsConfig;
import nws.watermark.shared.config.HttpConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OptionsTest {

  private final Config config = Config.defaults();
  private final ImageOptions defaults = config.defaultOptions();

  private static MultiMap params(String... pairs) {
    MultiMap map = MultiMap.caseInsensitiveMultiMap();
    for (int i = 0; i < pairs.length; i += 2) {
      map.add(pairs[i], pairs[i + 1]);
    }
    return map;
  }

  @Test
  void nothing_given_means_the_documented_defaults() {
    ImageOptions o = config.formats().resolved(Options.parse(params(), defaults));
    assertEquals("w=1024&h=1024&fit=inside&enlarge=false&q=80&format=jpeg&progressive=false&pos=br&opacity=0.500&wm=NWS Watermark",
        o.canonical());
  }

  @Test
  void without_q_each_format_has_its_own_default_quality_and_q_sets_whichever_is_written() {
    assertEquals(80, quality("format", "jpeg"));
    assertEquals(80, quality("format", "webp"));
    assertEquals(50, quality("format", "avif"));
    assertEquals(60, quality("format", "avif", "q", "60"));
    Config avif = Config.fromEnv(Map.of(FormatsConfig.AVIF_QUALITY.name(), "42", FormatsConfig.DEFAULT_FORMAT.name(), "avif"));
    assertEquals("avif", avif.defaultOptions().get(Options.FORMAT).id());
    assertEquals(42, avif.formats().resolved(Options.parse(params(), avif.defaultOptions())).get(Options.Q));
  }

  private int quality(String... pairs) {
    return config.formats().resolved(Options.parse(params(pairs), defaults)).get(Options.Q);
  }

  @Test
  void the_same_request_spelled_differently_has_one_canonical_form() {
    ImageOptions a = Options.parse(params("q", "080", "fit", "COVER", "opacity", "0.5", "enlarge", "0"), defaults);
    ImageOptions b = Options.parse(params("enlarge", "false", "fit", "cover", "q", "80"), defaults);
    assertEquals(a.canonical(), b.canonical());
  }

  @Test
  void headers_round_trip_to_the_same_options() {
    ImageOptions o = Options.parse(params("w", "10", "h", "20", "fit", "fill", "wm", "Ünïcode ©", "pos", "tile"), defaults);
    assertEquals(o, Options.parse(o.toHeaders(), defaults));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "w       | 1.5   | w must be an integer 1..8192, got '1.5'",
      "h       | -3    | h must be an integer 1..8192, got '-3'",
      "q       | 0     | q must be an integer 1..100, got '0'",
      "opacity | abc   | opacity must be a number 0..1, got 'abc'",
      "opacity | .     | opacity must be a number 0..1, got '.'",
  })
  void out_of_range_values_are_refused_naming_the_option(String name, String value, String message) {
    ServiceException e = assertThrows(ServiceException.class, () -> Options.parse(params(name, value), defaults));
    assertEquals(ErrorCode.INVALID_OPTION, e.code());
    assertEquals(message, e.getMessage());
  }

  @Test
  void a_watermark_with_control_characters_or_too_long_is_refused() {
    assertThrows(ServiceException.class, () -> Options.parse(params("wm", "a\nb"), defaults));
    assertThrows(ServiceException.class, () -> Options.parse(params("wm", "x".repeat(201)), defaults));
  }

  @Test
  void config_validation_names_the_variable() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Config.fromEnv(Map.of(FormatsConfig.JPEG_QUALITY.name(), "0")));
    assertEquals("NWS_JPEG_QUALITY must be 1..100, got 0", e.getMessage());
    IllegalArgumentException port = assertThrows(IllegalArgumentException.class,
        () -> Config.fromEnv(Map.of(HttpConfig.PORT.name(), "http")));
    assertEquals("NWS_HTTP_PORT must be an integer, got 'http'", port.getMessage());
  }
}
