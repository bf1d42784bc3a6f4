package nws.watermark.api.http;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import nws.watermark.api.Service;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Logos and presets through the HTTP API, as a client sees them. */
class LogosAndPresetsTest {

  private static final String PHOTO = "photo_2mp_storm.jpg";
  private static final String PRESETS = "thumb=w:200,h:200,fit:cover;hero=w:1600,q:70;brand=wmimg:acme,pos:tl";
  private static AtomicInteger renders;
  private static Path logos;
  private static Service service;

  @BeforeAll
  static void start() throws IOException {
    logos = Service.redLogo("acme", 120, 60);
    service = Service.start(Map.of("NWS_WATERMARK_DIR", logos.toString(), "NWS_PRESETS", PRESETS));
    renders = service.optimizerSends();
  }

  @AfterAll
  static void stop() {
    service.close();
  }

  @Test
  void a_preset_and_its_options_written_out_are_one_cached_variant() {
    HttpResponse<Buffer> preset = service.upload(PHOTO, Service.corpus(PHOTO), "?preset=thumb");
    assertEquals(200, preset.statusCode(), preset.bodyAsString());
    assertEquals(200, Service.image(preset).getWidth());
    assertEquals(200, Service.image(preset).getHeight());
    int before = renders.get();
    HttpResponse<Buffer> written = service.get("/images/" + preset.getHeader("X-Image-Id") + "?fit=cover&h=200&w=200",
        MultiMap.caseInsensitiveMultiMap());
    assertEquals("HIT", written.getHeader("X-Cache"), "the written-out options find the preset's variant");
    assertArrayEquals(preset.body().getBytes(), written.body().getBytes());
    assertEquals(preset.getHeader("ETag"), written.getHeader("ETag"));
    assertEquals(before, renders.get(), "no second render");
    HttpResponse<Buffer> wider = service.get("/images/" + preset.getHeader("X-Image-Id") + "?preset=thumb&w=300",
        MultiMap.caseInsensitiveMultiMap());
    assertEquals(300, Service.image(wider).getWidth(), "an option given with a preset overrides it");
  }

  @Test
  void a_preset_may_carry_a_logo() {
    HttpResponse<Buffer> brand = service.upload(PHOTO, Service.corpus(PHOTO), "?preset=brand&w=600");
    BufferedImage image = Service.image(brand);
    Color corner = new Color(image.getRGB(30, 20));
    assertTrue(corner.getRed() > corner.getGreen() + 80, "the logo, half opaque red, is at the top left: " + corner);
  }

  @Test
  void unknown_presets_and_logos_are_400s_listing_what_there_is() {
    HttpResponse<Buffer> preset = service.upload(PHOTO, Service.corpus(PHOTO), "?preset=huge");
    CorpusTest.assertError(preset, 400, "INVALID_OPTION");
    assertEquals("unknown preset 'huge'; presets are brand, hero, thumb", preset.bodyAsJsonObject().getString("message"));
    HttpResponse<Buffer> logo = service.upload(PHOTO, Service.corpus(PHOTO), "?wmimg=nope");
    CorpusTest.assertError(logo, 400, "INVALID_OPTION");
    assertEquals("unknown logo wmimg='nope'; logos are acme", logo.bodyAsJsonObject().getString("message"));
  }

  @Test
  void options_lists_the_logos_and_presets() {
    JsonObject body = service.get("/options", MultiMap.caseInsensitiveMultiMap()).bodyAsJsonObject();
    assertEquals("acme", body.getJsonArray("logos").getString(0));
    assertEquals("200", body.getJsonObject("presets").getJsonObject("thumb").getString("w"));
    assertEquals(false, body.getBoolean("onlyPresets"));
  }

  @Test
  void only_presets_refuses_other_options_and_serves_presets() {
    try (Service strict = Service.start(Map.of("NWS_PRESETS", PRESETS, "NWS_ONLY_PRESETS", "true",
        "NWS_WATERMARK_DIR", logos.toString()))) {
      HttpResponse<Buffer> refused = strict.upload(PHOTO, Service.corpus(PHOTO), "?preset=thumb&w=999");
      CorpusTest.assertError(refused, 400, "INVALID_OPTION");
      assertTrue(refused.bodyAsJsonObject().getString("message").contains("'w' is not allowed"), refused.bodyAsString());
      HttpResponse<Buffer> thumb = strict.upload(PHOTO, Service.corpus(PHOTO), "?preset=thumb");
      assertEquals(200, Service.image(thumb).getWidth());
      HttpResponse<Buffer> q = strict.get("/images/" + thumb.getHeader("X-Image-Id") + "?q=5",
          MultiMap.caseInsensitiveMultiMap());
      CorpusTest.assertError(q, 400, "INVALID_OPTION");
      assertEquals(true, strict.get("/options", MultiMap.caseInsensitiveMultiMap()).bodyAsJsonObject()
          .getBoolean("onlyPresets"));
    }
  }

  @Test
  void a_node_without_logos_refuses_a_logo_clearly_without_a_retry() {
    try (Service plain = Service.start(Map.of())) {
      HttpResponse<Buffer> refused = plain.upload(PHOTO, Service.corpus(PHOTO), "?wmimg=acme");
      CorpusTest.assertError(refused, 400, "INVALID_OPTION");
      assertEquals("wmimg='acme': this node has no logos (NWS_WATERMARK_DIR is not set)",
          refused.bodyAsJsonObject().getString("message"));
    }
  }

  @Test
  void a_bad_logo_stops_the_start_naming_the_file() throws IOException {
    Path bad = Files.createTempDirectory("nws-bad-logos");
    Files.writeString(bad.resolve("broken.png"), "not a png");
    Throwable failure = assertThrows(Throwable.class, () -> Service.start(Map.of("NWS_WATERMARK_DIR", bad.toString())));
    Throwable cause = failure;
    while (cause.getCause() != null && !(cause instanceof IllegalArgumentException)) {
      cause = cause.getCause();
    }
    assertTrue(String.valueOf(cause.getMessage()).contains("broken.png"), String.valueOf(failure));
  }
}
