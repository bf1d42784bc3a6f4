package nws.watermark.shared.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import nws.watermark.shared.Config;
import nws.watermark.shared.Secret;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AccessConfigTest {

  private static final String LONG = "0123456789abcdef0123456789abcdef";

  @Test
  void everything_is_off_by_default() {
    AccessConfig access = Config.defaults().access();
    assertFalse(access.signs());
    assertFalse(access.needsApiKey());
    assertFalse(access.rateLimit().limits());
    assertTrue(access.corsOrigins().isEmpty());
  }

  @Test
  void a_short_signing_key_stops_the_start_naming_the_variable_and_not_the_key() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Config.fromEnv(Map.of("NWS_SIGNING_KEYS", LONG + ",short-secret")));
    assertTrue(e.getMessage().startsWith("NWS_SIGNING_KEYS must be secrets of at least 32 bytes"), e.getMessage());
    assertTrue(e.getMessage().contains("key 2 of 12 bytes"), e.getMessage());
    assertFalse(e.getMessage().contains("short-secret"), e.getMessage());
  }

  @Test
  void keys_are_hidden_in_the_logged_configuration() {
    Config config = Config.fromEnv(Map.of("NWS_SIGNING_KEYS", LONG + "," + LONG + "x", "NWS_API_KEYS", "upload-key-000000001"));
    assertEquals(2, config.access().signingKeys().size());
    assertFalse(config.toString().contains(LONG), config.toString());
    assertFalse(config.toString().contains("upload-key-000000001"), config.toString());
  }

  @Test
  void api_keys_come_from_a_file_with_comments_and_blank_lines(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("keys");
    Files.writeString(file, "# the uploaders\nupload-key-000000001\n\n  upload-key-000000002  \n");
    AccessConfig access = Config.fromEnv(Map.of("NWS_API_KEYS", "@" + file)).access();
    assertEquals(List.of(new Secret("upload-key-000000001"), new Secret("upload-key-000000002")), access.apiKeys());
    IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
        () -> Config.fromEnv(Map.of("NWS_API_KEYS", "@" + dir.resolve("none"))));
    assertTrue(missing.getMessage().startsWith("NWS_API_KEYS must be"), missing.getMessage());
    assertThrows(IllegalArgumentException.class, () -> Config.fromEnv(Map.of("NWS_API_KEYS", "short")));
  }

  @Test
  void rates_proxies_and_origins_are_read_or_refused_by_name() {
    Config config = Config.fromEnv(Map.of("NWS_RATE_LIMIT", "600/m", "NWS_RENDER_RATE_LIMIT", "5 / s",
        "NWS_TRUSTED_PROXIES", "10.0.0.0/8, 127.0.0.1, ::1, fd00::/8", "NWS_CORS_ORIGINS", "https://a.example, http://localhost:3000"));
    assertEquals(new Rate(600, Duration.ofMinutes(1)), config.access().rateLimit());
    assertEquals(new Rate(5, Duration.ofSeconds(1)), config.access().renderRateLimit());
    assertEquals(4, config.access().trustedProxies().size());
    assertEquals(List.of("https://a.example", "http://localhost:3000"), config.access().corsOrigins());
    for (Map.Entry<String, String> bad : Map.of("NWS_RATE_LIMIT", "600 per minute", "NWS_TRUSTED_PROXIES", "10.0.0.0/33",
        "NWS_CORS_ORIGINS", "https://a.example/path").entrySet()) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Config.fromEnv(Map.ofEntries(bad)));
      assertTrue(e.getMessage().startsWith(bad.getKey() + " must be"), e.getMessage());
    }
    assertFalse(Config.fromEnv(Map.of("NWS_RATE_LIMIT", "0")).access().rateLimit().limits());
  }
}
