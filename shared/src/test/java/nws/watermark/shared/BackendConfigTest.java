package nws.watermark.shared;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The NWS_REDIS_* and NWS_S3_* settings: defaults, and a message naming the variable at fault. */
class BackendConfigTest {

  static final Map<String, String> S3 = Map.of(
      Config.S3_ENDPOINT, "http://127.0.0.1:9000", Config.S3_ACCESS_KEY, "nwsaccess", Config.S3_SECRET_KEY, "nwssecret");

  @Test
  void with_nothing_set_there_is_no_redis_and_originals_stay_local() {
    Config config = Config.defaults();
    assertFalse(config.redisEnabled());
    assertFalse(config.s3Enabled());
    assertEquals(86_400, config.redisTtlSeconds());
    assertEquals("watermarks", config.s3Bucket());
    assertEquals("nws:render:", config.redisKeyPrefix());
  }

  @Test
  void sentinel_and_cluster_take_a_list_of_endpoints() {
    Config config = Config.fromEnv(Map.of(Config.REDIS_URL, "redis://10.0.0.1:26379, redis://10.0.0.2:26379",
        Config.REDIS_TYPE, "Sentinel", Config.REDIS_MASTER_NAME, "images"));
    assertEquals(java.util.List.of("redis://10.0.0.1:26379", "redis://10.0.0.2:26379"), config.redisEndpoints());
    assertEquals("sentinel", config.redisType());
  }

  @Test
  void the_secret_key_and_a_redis_password_are_never_in_the_log_line_or_to_string() {
    Config config = Config.fromEnv(Map.of(Config.S3_ENDPOINT, "http://127.0.0.1:9000", Config.S3_ACCESS_KEY, "nwsaccess",
        Config.S3_SECRET_KEY, "very-secret", Config.REDIS_URL, "redis://user:hunter2@127.0.0.1:6379/0"));
    String logged = config.describe().toString() + config;
    assertFalse(logged.contains("very-secret"), logged);
    assertFalse(logged.contains("hunter2"), logged);
    assertTrue(logged.contains("redis://***@127.0.0.1:6379/0"), logged);
    assertTrue(config.describe().toString().contains("NWS_S3_SECRET_KEY=(set)"));
    assertEquals("very-secret", config.s3SecretKey().value());
  }

  static Stream<Arguments> bad() {
    return Stream.of(
        Arguments.of(Map.of(Config.REDIS_URL, "localhost:6379"),
            "NWS_REDIS_URL must be redis://[user:password@]host:port[/db], or a comma-separated list of them, got 'localhost:6379'"),
        Arguments.of(Map.of(Config.REDIS_TYPE, "mesh"),
            "NWS_REDIS_TYPE must be one of standalone, sentinel, cluster, replication, got 'mesh'"),
        Arguments.of(Map.of(Config.REDIS_TTL_SECONDS, "0"), "NWS_REDIS_TTL_SECONDS must be at least 1, got 0"),
        Arguments.of(Map.of(Config.REDIS_TTL_SECONDS, "1d"), "NWS_REDIS_TTL_SECONDS must be an integer, got '1d'"),
        Arguments.of(Map.of(Config.REDIS_TIMEOUT_MS, "0"), "NWS_REDIS_TIMEOUT_MS must be at least 1, got 0"),
        Arguments.of(Map.of(Config.S3_ENDPOINT, "127.0.0.1:9000"),
            "NWS_S3_ENDPOINT must be http(s)://host:port (path-style; no bucket in it), got '127.0.0.1:9000'"),
        Arguments.of(Map.of(Config.S3_ENDPOINT, "http://127.0.0.1:9000"),
            "NWS_S3_ACCESS_KEY must be set when NWS_S3_ENDPOINT is, got nothing"),
        Arguments.of(Map.of(Config.S3_ENDPOINT, "http://127.0.0.1:9000", Config.S3_ACCESS_KEY, "a"),
            "NWS_S3_SECRET_KEY must be set when NWS_S3_ENDPOINT is, got nothing"),
        Arguments.of(Map.of(Config.S3_BUCKET, "My_Bucket"),
            "NWS_S3_BUCKET must be an S3 bucket name (3..63 of a-z 0-9 . -), got 'My_Bucket'"),
        Arguments.of(Map.of(Config.S3_TIMEOUT_MS, "10"), "NWS_S3_TIMEOUT_MS must be at least 100, got 10"),
        Arguments.of(Map.of(Config.S3_PENDING_MAX_BYTES, "-1"),
            "NWS_S3_PENDING_MAX_BYTES must be 0 (keep nothing) or more, got -1"));
  }

  @ParameterizedTest(name = "{1}")
  @MethodSource("bad")
  void a_bad_value_is_refused_with_the_variable_named(Map<String, String> env, String message) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Config.fromEnv(env));
    assertEquals(message, e.getMessage());
  }

  @Test
  void s3_settings_with_an_endpoint_and_keys_are_accepted() {
    Config config = Config.fromEnv(S3);
    assertTrue(config.s3Enabled());
    assertEquals("us-east-1", config.s3Region());
  }
}
