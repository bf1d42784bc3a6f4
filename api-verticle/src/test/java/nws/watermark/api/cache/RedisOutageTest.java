package nws.watermark.api.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.client.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import nws.watermark.api.Service;
import nws.watermark.api.peers.Burst.Outcome;
import nws.watermark.api.peers.Burst;
import nws.watermark.api.peers.Peer;
import nws.watermark.api.peers.Photos;
import nws.watermark.api.peers.RedisServer;
import nws.watermark.shared.config.CacheConfig;
import nws.watermark.shared.config.ImagesConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** redis-server killed (SIGKILL) in the middle of a burst, then started again on the same port. */
class RedisOutageTest {

  static RedisServer redis;
  static Service a;
  static Service b;
  static AtomicInteger bOptimizerSends;

  @BeforeAll
  static void start() {
    redis = RedisServer.started();
    Map<String, String> env = Map.of(CacheConfig.REDIS_URL.name(), redis.url(), ImagesConfig.OPTIMIZER_INSTANCES.name(), "1");
    a = Service.start(env);
    b = Service.start(env);
    bOptimizerSends = b.optimizerSends();
  }

  @AfterAll
  static void stop() {
    a.close();
    b.close();
    redis.close();
  }

  @Test
  void every_upload_succeeds_while_redis_dies_and_l2_is_used_again_once_it_is_back() {
    // 48 uploads over both nodes, each photo twice (so hits as well as misses), Redis killed after 12.
    List<Outcome> outcomes = Burst.run(List.of(a, b), 48, 4, i -> Photos.distinct(1_000 + i / 2), 12, redis::kill);
    outcomes.forEach(o -> assertEquals(200, o.status(), o.body()));
    assertEquals("down", Burst.dependency(a, "redis").getString("state"), "readiness says Redis is down");

    redis.start();
    for (Service node : List.of(a, b)) {
      Peer.await(Duration.ofSeconds(20), () -> "up".equals(Burst.dependency(node, "redis").getString("state")),
          "the node to reconnect to Redis by itself");
    }

    byte[] photo = Photos.distinct(9_999);
    HttpResponse<Buffer> made = a.upload("after.jpg", photo, "");
    assertEquals("MISS", made.getHeader("X-Cache"));
    String key = "nws:render:" + made.getHeader("ETag").replace("\"", "");
    Peer.await(Duration.ofSeconds(10), () -> ":1".equals(redis.command("EXISTS", key)), "node a writing L2 again");
    int sendsBefore = bOptimizerSends.get();
    HttpResponse<Buffer> served = b.upload("after.jpg", photo, "");
    assertEquals(200, served.statusCode(), served::bodyAsString);
    assertEquals("HIT", served.getHeader("X-Cache"), "node b reads L2 again");
    assertEquals(sendsBefore, bOptimizerSends.get(), "served from Redis, not the optimizer");
    assertTrue(Burst.dependency(a, "redis").getLong("outages") >= 1);
  }

  @Test
  void a_redis_restart_between_requests_costs_nothing_and_l2_comes_back() {
    redis.kill();
    redis.start();
    byte[] photo = Photos.distinct(7_777);
    HttpResponse<Buffer> first = a.upload("idle.jpg", photo, "");
    assertEquals(200, first.statusCode(), first::bodyAsString);
    Peer.await(Duration.ofSeconds(20), () -> "up".equals(Burst.dependency(a, "redis").getString("state")),
        "node a to use Redis again");

    byte[] next = Photos.distinct(7_778);
    HttpResponse<Buffer> made = a.upload("idle2.jpg", next, "");
    assertEquals(200, made.statusCode(), made::bodyAsString);
    String key = "nws:render:" + made.getHeader("ETag").replace("\"", "");
    Peer.await(Duration.ofSeconds(10), () -> ":1".equals(redis.command("EXISTS", key)), "node a writing L2 again");
  }

  @Test
  void a_frozen_redis_is_given_up_after_the_timeout_and_used_again_once_it_thaws() {
    redis.freeze();
    try {
      for (int i = 0; i < 6; i++) {
        HttpResponse<Buffer> r = a.upload("frozen.jpg", Photos.distinct(8_000 + i), "");
        assertEquals(200, r.statusCode(), r::bodyAsString);
      }
      assertEquals("down", Burst.dependency(a, "redis").getString("state"), "a Redis that does not answer is down");
    } finally {
      redis.thaw();
    }
    Peer.await(Duration.ofSeconds(20), () -> "up".equals(Burst.dependency(a, "redis").getString("state")),
        "node a to use Redis again");
    HttpResponse<Buffer> made = a.upload("thawed.jpg", Photos.distinct(8_100), "");
    String key = "nws:render:" + made.getHeader("ETag").replace("\"", "");
    Peer.await(Duration.ofSeconds(10), () -> ":1".equals(redis.command("EXISTS", key)), "node a writing L2 again");
  }
}
