package nws.watermark.api.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.multipart.MultipartForm;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.IntFunction;
import java.util.function.Supplier;
import nws.watermark.api.Service;
import nws.watermark.api.peers.Burst.Outcome;
import nws.watermark.api.peers.Burst;
import nws.watermark.api.peers.Peer;
import nws.watermark.api.peers.RedisServer;
import nws.watermark.api.peers.S3Server;
import nws.watermark.shared.config.CacheConfig;
import nws.watermark.shared.config.ImagesConfig;
import nws.watermark.shared.config.StorageConfig;
import org.junit.jupiter.api.Test;

/**
 * Latency of the three tiers for the 8 MP photo over HTTP, and of a burst with Redis or S3
 * killed in its middle, all against real servers on loopback. Not a test (surefire skips
 * {@code *Bench}); {@code scripts/bench-tiers.sh} runs it and prints
 * {@code api-verticle/target/bench-tiers.txt}. Machines are noisy: read the ratios.
 */
class TierLatencyBench {

  static final String PHOTO = "photo_8mp_picos.jpg";
  static final int ROUNDS = Integer.parseInt(System.getenv().getOrDefault("ROUNDS", "15"));
  static final int BURST = Integer.parseInt(System.getenv().getOrDefault("BURST", "24"));
  static final int CONCURRENCY = 4;

  final StringBuilder report = new StringBuilder();

  @Test
  void tiers_and_outages() throws IOException {
    byte[] photo = Service.corpus(PHOTO);
    line("# NWS Watermark tier latency, %s (%d bytes), %d rounds, %d cores", PHOTO, photo.length, ROUNDS,
        Runtime.getRuntime().availableProcessors());
    try (RedisServer redis = RedisServer.started(); S3Server s3 = S3Server.started()) {
      Map<String, String> env = env(redis, s3);
      tiers(photo, env);
      outages(photo, redis, s3, env);
    }
    Path out = Path.of("target", "bench-tiers.txt");
    Files.writeString(out, report);
    System.out.println(report);
  }

  /** L1 hit, Redis hit and miss, interleaved round by round so drift hits all three alike. */
  private void tiers(byte[] photo, Map<String, String> env) {
    Map<String, String> noL1 = new HashMap<>(env);
    noL1.put(CacheConfig.L1_MAX_BYTES.name(), "0");
    noL1.put(ImagesConfig.OPTIMIZER_INSTANCES.name(), "0");
    try (Service a = Service.start(env); Service b = Service.start(noL1)) {
      String id = ok(upload(a, photo, "?w=1024")).getHeader("X-Image-Id");
      for (int i = 0; i < 5; i++) {
        ok(upload(a, photo, "?w=1024"));
        ok(upload(b, photo, "?w=1024"));
        ok(upload(a, photo, "?w=1024&wm=warm-" + i));
        ok(get(a, "/images/" + id + "?w=1024"));
        ok(get(b, "/images/" + id + "?w=1024"));
      }
      List<Long> l1 = new ArrayList<>();
      List<Long> l2 = new ArrayList<>();
      List<Long> miss = new ArrayList<>();
      List<Long> l1Get = new ArrayList<>();
      List<Long> l2Get = new ArrayList<>();
      List<Long> missGet = new ArrayList<>();
      for (int i = 0; i < ROUNDS; i++) {
        int round = i;
        l1.add(timed(() -> hit(upload(a, photo, "?w=1024"), "HIT")));
        l2.add(timed(() -> hit(upload(b, photo, "?w=1024"), "HIT")));
        miss.add(timed(() -> hit(upload(a, photo, "?w=1024&wm=round-" + round), "MISS")));
        l1Get.add(timed(() -> hit(get(a, "/images/" + id + "?w=1024"), "HIT")));
        l2Get.add(timed(() -> hit(get(b, "/images/" + id + "?w=1024"), "HIT")));
        missGet.add(timed(() -> hit(get(a, "/images/" + id + "?w=1024&wm=get-" + round), "MISS")));
      }
      line("");
      line("## Tiers, one request at a time (median ms; ratio to the L1 hit)");
      line("| request | L1 hit | Redis hit | miss | Redis/L1 | miss/L1 | miss/Redis |");
      line("|---|---|---|---|---|---|---|");
      row("POST /upload (8 MP body)", l1, l2, miss);
      row("GET /images/<sha256>", l1Get, l2Get, missGet);
    }
  }

