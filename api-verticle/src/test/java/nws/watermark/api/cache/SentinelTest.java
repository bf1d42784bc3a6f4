package nws.watermark.api.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.client.HttpResponse;
import java.time.Duration;
import java.util.Map;
import nws.watermark.api.Service;
import nws.watermark.api.peers.Burst;
import nws.watermark.api.peers.Peer;
import nws.watermark.api.peers.Photos;
import nws.watermark.api.peers.RedisServer;
import nws.watermark.shared.config.CacheConfig;
import nws.watermark.shared.config.ImagesConfig;
import org.junit.jupiter.api.Test;

/** NWS_REDIS_TYPE=sentinel: the service asks a real Redis Sentinel for the master and uses it. */
class SentinelTest {

  @Test
  void results_reach_the_master_a_sentinel_names() {
    try (RedisServer master = RedisServer.started();
        RedisServer sentinel = RedisServer.sentinelFor(master);
        Service service = Service.start(Map.of(
            CacheConfig.REDIS_TYPE.name(), "sentinel",
            CacheConfig.REDIS_URL.name(), "redis://127.0.0.1:" + sentinel.port,
            CacheConfig.REDIS_MASTER_NAME.name(), RedisServer.MASTER_NAME,
            ImagesConfig.OPTIMIZER_INSTANCES.name(), "1"))) {
      HttpResponse<Buffer> made = service.upload("sentinel.jpg", Photos.distinct(5_000), "");
      assertEquals(200, made.statusCode(), made::bodyAsString);
      String key = "nws:render:" + made.getHeader("ETag").replace("\"", "");
      Peer.await(Duration.ofSeconds(10), () -> ":1".equals(master.command("EXISTS", key)), key + " on the master");
      assertEquals("up", Burst.dependency(service, "redis").getString("state"));
    }
  }
}
