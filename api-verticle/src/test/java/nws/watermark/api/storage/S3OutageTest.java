package nws.watermark.api.storage;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import nws.watermark.api.Service;
import nws.watermark.api.peers.Burst.Outcome;
import nws.watermark.api.peers.Burst;
import nws.watermark.api.peers.Peer;
import nws.watermark.api.peers.Photos;
import nws.watermark.api.peers.S3Server;
import nws.watermark.shared.config.ImagesConfig;
import nws.watermark.shared.config.StorageConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The S3 server killed (SIGKILL) in the middle of a burst: every upload is still answered, the
 * originals wait in memory, and they are written once the server is back.
 */
class S3OutageTest {

  static final String BUCKET = "nws-outage";
  static S3Server s3;
  static Service service;

  @BeforeAll
  static void start() {
    s3 = S3Server.started();
    service = Service.start(s3Env(s3.endpoint(), Map.of(ImagesConfig.OPTIMIZER_INSTANCES.name(), "2")));
  }

  @AfterAll
  static void stop() {
    service.close();
    s3.close();
  }

  static Map<String, String> s3Env(String endpoint, Map<String, String> more) {
    Map<String, String> env = new java.util.HashMap<>(Map.of(
        StorageConfig.S3_ENDPOINT.name(), endpoint,
        StorageConfig.S3_ACCESS_KEY.name(), S3Server.ACCESS_KEY,
        StorageConfig.S3_SECRET_KEY.name(), S3Server.SECRET_KEY,
        StorageConfig.S3_BUCKET.name(), BUCKET,
        StorageConfig.S3_TIMEOUT_MS.name(), "3000"));
    env.putAll(more);
    return env;
  }

  @Test
  void every_upload_succeeds_while_s3_dies_and_each_original_is_written_when_it_returns() {
    int count = 40;
    List<Outcome> outcomes = Burst.run(List.of(service), count, 4, i -> Photos.distinct(2_000 + i), 10, s3::kill);
    outcomes.forEach(o -> assertEquals(200, o.status(), o.body()));
    JsonObject down = Burst.dependency(service, "storage");
    assertEquals("down", down.getString("state"), down::encode);
    assertTrue(down.getInteger("pending") > 0, "originals wait in memory: " + down.encode());

    byte[] waiting = Photos.distinct(2_000 + count - 1);
    HttpResponse<Buffer> fromMemory = service.get("/images/" + Photos.sha256(waiting) + "?w=64",
        MultiMap.caseInsensitiveMultiMap());
    assertEquals(200, fromMemory.statusCode(), "a waiting original is served from memory: " + fromMemory.bodyAsString());

    s3.start();
    Peer.await(Duration.ofSeconds(30), () -> {
      JsonObject storage = Burst.dependency(service, "storage");
      return "up".equals(storage.getString("state")) && storage.getInteger("pending") == 0;
    }, "the originals kept during the outage to be written");
    for (int i = 0; i < count; i++) {
      byte[] photo = Photos.distinct(2_000 + i);
      assertArrayEquals(photo, s3.object(BUCKET, "original/" + Photos.sha256(photo)), "original " + i + " kept");
    }
    assertEquals(0, Burst.dependency(service, "storage").getInteger("lost"));
  }

  @Test
  void with_s3_down_from_the_start_uploads_work_and_an_original_over_the_memory_bound_is_counted_lost() {
    String nowhere = "http://127.0.0.1:" + Peer.freePort();
    try (Service alone = Service.start(s3Env(nowhere, Map.of(
        ImagesConfig.OPTIMIZER_INSTANCES.name(), "1", StorageConfig.S3_PENDING_MAX_BYTES.name(), "1")))) {
      HttpResponse<Buffer> r = alone.upload("lost.jpg", Photos.distinct(3_000), "");
      assertEquals(200, r.statusCode(), r::bodyAsString);
      JsonObject storage = Burst.dependency(alone, "storage");
      assertEquals("down", storage.getString("state"));
      assertEquals(1, storage.getInteger("lost"), storage::encode);
      assertEquals(200, alone.client.get("/ready").send().await().statusCode(), "a backend down never makes the node unready");

      HttpResponse<Buffer> variant = alone.get("/images/" + r.getHeader("X-Image-Id") + "?w=64", MultiMap.caseInsensitiveMultiMap());
      assertEquals(503, variant.statusCode(), variant::bodyAsString);
      assertEquals("BUSY", variant.bodyAsJsonObject().getString("error"));
      assertTrue(variant.getHeader("Retry-After") != null);
    }
  }
}
