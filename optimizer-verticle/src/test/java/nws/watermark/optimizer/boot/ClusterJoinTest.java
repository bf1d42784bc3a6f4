package nws.watermark.optimizer.boot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import nws.watermark.shared.Config;
import nws.watermark.shared.config.ClusterConfig;
import org.junit.jupiter.api.Test;

/** What reaches Hazelcast: the bundled cluster.xml, and the variables applied over it. */
class ClusterJoinTest {

  @Test
  void the_bundled_cluster_xml_joins_over_loopback_and_keeps_the_vertx_structures() {
    var hz = ClusterJoin.hazelcast(Config.fromEnv(Map.of(ClusterConfig.CONFIG.name(), "/nonexistent/cluster.xml")).cluster());
    assertFalse(hz.getNetworkConfig().getJoin().getMulticastConfig().isEnabled());
    assertEquals(List.of("127.0.0.1"), hz.getNetworkConfig().getJoin().getTcpIpConfig().getMembers());
    assertNotNull(hz.getMultiMapConfigs().get("__vertx.subs"));
    // Killing two nodes at once must not lose the subscriptions: every member keeps a copy.
    assertEquals(5, hz.getMultiMapConfigs().get("__vertx.subs").getAsyncBackupCount());
    assertEquals("2", hz.getProperty("hazelcast.mastership.claim.timeout.seconds"));
    assertTrue(hz.getMapConfigs().containsKey("__vertx.haInfo"));
    assertTrue(hz.getMapConfigs().containsKey("__vertx.nodeInfo"));
    assertTrue(hz.getMapConfigs().containsKey("nws.rendered"), "the shared result map is bounded");
  }

  @Test
  void host_port_and_members_override_the_file() {
    var hz = ClusterJoin.hazelcast(Config.fromEnv(Map.of(
        ClusterConfig.HOST.name(), "10.0.0.5",
        ClusterConfig.PORT.name(), "6000",
        ClusterConfig.MEMBERS.name(), "10.0.0.5, 10.0.0.6:6001")).cluster());
    assertEquals(6000, hz.getNetworkConfig().getPort());
    assertEquals(List.of("10.0.0.5"), List.copyOf(hz.getNetworkConfig().getInterfaces().getInterfaces()));
    assertEquals(List.of("10.0.0.5", "10.0.0.6:6001"), hz.getNetworkConfig().getJoin().getTcpIpConfig().getMembers());
  }
}
