package nws.watermark.shared;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.MultiMap;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PresetsTest {

  private static final String SPEC = "thumb=w:200,h:200,fit:cover;hero=w:1600,q:70";

  private static MultiMap params(String... pairs) {
    MultiMap map = MultiMap.caseInsensitiveMultiMap();
    for (int i = 0; i < pairs.length; i += 2) {
      map.add(pairs[i], pairs[i + 1]);
    }
    return map;
  }

  private static String startRefusal(Map<String, String> env) {
    return assertThrows(IllegalArgumentException.class, () -> Config.fromEnv(env)).getMessage();
  }

  private static String requestRefusal(Config config, MultiMap params) {
    ServiceException e = assertThrows(ServiceException.class, () -> config.options(params, Set.of(Signer.SIG), true));
    assertEquals(ErrorCode.INVALID_OPTION, e.code());
    return e.getMessage();
  }

  @Test
  void a_preset_is_its_options_written_out_and_given_options_override_it() {
    Config config = Config.fromEnv(Map.of("NWS_PRESETS", SPEC));
    ImageOptions thumb = config.options(params("preset", "thumb"), Set.of(), true);
    assertEquals(config.options(params("w", "200", "h", "200", "fit", "cover"), Set.of(), true), thumb);
    assertEquals(thumb.canonical(), config.options(params("fit", "cover", "w", "200", "h", "200"), Set.of(), true).canonical());
    ImageOptions wider = config.options(params("preset", "thumb", "w", "300"), Set.of(), true);
    assertEquals(300, wider.get(Options.W));
    assertEquals(200, wider.get(Options.H));
    assertEquals(70, config.options(params("preset", "hero"), Set.of(), true).get(Options.Q));
  }

  @Test
  void a_preset_may_hold_a_focal_point_and_text_with_commas_and_colons() {
    Config config = Config.fromEnv(Map.of("NWS_PRESETS", "hero=fit:cover,focus:0.3,0.7,wm:Photo: Jane, 2026,q:70"));
    ImageOptions hero = config.options(params("preset", "hero"), Set.of(), true);
    assertEquals(new Focus(0.3, 0.7), hero.get(Options.FOCUS));
    assertEquals("Photo: Jane, 2026", hero.get(Options.WM));
    assertEquals(70, hero.get(Options.Q));
  }

  @Test
  void an_unknown_preset_is_a_400_listing_the_presets() {
    Config config = Config.fromEnv(Map.of("NWS_PRESETS", SPEC));
    assertEquals("unknown preset 'big'; presets are hero, thumb", requestRefusal(config, params("preset", "big")));
    assertTrue(requestRefusal(Config.defaults(), params("preset", "thumb")).contains("this service has no presets"));
    assertTrue(requestRefusal(config, params("preset", "thumb", "preset", "hero")).contains("more than once"));
    assertEquals(config.options(params("w", "10"), Set.of(), true), config.options(params("preset", "", "w", "10"), Set.of(), true),
        "an empty preset is none, as an empty wm is no text");
  }

  @Test
  void only_presets_refuses_every_other_option_on_the_http_api_but_not_on_the_bus() {
    Config config = Config.fromEnv(Map.of("NWS_PRESETS", SPEC, "NWS_ONLY_PRESETS", "true"));
    assertEquals(200, config.options(params("preset", "thumb", "sig", "abc"), Set.of(Signer.SIG), true).get(Options.W));
    String refusal = requestRefusal(config, params("preset", "thumb", "w", "300"));
    assertTrue(refusal.contains("presets only (NWS_ONLY_PRESETS): 'w' is not allowed"), refusal);
    assertTrue(refusal.contains("hero, thumb"), refusal);
    assertTrue(requestRefusal(config, params("q", "5")).contains("'q' is not allowed"));
    assertEquals(config.defaultOptions().get(Options.W), config.options(params(), Set.of(), true).get(Options.W),
        "no options at all is the one default variant");
    assertEquals(300, config.options(params("preset", "thumb", "w", "300"), Set.of(), false).get(Options.W),
        "event-bus clients are trusted with options");
  }

  @Test
  void bad_presets_stop_the_start_with_the_variable_and_the_preset_named() {
    assertTrue(startRefusal(Map.of("NWS_PRESETS", "thumb=w:abc")).contains("NWS_PRESETS: preset 'thumb': w must be an integer"));
    assertTrue(startRefusal(Map.of("NWS_PRESETS", "thumb=size:200")).contains("NWS_PRESETS: preset 'thumb' must list option:value pairs"));
    assertTrue(startRefusal(Map.of("NWS_PRESETS", "a b=w:1")).contains("NWS_PRESETS must be name=option:value"));
    assertTrue(startRefusal(Map.of("NWS_PRESETS", "t=w:1;t=w:2")).contains("names preset 't' twice"));
    assertTrue(startRefusal(Map.of("NWS_PRESETS", "t=preset:x")).contains("must list option:value pairs"));
    assertTrue(startRefusal(Map.of("NWS_ONLY_PRESETS", "true")).contains("NWS_ONLY_PRESETS=true needs presets"));
    assertTrue(startRefusal(Map.of("NWS_PRESETS", SPEC, "NWS_PRESETS_FILE", "/x")).contains("NWS_PRESETS_FILE must be unset"));
    assertTrue(startRefusal(Map.of("NWS_PRESETS_FILE", "/no/such/file")).contains("NWS_PRESETS_FILE must be a readable file"));
  }

  @Test
  void presets_come_from_a_file_with_comments(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("presets.txt");
    Files.writeString(file, "# sizes for the shop\nthumb = w:200, h:200, fit:cover\n\nhero=w:1600,q:70,format:auto\n");
    Config config = Config.fromEnv(Map.of("NWS_PRESETS_FILE", file.toString()));
    assertEquals(OutputFormat.AUTO, config.options(params("preset", "hero"), Set.of(), true).get(Options.FORMAT));
    assertEquals(200, config.options(params("preset", "thumb"), Set.of(), true).get(Options.H));
    assertEquals(Set.of("thumb", "hero"), config.presets().presets().describe().getJsonObject("presets").fieldNames());
  }
}
