package nws.watermark.shared;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.MultiMap;
import org.junit.jupiter.api.Test;

/** gravity, focus, dpr, wmimg and wmscale: parsed, resolved to one canonical form, and refused clearly. */
class CropAndLogoOptionsTest {

  private final ImageOptions defaults = Config.defaults().defaultOptions();

  private ImageOptions parse(String... pairs) {
    MultiMap map = MultiMap.caseInsensitiveMultiMap();
    for (int i = 0; i < pairs.length; i += 2) {
      map.add(pairs[i], pairs[i + 1]);
    }
    return Options.parse(map, defaults);
  }

  private String refusal(String... pairs) {
    ServiceException e = assertThrows(ServiceException.class, () -> parse(pairs));
    assertEquals(ErrorCode.INVALID_OPTION, e.code());
    return e.getMessage();
  }

  @Test
  void dpr_multiplies_the_box_and_is_the_same_variant_as_the_box_written_out() {
    ImageOptions doubled = parse("w", "300", "h", "200", "dpr", "2");
    assertEquals(600, doubled.get(Options.W));
    assertEquals(400, doubled.get(Options.H));
    assertEquals(parse("w", "600", "h", "400").canonical(), doubled.canonical());
    assertEquals(2048, parse("dpr", "2").get(Options.W), "the default box doubles too");
    assertEquals(450, parse("w", "300", "dpr", "1.5").get(Options.W));
    assertTrue(refusal("w", "4000", "dpr", "3").contains("w x dpr must be at most 8192"));
    assertTrue(refusal("dpr", "0.5").contains("dpr must be a number 1..4"));
    assertTrue(refusal("dpr", "5").contains("dpr must be a number 1..4"));
  }

  @Test
  void gravity_and_focus_apply_to_cover_only_and_focus_wins_over_gravity() {
    assertEquals(Gravity.SMART, parse("fit", "cover", "gravity", "smart").get(Options.GRAVITY));
    assertEquals(parse("fit", "inside").canonical(), parse("fit", "inside", "gravity", "ne", "focus", "0.2,0.3").canonical(),
        "a fit that does not crop has no use for where the crop falls");
    ImageOptions focused = parse("fit", "cover", "gravity", "smart", "focus", "0.25,0.75");
    assertEquals(new Focus(0.25, 0.75), focused.get(Options.FOCUS));
    assertEquals(Gravity.CENTER, focused.get(Options.GRAVITY));
    assertTrue(focused.canonical().contains("focus=0.250,0.750"), focused.canonical());
    assertEquals(parse("fit", "cover").canonical(), parse("fit", "cover", "focus", "0.5,0.5").canonical(),
        "a focus on the centre is the default crop: one cache key");
    assertEquals(parse("fit", "cover", "gravity", "ne").canonical(), parse("fit", "cover", "focus", "1,0").canonical(),
        "a focus on a corner is that gravity");
    assertTrue(refusal("focus", "0.5").contains("focus must be two numbers 0..1 as x,y"));
    assertTrue(refusal("focus", "1.5,0").contains("focus must be"));
    assertTrue(refusal("gravity", "north").contains("gravity must be one of center, n, s, e, w, ne, nw, se, sw, smart"));
  }

  @Test
  void a_logo_without_wm_draws_no_default_text_and_with_wm_draws_both() {
    ImageOptions logo = parse("wmimg", "acme");
    assertEquals("acme", logo.get(Options.WMIMG));
    assertEquals("", logo.get(Options.WM));
    assertEquals("Hello", parse("wmimg", "acme", "wm", "Hello").get(Options.WM));
    assertEquals(0.35, parse("wmimg", "acme", "wmscale", "0.35").get(Options.WMSCALE));
    assertEquals(parse().canonical(), parse("wmscale", "0.5").canonical(), "no logo, no use for its scale");
    assertTrue(refusal("wmimg", "../etc/passwd").contains("wmimg must be a logo's name"));
    assertTrue(refusal("wmimg", "a", "wmscale", "0").contains("wmscale must be a number 0.01..1"));
  }

  @Test
  void requests_without_the_newer_options_keep_their_cache_keys_and_headers() {
    String before = "w=1024&h=1024&fit=cover&enlarge=false&q=0&format=jpeg&progressive=false&pos=br&opacity=0.500"
        + "&wm=NWS Watermark";
    assertEquals(before, parse("fit", "cover", "gravity", "center", "dpr", "1").canonical());
    MultiMap headers = parse("fit", "cover").toHeaders();
    for (String later : new String[] {"gravity", "focus", "dpr", "wmimg", "wmscale"}) {
      assertFalse(headers.contains(later), later + " is not sent at its default, so an older optimizer reads the job");
    }
    ImageOptions all = parse("fit", "cover", "gravity", "se", "wmimg", "acme", "wmscale", "0.3", "wm", "x");
    assertEquals(all, Options.parse(all.toHeaders(), defaults), "the newer options travel as headers when set");
  }
}
