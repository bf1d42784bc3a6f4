package nws.watermark.api.cluster;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import nws.watermark.api.Service;
import nws.watermark.api.cluster.Nodes.Node;
import nws.watermark.shared.config.FormatsConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * One real cluster for the whole class, as separate JVMs on loopback: two API nodes and two
 * optimizer nodes to begin with. The methods run in order, each leaving the cluster as the next
 * one expects it: an optimizer killed, one added, one drained, the optimizers restarted one by
 * one under load, an API node drained, then no optimizer left.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterIT {

  private static final byte[] PHOTO = Service.corpus("photo_2mp_storm.jpg");
  private static final byte[] SMALL = Service.corpus("photo_03mp_rocket.jpg");
  private static final Duration BURST_TIMEOUT = Duration.ofSeconds(90);

  private static Nodes nodes;
  private static Node api1;
  private static Node api2;
  private static Node optimizer1;
  private static Node optimizer2;
  private static Node optimizer3;
  private static Node lastOptimizer;
  private static int variant = 100;

  @BeforeAll
  static void startCluster() {
    long t0 = System.nanoTime();
    nodes = new Nodes(2);
    api1 = nodes.startApi("api1", Map.of());
    api2 = nodes.startApi("api2", Map.of());
    optimizer1 = nodes.startOptimizer("optimizer1", Map.of());
    optimizer2 = nodes.startOptimizer("optimizer2", Map.of());
    Nodes.awaitOptimizer(optimizer1);
    Nodes.awaitOptimizer(optimizer2);
    Nodes.awaitApi(api1, 4);
    Nodes.awaitApi(api2, 4);
    System.out.printf("cluster of 4 JVMs up in %.1f s%n", (System.nanoTime() - t0) / 1e9);
  }

  @AfterAll
  static void stopCluster() {
    if (nodes != null) {
      nodes.close();
    }
  }

  @Test
  @Order(1)
  void uploads_go_through_and_both_optimizers_take_jobs() {
    List<HttpResponse<byte[]>> answers = burst(api1, SMALL, 6);
    answers.forEach(r -> assertImage(r, 200));
    JsonObject receipts = routing(api1).getJsonObject("receiptsByNode");
    assertTrue(receipts.containsKey(optimizer1.optimizerNodeId()), "optimizer1 took jobs: " + receipts);
    assertTrue(receipts.containsKey(optimizer2.optimizerNodeId()), "optimizer2 took jobs: " + receipts);
  }

  @Test
  @Order(2)
  void an_optimizer_killed_mid_burst_loses_no_request() {
    String victim = optimizer1.optimizerNodeId();
    List<CompletableFuture<HttpResponse<byte[]>>> burst = send(api1, PHOTO, 10);
    Nodes.await("optimizer1 holding a job", Duration.ofSeconds(60),
        () -> routing(api1).getJsonObject("jobsInFlightByNode").getInteger(victim, 0) > 0);
    long killedAt = System.nanoTime();
    optimizer1.process.destroyForcibly();
    Nodes.await("api1 seeing optimizer1 gone", Duration.ofSeconds(60),
        () -> api1.ready().getJsonObject("cluster").getInteger("members") == 3);
    double dropped = (System.nanoTime() - killedAt) / 1e9;
    List<HttpResponse<byte[]>> answers = join(burst);
    double recovered = (System.nanoTime() - killedAt) / 1e9;
    answers.forEach(r -> assertImage(r, 200));
    long redeliveries = routing(api1).getLong("redeliveries");
    System.out.printf("kill -9 of optimizer1 mid-burst: the cluster dropped it after %.2f s; all %d requests 200,"
        + " the last %.2f s after the kill (%d jobs sent again)%n", dropped, answers.size(), recovered, redeliveries);
    assertTrue(redeliveries > 0, "the killed node's jobs were sent again");
    assertTrue(recovered < 15, "recovered in " + recovered + " s, not after the 30 s send timeout");
  }

  @Test
  @Order(3)
  void a_new_optimizer_joining_takes_jobs() {
    optimizer3 = nodes.startOptimizer("optimizer3", Map.of());
    Nodes.awaitOptimizer(optimizer3);
    String joined = optimizer3.optimizerNodeId();
    Nodes.await("optimizer3 taking a job", Duration.ofSeconds(60), () -> {
      assertImage(join(send(api1, SMALL, 2)).get(0), 200);
      return routing(api1).getJsonObject("receiptsByNode").containsKey(joined);
    });
  }

  @Test
  @Order(4)
  void a_second_api_node_serves_the_first_ones_result_from_the_shared_cache() {
    String query = "?w=" + nextVariant();
    HttpResponse<byte[]> first = join(List.of(api1.upload(SMALL, query))).get(0);
    assertImage(first, 200);
    assertEquals("MISS", header(first, "X-Cache"));
    HttpResponse<byte[]> second = join(List.of(api2.upload(SMALL, query))).get(0);
    assertImage(second, 200);
    assertEquals("HIT", header(second, "X-Cache"), "api2 found api1's result");
    assertEquals(header(first, "ETag"), header(second, "ETag"));
    assertArrayEquals(first.body(), second.body());
  }

  @Test
  @Order(5)
  void identical_misses_on_two_api_nodes_are_rendered_once() {
    long before = renders(api1) + renders(api2);
    String query = "?w=" + nextVariant();
    List<CompletableFuture<HttpResponse<byte[]>>> all = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      all.add(api1.upload(PHOTO, query));
      all.add(api2.upload(PHOTO, query));
    }
    List<HttpResponse<byte[]>> answers = join(all);
    answers.forEach(r -> assertImage(r, 200));
    assertEquals(1, answers.stream().map(r -> header(r, "ETag")).distinct().count());
    assertEquals(1, renders(api1) + renders(api2) - before, "8 identical requests on 2 nodes, 1 rendering");
  }

  @Test
  @Order(6)
  void an_event_bus_client_in_the_cluster_gets_the_image() throws Exception {
    Path in = Service.CORPUS.resolve("photo_03mp_rocket.jpg").toAbsolutePath();
    Path out = Files.createTempFile("nws-client-", ".jpg");
    long t0 = System.nanoTime();
    Node client = nodes.startMain("client", "nws.watermark.example.OptimizeFile",
        List.of(in.toString(), out.toString(), "320"));
    assertTrue(client.process.waitFor(120, TimeUnit.SECONDS), "the client finished");
    assertEquals(0, client.process.exitValue(), () -> Nodes.tail(client));
    BufferedImage image = ImageIO.read(out.toFile());
    assertNotNull(image, "the client wrote a JPEG");
    assertEquals(320, image.getWidth());
    System.out.printf("event-bus client: joined, sent, wrote %dx%d in %.1f s: %s", image.getWidth(),
        image.getHeight(), (System.nanoTime() - t0) / 1e9, client.logText().lines()
            .filter(l -> l.startsWith("image/")).findFirst().orElse("?") + "\n");
    Files.deleteIfExists(out);
  }

  @Test
  @Order(7)
  void sigterm_drains_an_optimizer_without_losing_a_request() throws Exception {
    String leaving = optimizer2.optimizerNodeId();
    List<CompletableFuture<HttpResponse<byte[]>>> burst = send(api1, PHOTO, 8);
    Nodes.await("optimizer2 holding a job", Duration.ofSeconds(60),
        () -> routing(api1).getJsonObject("jobsInFlightByNode").getInteger(leaving, 0) > 0);
    optimizer2.process.destroy();
    join(burst).forEach(r -> assertImage(r, 200));
    assertTrue(optimizer2.process.waitFor(60, TimeUnit.SECONDS), "optimizer2 exited after draining");
    String log = optimizer2.logText();
    assertTrue(log.contains("drained") && log.contains("left the cluster"), Nodes.tail(optimizer2));
  }

  @Test
  @Order(8)
  void a_rolling_restart_of_the_optimizers_under_load_loses_no_request() throws Exception {
    List<Integer> statuses = java.util.Collections.synchronizedList(new ArrayList<>());
    java.util.concurrent.atomic.AtomicBoolean running = new java.util.concurrent.atomic.AtomicBoolean(true);
    Thread load = new Thread(() -> {
      while (running.get()) {
        // A request that fails outright counts as status -1, so the load never stops quietly.
        send(api1, SMALL, 2).forEach(f -> statuses.add(f.handle((r, err) -> err == null ? r.statusCode() : -1).join()));
      }
    }, "load");
    load.start();
    Node previous = optimizer3;
    for (String name : List.of("optimizer4", "optimizer5")) {
      Node next = nodes.startOptimizer(name, Map.of());
      Nodes.awaitOptimizer(next);
      previous.process.destroy();
      assertTrue(previous.process.waitFor(60, TimeUnit.SECONDS), previous.name + " drained and exited");
      previous = next;
    }
    lastOptimizer = previous;
    running.set(false);
    load.join(BURST_TIMEOUT.toMillis());
    System.out.printf("rolling restart of the optimizers: %d requests under load, statuses %s%n",
        statuses.size(), new java.util.TreeSet<>(statuses));
    assertTrue(statuses.size() > 0);
    assertTrue(statuses.stream().allMatch(s -> s == 200), "every request 200: " + statuses);
  }

  @Test
  @Order(9)
  void sigterm_on_an_api_node_answers_its_requests_then_leaves() throws Exception {
    List<CompletableFuture<HttpResponse<byte[]>>> burst = send(api2, PHOTO, 4);
    Nodes.await("api2 holding a job", Duration.ofSeconds(60),
        () -> api2.ready().getInteger("jobsInFlight") > 0);
    api2.process.destroy();
    join(burst).forEach(r -> assertImage(r, 200));
    assertTrue(api2.process.waitFor(60, TimeUnit.SECONDS), "api2 exited");
    Nodes.await("api1 seeing api2 gone", Duration.ofSeconds(60),
        () -> api1.ready().getJsonObject("cluster").getInteger("members") == 2);
  }

  @Test
  @Order(10)
  void with_no_optimizer_left_the_api_answers_503_with_retry_after_fast() {
    lastOptimizer.process.destroyForcibly();
    Nodes.await("api1 alone in the cluster", Duration.ofSeconds(60),
        () -> api1.ready().getJsonObject("cluster").getInteger("members") == 1);
    long t0 = System.nanoTime();
    HttpResponse<byte[]> r = join(List.of(api1.upload(SMALL, "?w=" + nextVariant()))).get(0);
    double seconds = (System.nanoTime() - t0) / 1e9;
    System.out.printf("no optimizer: %d in %.3f s%n", r.statusCode(), seconds);
    assertEquals(503, r.statusCode(), new String(r.body()));
    assertEquals("BUSY", new JsonObject(new String(r.body())).getString("error"));
    assertNotNull(header(r, "Retry-After"));
    assertTrue(seconds < 10, "answered in " + seconds + " s");
  }

  /**
   * An optimizer that does not write AVIF (switched off, as on a node without libheif) joins the
   * empty cluster: AVIF is refused at once with a 400 naming what is missing, never sent round into
   * a 502, and format=auto gives this node's best instead.
   */
  @Test
  @Order(11)
  void a_format_no_live_optimizer_writes_is_refused_at_once() {
    Node plain = nodes.startOptimizer("optimizer-no-avif", Map.of(FormatsConfig.DISABLED.name(), "avif"));
    Nodes.await("api1 knowing the new optimizer's formats", Duration.ofSeconds(90),
        () -> api1.ready().getJsonObject("cluster").getInteger("members") == 2
            && join(List.of(api1.upload(SMALL, "?format=jpeg&w=" + nextVariant()))).get(0).statusCode() == 200);
    Nodes.await("api1 reading the announced formats", Duration.ofSeconds(10),
        () -> join(List.of(api1.upload(SMALL, "?format=avif&w=" + nextVariant()))).get(0).statusCode() == 400);
    HttpResponse<byte[]> avif = join(List.of(api1.upload(SMALL, "?format=avif&w=" + nextVariant()))).get(0);
    assertEquals(400, avif.statusCode(), new String(avif.body()));
    JsonObject body = new JsonObject(new String(avif.body()));
    assertEquals("INVALID_OPTION", body.getString("error"));
    assertTrue(body.getString("message").contains("NWS_DISABLED_FORMATS"), body.getString("message"));
    plain.process.destroy();
  }

  private static synchronized int nextVariant() {
    return variant++;
  }

  /** {@code n} concurrent uploads of {@code image}, each a different variant (no cache hits). */
  private static List<CompletableFuture<HttpResponse<byte[]>>> send(Node api, byte[] image, int n) {
    List<CompletableFuture<HttpResponse<byte[]>>> all = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      all.add(api.upload(image, "?w=" + nextVariant()));
    }
    return all;
  }

  private static List<HttpResponse<byte[]>> burst(Node api, byte[] image, int n) {
    return join(send(api, image, n));
  }

  private static List<HttpResponse<byte[]>> join(List<CompletableFuture<HttpResponse<byte[]>>> all) {
    try {
      CompletableFuture.allOf(all.toArray(CompletableFuture[]::new))
          .get(BURST_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new AssertionError("requests did not all answer within " + BURST_TIMEOUT.toSeconds() + " s", e);
    }
    return all.stream().map(CompletableFuture::join).toList();
  }

  private static JsonObject routing(Node api) {
    return api.ready().getJsonObject("cluster").getJsonObject("routing");
  }

  private static long renders(Node api) {
    return api.ready().getJsonObject("cluster").getJsonObject("shared").getLong("renders");
  }

  private static String header(HttpResponse<?> r, String name) {
    return r.headers().firstValue(name).orElse(null);
  }

  private static void assertImage(HttpResponse<byte[]> r, int status) {
    assertEquals(status, r.statusCode(), () -> new String(r.body()));
    assertEquals("image/jpeg", header(r, "Content-Type"));
    try {
      assertNotNull(ImageIO.read(new ByteArrayInputStream(r.body())), "a JPEG body");
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }
}
