package nws.watermark.api.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import nws.watermark.api.Service;
import nws.watermark.api.cluster.Nodes.Node;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every optimizer killed at once, the cluster's master among them, in the layout that loses the
 * event-bus subscription with them: the first optimizer (the master), then the API, then the
 * second optimizer. The API must say 503 with Retry-After within seconds, not send jobs to dead
 * nodes until a 502, and keep answering 503 at once until an optimizer returns.
 */
class DeadMasterIT {

  private static final byte[] SMALL = Service.corpus("photo_03mp_rocket.jpg");

  private static Nodes nodes;
  private static Node master;
  private static Node api;
  private static Node second;

  @BeforeAll
  static void startCluster() {
    nodes = new Nodes(2);
    master = nodes.startOptimizer("dead-master-optimizer1", Map.of());
    Nodes.awaitOptimizer(master);
    api = nodes.startApi("dead-master-api", Map.of());
    Nodes.awaitApi(api, 2);
    second = nodes.startOptimizer("dead-master-optimizer2", Map.of());
    Nodes.awaitOptimizer(second);
    Nodes.awaitApi(api, 3);
  }

  @AfterAll
  static void stopCluster() {
    if (nodes != null) {
      nodes.close();
    }
  }

  @Test
  void every_optimizer_killed_with_the_master_gives_503_within_seconds_then_at_once() throws Exception {
    for (int w = 100; w < 104; w++) {
      assertEquals(200, api.upload(SMALL, "?w=" + w).get(90, TimeUnit.SECONDS).statusCode());
    }
    long killed = System.nanoTime();
    master.process.destroyForcibly();
    second.process.destroyForcibly();
    List<Integer> before = new ArrayList<>();
    HttpResponse<byte[]> first = null;
    for (int w = 200; first == null && seconds(killed) < 30; w++) {
      HttpResponse<byte[]> r = api.upload(SMALL, "?w=" + w).get(90, TimeUnit.SECONDS);
      if (r.statusCode() == 503) {
        first = r;
      } else {
        before.add(r.statusCode());
      }
    }
    double firstAt = seconds(killed);
    assertNotNull(first, "a 503 within 30 s of the kill; got " + before);
    assertTrue(before.isEmpty(), "nothing but 503 after the kill: " + before);
    assertEquals("BUSY", new JsonObject(new String(first.body())).getString("error"));
    assertNotNull(first.headers().firstValue("Retry-After").orElse(null));
    double slowest = 0;
    for (int w = 300; w < 305; w++) {
      long t0 = System.nanoTime();
      HttpResponse<byte[]> r = api.upload(SMALL, "?w=" + w).get(90, TimeUnit.SECONDS);
      assertEquals(503, r.statusCode(), new String(r.body()));
      slowest = Math.max(slowest, seconds(t0));
    }
    System.out.printf("master and every optimizer killed: first 503 %.2f s after the kill; the next 5 in at most %.3f s%n",
        firstAt, slowest);
    assertTrue(firstAt < 15, "first 503 after " + firstAt + " s");
    assertTrue(slowest < 2, "later 503s took up to " + slowest + " s");
  }

  private static double seconds(long since) {
    return (System.nanoTime() - since) / 1e9;
  }
}
