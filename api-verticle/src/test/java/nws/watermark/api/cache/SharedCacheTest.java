package nws.watermark.api.cache;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import nws.watermark.api.Service;
import nws.watermark.api.metrics.Scrape;
import nws.watermark.api.peers.Burst;
import nws.watermark.api.peers.Peer;
import nws.watermark.api.peers.RedisServer;
import nws.watermark.api.peers.S3Server;
import nws.watermark.shared.config.CacheConfig;
import nws.watermark.shared.config.ImagesConfig;
import nws.watermark.shared.config.StorageConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two API processes' worth of service (two Vert.x instances, separate L1s) sharing one real
 * redis-server and one real S3 server: what one node computed, the other serves.
 */
class SharedCacheTest {

  static final String BUCKET = "nws-shared";
  static final long TTL = 3_600;

  static RedisServer redis;
  static S3Server s3;
  static Service first;
  static Service second;
  static AtomicInteger secondOptimizerSends;

  @BeforeAll
  static void start() {
    redis = RedisServer.started();
    s3 = S3Server.started();
    Map<String, String> env = new HashMap<>(Map.of(
        CacheConfig.REDIS_URL.name(), redis.url(),
        CacheConfig.REDIS_TTL_SECONDS.name(), Long.toString(TTL),
        StorageConfig.S3_ENDPOINT.name(), s3.endpoint(),
        StorageConfig.S3_ACCESS_KEY.name(), S3Server.ACCESS_KEY,
        StorageConfig.S3_SECRET_KEY.name(), S3Server.SECRET_KEY,
        StorageConfig.S3_BUCKET.name(), BUCKET,
        ImagesConfig.OPTIMIZER_INSTANCES.name(), "1"));
    first = Service.start(env);
    env.put(ImagesConfig.OPTIMIZER_INSTANCES.name(), "0");
    second = Service.start(env);
    secondOptimizerSends = second.optimizerSends();
  }

  @AfterAll
  static void stop() {
    first.close();
    second.close();
    redis.close();
    s3.close();
  }

  @Test
  void a_second_api_node_serves_an_upload_from_redis_without_the_optimizer() {
    byte[] photo = Service.corpus("photo_2mp_storm.jpg");
    HttpResponse<Buffer> made = first.upload("storm.jpg", photo, "?w=640");
    assertEquals(200, made.statusCode(), made::bodyAsString);
    assertEquals("MISS", made.getHeader("X-Cache"));
    awaitInRedis(made);

    HttpResponse<Buffer> served = second.upload("storm.jpg", photo, "?w=640");
    assertEquals(200, served.statusCode(), served::bodyAsString);
    assertEquals("HIT", served.getHeader("X-Cache"));
    assertEquals(0, secondOptimizerSends.get(), "the second node never asked an optimizer");
    assertEquals(made.getHeader("ETag"), served.getHeader("ETag"));
    assertEquals("image/jpeg", served.getHeader("Content-Type"));
    assertEquals(made.getHeader("X-Image-Width"), served.getHeader("X-Image-Width"));
    assertArrayEquals(made.body().getBytes(), served.body().getBytes(), "the very bytes the first node made");

    long redisHits = Burst.dependency(second, "redis").getLong("hits");
    HttpResponse<Buffer> again = second.upload("storm.jpg", photo, "?w=640");
    assertEquals("HIT", again.getHeader("X-Cache"));
    assertEquals(redisHits, Burst.dependency(second, "redis").getLong("hits"), "the Redis hit filled L1");

    Scrape metrics = Scrape.parse(second.get("/metrics", MultiMap.caseInsensitiveMultiMap()).bodyAsString());
    assertEquals(redisHits, metrics.sum("nws_cache_hits_total", "tier", "redis"), "/metrics counts the Redis hits");
    assertEquals(1, metrics.sum("nws_backend_up", "backend", "redis"));
    assertEquals(1, metrics.sum("nws_backend_up", "backend", "storage"));
  }

  @Test
  void the_redis_key_lives_for_the_configured_ttl() {
    HttpResponse<Buffer> made = first.upload("rocket.jpg", Service.corpus("photo_03mp_rocket.jpg"), "?w=200");
    assertEquals(200, made.statusCode(), made::bodyAsString);
    String key = awaitInRedis(made);
    long ttl = Long.parseLong(redis.command("TTL", key).substring(1));
    assertTrue(ttl > TTL - 60 && ttl <= TTL, "TTL of " + key + " is " + ttl + " s, configured " + TTL);
    assertEquals("$" + (10 + "image/jpeg".length() + made.body().length()), redis.command("GET", key),
        "binary value: a 10-byte header, the type, then the JPEG as is");
  }

  @Test
  void the_bucket_holds_the_original_byte_identical_with_its_type_and_stores_it_once() {
    byte[] photo = Service.corpus("photo_2mp_storm.jpg");
    HttpResponse<Buffer> made = first.upload("storm.jpg", photo, "?w=300");
    assertEquals(200, made.statusCode(), made::bodyAsString);
    String name = "original/" + made.getHeader("X-Image-Id");
    assertArrayEquals(photo, s3.object(BUCKET, name));
    assertEquals("image/jpeg", s3.stat(BUCKET, name).contentType());

    long writes = storage(first).getLong("writes");
    HttpResponse<Buffer> again = first.upload("storm.jpg", photo, "?w=301");
    assertEquals("MISS", again.getHeader("X-Cache"), "a new variant of the same original");
    assertEquals(writes, storage(first).getLong("writes"), "an identical original is not written twice");
  }

  @Test
  void any_node_renders_a_variant_of_an_original_stored_in_s3() {
    byte[] photo = Service.corpus("photo_03mp_rocket.jpg");
    HttpResponse<Buffer> made = first.upload("rocket.jpg", photo, "?w=100");
    assertEquals(200, made.statusCode(), made::bodyAsString);
    long reads = storage(first).getLong("reads");
    HttpResponse<Buffer> variant = first.get("/images/" + made.getHeader("X-Image-Id") + "?w=50&h=50&fit=cover",
        io.vertx.core.MultiMap.caseInsensitiveMultiMap());
    assertEquals(200, variant.statusCode(), variant::bodyAsString);
    assertEquals("50", variant.getHeader("X-Image-Width"));
    assertEquals(reads + 1, storage(first).getLong("reads"), "the original was read back from S3");
  }

  @Test
  void ready_reports_redis_and_s3_up() {
    JsonObject dependencies = Burst.ready(first).getJsonObject("dependencies");
    assertEquals("up", dependencies.getJsonObject("redis").getString("state"));
    assertEquals("up", dependencies.getJsonObject("storage").getString("state"));
    assertEquals("s3", dependencies.getJsonObject("storage").getString("kind"));
  }

  /** Waits (bounded) for the background write of a result and returns its Redis key. */
  static String awaitInRedis(HttpResponse<Buffer> made) {
    String key = "nws:render:" + made.getHeader("ETag").replace("\"", "");
    Peer.await(Duration.ofSeconds(10), () -> ":1".equals(redis.command("EXISTS", key)), key + " in Redis");
    return key;
  }

  static JsonObject storage(Service service) {
    return Burst.dependency(service, "storage");
  }
}
