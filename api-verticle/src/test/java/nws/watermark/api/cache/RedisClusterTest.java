package nws.watermark.api.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.client.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import nws.watermark.api.Service;
import nws.watermark.api.peers.Peer;
import nws.watermark.api.peers.Photos;
import nws.watermark.api.peers.RedisCluster;
import nws.watermark.shared.config.CacheConfig;
import nws.watermark.shared.config.ImagesConfig;
import org.junit.jupiter.api.Test;

/** NWS_REDIS_TYPE=cluster: results spread over a real three-master Redis Cluster, found by any node. */
class RedisClusterTest {

  @Test
  void results_spread_over_the_cluster_and_a_second_node_reads_them() {
    try (RedisCluster cluster = RedisCluster.started()) {
      Map<String, String> env = Map.of(
          CacheConfig.REDIS_TYPE.name(), "cluster",
          CacheConfig.REDIS_URL.name(), "redis://127.0.0.1:" + cluster.nodes.get(0).port,
          ImagesConfig.OPTIMIZER_INSTANCES.name(), "1");
      List<byte[]> photos = new ArrayList<>();
      try (Service first = Service.start(env)) {
        for (int i = 0; i < 6; i++) {
          byte[] photo = Photos.distinct(6_000 + i);
          photos.add(photo);
          HttpResponse<Buffer> made = first.upload("cluster.jpg", photo, "");
          assertEquals(200, made.statusCode(), made::bodyAsString);
          String key = "nws:render:" + made.getHeader("ETag").replace("\"", "");
          Peer.await(Duration.ofSeconds(10), () -> cluster.holding(key) == 1, key + " on exactly one master");
        }
      }
      try (Service second = Service.start(Map.of(CacheConfig.REDIS_TYPE.name(), "cluster",
          CacheConfig.REDIS_URL.name(), "redis://127.0.0.1:" + cluster.nodes.get(2).port, ImagesConfig.OPTIMIZER_INSTANCES.name(), "0"))) {
        for (byte[] photo : photos) {
          HttpResponse<Buffer> served = second.upload("cluster.jpg", photo, "");
          assertEquals(200, served.statusCode(), served::bodyAsString);
          assertEquals("HIT", served.getHeader("X-Cache"));
        }
      }
    }
  }
}