  /**
   * Two bursts, each run with everything up, with Redis killed in it and with S3 killed in it:
   * misses (new options each time), and shared hits (variants another node put in Redis, asked
   * of a node whose L1 has never seen them).
   */
  private void outages(byte[] photo, RedisServer redis, S3Server s3, Map<String, String> env) {
    line("");
    line("## Bursts of %d uploads of the photo, concurrency %d; the server is SIGKILLed (or frozen) after %d answers",
        BURST, CONCURRENCY, CONCURRENCY);
    line("| burst | p50 ms | p90 ms | max ms | p50 / all-up p50 | statuses |");
    line("|---|---|---|---|---|---|");
    baseP50 = 0;
    burst("misses, all up", photo, env, "miss-up", null, false);
    burst("misses, Redis killed", photo, env, "miss-redis", redis::kill, false);
    redis.start();
    burst("misses, S3 killed", photo, env, "miss-s3", s3::kill, false);
    s3.start();
    burst("misses, Redis frozen (SIGSTOP)", photo, env, "miss-frozen", redis::freeze, false);
    redis.thaw();
    baseP50 = 0;
    burst("shared hits, all up", photo, env, "hit-up", null, true);
    burst("shared hits, Redis killed", photo, env, "hit-redis", redis::kill, true);
    redis.start();
    burst("shared hits, S3 killed", photo, env, "hit-s3", s3::kill, true);
    s3.start();
    burst("shared hits, Redis frozen (SIGSTOP)", photo, env, "hit-frozen", redis::freeze, true);
    redis.thaw();
  }

  private void burst(String name, byte[] photo, Map<String, String> env, String tag, Runnable kill, boolean shared) {
    IntFunction<String> query = i -> "?w=1024&wm=" + tag + "-" + i;
    if (shared) {
      precompute(photo, env, query);
    }
    try (Service a = Service.start(env)) {
      ok(upload(a, photo, "?w=1024&wm=warm-" + tag));
      List<Outcome> outcomes = Burst.run(List.of(a), BURST, CONCURRENCY, i -> photo, CONCURRENCY,
          kill == null ? () -> {} : kill, query);
      List<Long> nanos = outcomes.stream().map(Outcome::nanos).toList();
      Map<String, Long> statuses = new java.util.TreeMap<>();
      outcomes.forEach(o -> statuses.merge(o.status() + " " + o.cache(), 1L, Long::sum));
      double p50 = ms(percentile(nanos, 50));
      baseP50 = baseP50 == 0 ? p50 : baseP50;
      line("| %s | %.0f | %.0f | %.0f | %.2f | %s |", name, p50, ms(percentile(nanos, 90)), ms(percentile(nanos, 100)),
          p50 / baseP50, statuses);
    }
  }

  /** Another node renders every variant of the burst, and they reach Redis. */
  private void precompute(byte[] photo, Map<String, String> env, IntFunction<String> query) {
    try (Service other = Service.start(env)) {
      Burst.run(List.of(other), BURST, CONCURRENCY, i -> photo, BURST, () -> {}, query)
          .forEach(o -> assertEquals(200, o.status(), o.body()));
      Peer.await(Duration.ofSeconds(30), () -> Burst.dependency(other, "redis").getLong("writes") >= BURST,
          "the variants to reach Redis");
    }
  }

  private double baseP50;

  private static Map<String, String> env(RedisServer redis, S3Server s3) {
    return new HashMap<>(Map.of(
        CacheConfig.REDIS_URL.name(), redis.url(),
        StorageConfig.S3_ENDPOINT.name(), s3.endpoint(),
        StorageConfig.S3_ACCESS_KEY.name(), S3Server.ACCESS_KEY,
        StorageConfig.S3_SECRET_KEY.name(), S3Server.SECRET_KEY,
        StorageConfig.S3_BUCKET.name(), "nws-bench"));
  }

  private void row(String name, List<Long> l1, List<Long> l2, List<Long> miss) {
    double a = ms(percentile(l1, 50));
    double b = ms(percentile(l2, 50));
    double c = ms(percentile(miss, 50));
    line("| %s | %.1f | %.1f | %.1f | %.2f | %.1f | %.1f |", name, a, b, c, b / a, c / a, c / b);
  }

  private static HttpResponse<Buffer> upload(Service s, byte[] photo, String query) {
    MultipartForm form = MultipartForm.create().binaryFileUpload("image", PHOTO, Buffer.buffer(photo), "image/jpeg");
    return s.client.post("/upload" + query).sendMultipartForm(form).await();
  }

  private static HttpResponse<Buffer> get(Service s, String uri) {
    return s.get(uri, MultiMap.caseInsensitiveMultiMap());
  }

  private static HttpResponse<Buffer> ok(HttpResponse<Buffer> r) {
    assertEquals(200, r.statusCode(), r::bodyAsString);
    return r;
  }

  private static HttpResponse<Buffer> hit(HttpResponse<Buffer> r, String expected) {
    ok(r);
    assertEquals(expected, r.getHeader("X-Cache"));
    return r;
  }

  private static long timed(Supplier<HttpResponse<Buffer>> request) {
    long start = System.nanoTime();
    request.get();
    return System.nanoTime() - start;
  }

  private static long percentile(List<Long> values, int p) {
    List<Long> sorted = values.stream().sorted().toList();
    int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
    return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
  }

  private static double ms(long nanos) {
    return nanos / 1e6;
  }

  private void line(String format, Object... args) {
    report.append(String.format(Locale.ROOT, format, args)).append('\n');
  }
}
