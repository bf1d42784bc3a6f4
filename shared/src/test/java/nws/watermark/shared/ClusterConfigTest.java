package nws.watermark.shared;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The cluster's variables: defaults, and refusals naming the variable. */
class ClusterConfigTest {

  @Test
  void with_nothing_set_the_service_is_not_clustered() {
    Config config = Config.defaults();
    assertFalse(config.cluster().enabled());
    assertEquals(2_000, config.cluster().receiptTimeoutMs());
    assertEquals(86_400, config.cluster().sharedCacheTtlSeconds());
  }

  @ParameterizedTest(name = "{0}={1}")
  @CsvSource(delimiter = '|', value = {
      "NWS_CLUSTER|yes|NWS_CLUSTER must be true or false, got 'yes'",
      "NWS_CLUSTER_PORT|70000|NWS_CLUSTER_PORT must be 0 (from the cluster config) or a port, got 70000",
      "NWS_CLUSTER_MEMBERS|a,,b|NWS_CLUSTER_MEMBERS must be host[:port] entries separated by commas, got 'a,,b'",
      "NWS_RECEIPT_TIMEOUT_MS|5|NWS_RECEIPT_TIMEOUT_MS must be at least 100, got 5",
      "NWS_SHARED_CACHE_TTL_SECONDS|0|NWS_SHARED_CACHE_TTL_SECONDS must be at least 1, got 0",
      "NWS_SHUTDOWN_TIMEOUT_MS|-1|NWS_SHUTDOWN_TIMEOUT_MS must be 0 or more, got -1",
  })
  void a_bad_value_is_refused_naming_the_variable(String name, String value, String message) {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Config.fromEnv(Map.of(name, value)));
    assertEquals(message, e.getMessage());
  }
}
