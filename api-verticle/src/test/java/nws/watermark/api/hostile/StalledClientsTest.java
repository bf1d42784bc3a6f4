package nws.watermark.api.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.MultiMap;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import nws.watermark.api.Service;
import nws.watermark.api.peers.RawHttp;
import nws.watermark.api.peers.RawHttp.Answer;
import nws.watermark.shared.config.HttpConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Clients that stop sending: a header block that never ends, an upload that stalls, a keep-alive
 * connection left idle, and one client opening upload after upload. Each is cut off in bounded
 * time, and what it held goes back at once.
 */
class StalledClientsTest {

  private static Service service;

  @BeforeAll
  static void start() {
    service = Service.start(Map.of(
        HttpConfig.HEADER_TIMEOUT_MS.name(), "600",
        HttpConfig.BODY_IDLE_TIMEOUT_MS.name(), "600",
        HttpConfig.IDLE_TIMEOUT_MS.name(), "800",
        HttpConfig.MAX_UPLOADS_PER_CLIENT.name(), "3"));
  }

  @AfterAll
  static void stop() {
    service.close();
  }

  @Test
  void a_header_block_that_never_ends_is_cut_off() {
    try (RawHttp client = new RawHttp(service.port)) {
      Answer a = client.send("POST /upload HTTP/1.1\r\nHost: x\r\nX-Slow: ").read(10_000);
      assertTrue(a.closed(), "the connection is closed");
      assertTrue(a.millis() < 5_000, "within the header timeout, took " + a.millis() + " ms");
    }
  }

  @Test
  void a_header_dripped_a_byte_at_a_time_is_cut_off_too() throws Exception {
    try (RawHttp client = new RawHttp(service.port)) {
      client.send("GET /health HTTP/1.1\r\n");
      long start = System.currentTimeMillis();
      boolean closed = false;
      for (int i = 0; i < 40 && !closed; i++) {
        client.send("X");
        closed = client.read(200).closed();
      }
      assertTrue(closed, "cut off while still dripping");
      assertTrue(System.currentTimeMillis() - start < 5_000);
    }
  }

  @Test
  void an_upload_that_stalls_gets_408_its_memory_back_and_the_connection_closed() {
    try (RawHttp client = new RawHttp(service.port)) {
      client.send("POST /upload HTTP/1.1\r\nHost: x\r\nContent-Type: image/jpeg\r\nContent-Length: 999999\r\n\r\n")
          .send(new byte[1024]);
      Answer a = client.read(10_000);
      assertEquals(408, a.status(), a.head());
      assertEquals("REQUEST_TIMEOUT", new JsonObject(a.body()).getString("error"));
      assertTrue(a.closed(), "the connection is closed after the answer");
    }
    assertEquals(0L, ready().getLong("bytesInFlight"), "the stalled upload's reservation is released");
  }

  @Test
  void an_idle_keep_alive_connection_is_closed() {
    try (RawHttp client = new RawHttp(service.port)) {
      Answer health = client.send("GET /health HTTP/1.1\r\nHost: x\r\n\r\n").read(3_000);
      assertEquals(200, health.status());
      Answer after = client.read(5_000);
      assertTrue(after.closed(), "closed after the idle time, with nothing more sent");
      assertTrue(after.millis() < 4_000, "after about the idle time, took " + after.millis() + " ms");
    }
  }

  @Test
  void one_client_gets_its_share_of_uploads_in_progress_then_429_with_retry_after() {
    List<RawHttp> stalled = new ArrayList<>();
    try {
      for (int i = 0; i < 3; i++) {
        stalled.add(new RawHttp(service.port).send(
            "POST /upload HTTP/1.1\r\nHost: x\r\nContent-Type: image/jpeg\r\nContent-Length: 5000\r\n\r\n").send(new byte[10]));
      }
      pause(200);
      try (RawHttp fourth = new RawHttp(service.port)) {
        Answer a = fourth.send("POST /upload HTTP/1.1\r\nHost: x\r\nContent-Type: image/jpeg\r\nContent-Length: 10\r\n\r\n")
            .send(new byte[10]).read(3_000);
        assertEquals(429, a.status(), a.head() + a.body());
        assertEquals("RATE_LIMITED", new JsonObject(a.body()).getString("error"));
        assertTrue(a.head().toLowerCase().contains("retry-after: "), a.head());
      }
    } finally {
      stalled.forEach(RawHttp::close);
    }
  }

  private static JsonObject ready() {
    return service.get("/ready", MultiMap.caseInsensitiveMultiMap()).bodyAsJsonObject();
  }

  private static void pause(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
