package nws.watermark.benchmarks.load;

import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import nws.watermark.benchmarks.Percentile;
import nws.watermark.benchmarks.PlainHttp;
import nws.watermark.benchmarks.ProcStatus;

/**
 * Runs a scenario on several targets in short alternating rounds (the same photo and options for
 * each), so machine noise hits them alike, and records one {@link Row} per target: throughput,
 * latencies, and the server's CPU time read from {@code /proc} around each of its rounds.
 */
final class Rounds {

  /** One keep-alive connection per client thread and target. */
  private final ThreadLocal<Map<Integer, PlainHttp>> connections = ThreadLocal.withInitial(HashMap::new);
  private final List<PlainHttp> opened = Collections.synchronizedList(new ArrayList<>());
  private final Map<byte[], String> ids = new IdentityHashMap<>();
  private final FreshOptions options;
  private final long deadline;
  private final List<Row> rows = new ArrayList<>();
  private boolean cutShort;

  Rounds(FreshOptions options, long maxSeconds) {
    this.options = options;
    this.deadline = System.nanoTime() + maxSeconds * 1_000_000_000L;
  }

  List<Row> rows() {
    return rows;
  }

  /** Whether the time bound stopped some scenario early. */
  boolean cutShort() {
    return cutShort;
  }

  /** Per target: the latencies, the wall and CPU time of its rounds, its non-200 answers. */
  private static final class Tally {
    final List<Double> latencies = new ArrayList<>();
    final AtomicInteger errors = new AtomicInteger();
    double seconds;
    double cpuMillis;
  }

  /**
   * {@code total} requests per target, in rounds of a few requests that alternate between the
   * targets; each round runs {@code concurrency} requests at a time. A warm-up ({@code record}
   * false) keeps no row.
   */
  void run(String photo, String scenario, List<Target> on, byte[] bytes, int concurrency, int total, Kind kind,
      boolean record) throws Exception {
    int round = Math.max(concurrency * 2, total / 4);
    Map<Target, Tally> tallies = new LinkedHashMap<>();
    on.forEach(t -> tallies.put(t, new Tally()));
    if (kind != Kind.MISS) {
      // The variant the hits ask for is rendered once, by an upload, on every NWS target.
      for (Target t : on) {
        if (t.isNws()) {
          send(t, bytes, FreshOptions.HIT_QUERY, Kind.HIT);
        }
      }
    }
    ExecutorService pool = Executors.newFixedThreadPool(concurrency);
    try {
      for (int done = 0; done < total && !overTime(); done += round) {
        int n = Math.min(round, total - done);
        List<String> queries = new ArrayList<>();
        for (int i = 0; i < n; i++) {
          queries.add(kind == Kind.MISS ? options.next(photo) : FreshOptions.HIT_QUERY);
        }
        for (Target t : on) {
          progress(photo, scenario, t, done, total);
          batch(pool, t, bytes, kind, queries, tallies.get(t));
        }
      }
    } finally {
      pool.shutdownNow();
      pool.awaitTermination(10, TimeUnit.SECONDS);
      synchronized (opened) {
        opened.forEach(PlainHttp::close);
        opened.clear();
      }
    }
    if (record) {
      tallies.forEach((t, tally) -> rows.add(row(photo, scenario, t, tally)));
    }
  }

  private static Row row(String photo, String scenario, Target t, Tally tally) {
    double[] sorted = Percentile.sorted(tally.latencies);
    return new Row(photo, scenario, t.name(), sorted.length, tally.errors.get(), tally.seconds,
        Percentile.of(sorted, 0.50), Percentile.of(sorted, 0.99), tally.cpuMillis);
  }

  /** Runs the queries {@code pool}-wide against one target; adds its wall and CPU time to the tally. */
  private void batch(ExecutorService pool, Target target, byte[] bytes, Kind kind, List<String> queries,
      Tally tally) throws Exception {
    double cpuBefore = ProcStatus.cpuMillis(target.pid());
    long start = System.nanoTime();
    List<Future<Double>> futures = new ArrayList<>();
    for (String query : queries) {
      futures.add(pool.submit(() -> {
        long t0 = System.nanoTime();
        if (send(target, bytes, query, kind) != 200) {
          tally.errors.incrementAndGet();
        }
        return (System.nanoTime() - t0) / 1e6;
      }));
    }
    for (Future<Double> f : futures) {
      tally.latencies.add(f.get());
    }
    tally.seconds += (System.nanoTime() - start) / 1e9;
    tally.cpuMillis += ProcStatus.cpuMillis(target.pid()) - cpuBefore;
  }

  private int send(Target target, byte[] bytes, String query, Kind kind) throws IOException {
    PlainHttp http = connections.get().computeIfAbsent(target.port(), port -> {
      PlainHttp opening = new PlainHttp(port);
      opened.add(opening);
      return opening;
    });
    if (kind == Kind.ID_HIT) {
      return http.get("/images/" + sha256(bytes) + query);
    }
    return http.post((target.name().equals(Target.BARE) ? "/" : "/upload") + query, "image/jpeg", bytes);
  }

  /** The image id NWS gives these bytes: their SHA-256 in hex. */
  private String sha256(byte[] bytes) {
    synchronized (ids) {
      return ids.computeIfAbsent(bytes, b -> {
        try {
          return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
        } catch (NoSuchAlgorithmException e) {
          throw new IllegalStateException(e);
        }
      });
    }
  }

  private boolean overTime() {
    if (System.nanoTime() > deadline) {
      cutShort = true;
    }
    return cutShort;
  }

  private static void progress(String photo, String scenario, Target t, int done, int total) {
    System.err.printf("\r%-28s %-9s %-10s %4d/%-4d requests", photo, scenario, t.name(), done, total);
  }
}
