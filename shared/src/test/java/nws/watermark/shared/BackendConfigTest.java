package nws.watermark.shared;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.stream.Stream;
import nws.watermark.shared.config.CacheConfig;
import nws.watermark.shared.config.StorageConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The NWS_REDIS_* and NWS_S3_* settings: defaults, and a message naming the variable at fault. */
class BackendConfigTest {

  static final Map<String, String> S3 = Map.of(
      StorageConfig.S3_ENDPOINT.name(), "http://127.0.0.1:9000", StorageConfig.S3_ACCESS_KEY.name(), "nwsaccess", StorageConfig.S3_SECRET_KEY.name(), "nwssecret");

  @Test
  void with_nothing_set_there_is_no_redis_and_originals_stay_local() {
    Config config = Config.defaults();
    assertFalse(config.cache().redisEnabled());
    assertFalse(config.storage().s3Enabled());
    assertEquals(86_400, config.cache().redisTtlSeconds());
    assertEquals("watermarks", config.storage().s3Bucket());
    assertEquals("nws:render:", config.cache().redisKeyPrefix());
  }

  @Test
  void sentinel_and_cluster_take_a_list_of_endpoints() {
    Config config = Config.fromEnv(Map.of(CacheConfig.REDIS_URL.name(), "redis://10.0.0.1:26379, redis://10.0.0.2:26379",
        CacheConfig.REDIS_TYPE.name(), "Sentinel", CacheConfig.REDIS_MASTER_NAME.name(), "images"));
    assertEquals(java.util.List.of("redis://10.0.0.1:26379", "redis://10.0.0.2:26379"), config.cache().redisEndpoints());
    assertEquals("sentinel", config.cache().redisType());
  }

  @Test
  void the_secret_key_and_a_redis_password_are_never_in_the_log_line_or_to_string() {
    Config config = Config.fromEnv(Map.of(StorageConfig.S3_ENDPOINT.name(), "http://127.0.0.1:9000", StorageConfig.S3_ACCESS_KEY.name(), "nwsaccess",
        StorageConfig.S3_SECRET_KEY.name(), "very-secret", CacheConfig.REDIS_URL.name(), "redis://user:hunter2@127.0.0.1:6379/0"));
    String logged = config.describe().toString() + config;
    assertFalse(logged.contains("very-secret"), logged);
    assertFalse(logged.contains("hunter2"), logged);
    assertTrue(logged.contains("redis://***@127.0.0.1:6379/0"), logged);
    assertTrue(config.describe().toString().contains("NWS_S3_SECRET_KEY=(set)"));
    assertEquals("very-secret", config.storage().s3SecretKey().value());
  }

  static Stream<Arguments> bad() {
    return Stream.of(
        Arguments.of(Map.of(CacheConfig.REDIS_URL.name(), "localhost:6379"),
            "NWS_REDIS_URL must be redis://[user:password@]host:port[/db], or a comma-separated list of them, got 'localhost:6379'"),
        Arguments.of(Map.of(CacheConfig.REDIS_TYPE.name(), "mesh"),
            "NWS_REDIS_TYPE must be one of standalone, sentinel, cluster, replication, got 'mesh'"),
        Arguments.of(Map.of(CacheConfig.REDIS_TTL_SECONDS.name(), "0"), "NWS_REDIS_TTL_SECONDS must be at least 1, got 0"),
        Arguments.of(Map.of(CacheConfig.REDIS_TTL_SECONDS.name(), "1d"), "NWS_REDIS_TTL_SECONDS must be an integer, got '1d'"),
        Arguments.of(Map.of(CacheConfig.REDIS_TIMEOUT_MS.name(), "0"), "NWS_REDIS_TIMEOUT_MS must be at least 1, got 0"),
        Arguments.of(Map.of(StorageConfig.S3_ENDPOINT.name(), "127.0.0.1:9000"),
            "NWS_S3_ENDPOINT must be http(s)://host:port (path-style; no bucket in it), got '127.0.0.1:9000'"),
        Arguments.of(Map.of(StorageConfig.S3_ENDPOINT.name(), "http://127.0.0.1:9000"),
            "NWS_S3_ACCESS_KEY must be set when NWS_S3_ENDPOINT is, got nothing"),
        Arguments.of(Map.of(StorageConfig.S3_ENDPOINT.name(), "http://127.0.0.1:9000", StorageConfig.S3_ACCESS_KEY.name(), "a"),
            "NWS_S3_SECRET_KEY must be set when NWS_S3_ENDPOINT is, got nothing"),
        Arguments.of(Map.of(StorageConfig.S3_BUCKET.name(), "My_Bucket"),
            "NWS_S3_BUCKET must be an S3 bucket name (3..63 of a-z 0-9 . -), got 'My_Bucket'"),
        Arguments.of(Map.of(StorageConfig.S3_TIMEOUT_MS.name(), "10"), "NWS_S3_TIMEOUT_MS must be at least 100, got 10"),
        Arguments.of(Map.of(StorageConfig.S3_PENDING_MAX_BYTES.name(), "-1"),
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
    assertTrue(config.storage().s3Enabled());
    assertEquals("us-east-1", config.storage().s3Region());
  }
}
