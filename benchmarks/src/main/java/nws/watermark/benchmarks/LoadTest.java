package nws.watermark.benchmarks;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * HTTP load test of NWS against the sharp peer and a bare receive-and-hash server, all already
 * running on 127.0.0.1 ({@code scripts/load-test.sh} starts and stops them). Every measurement
 * alternates between the targets in short rounds on the same photos and options, so machine noise
 * hits both alike; the ratios are what to read. Misses bypass the NWS cache with options never
 * sent before (w and q drawn from a fixed seed; the same options go to sharp).
 *
 * <p>Usage: {@code LoadTest NWS_PORT SHARP_PORT BARE_PORT CORPUS_DIR OUT_DIR NWS_PID SHARP_PID
 * BARE_PID}; {@code -Dseed}, {@code -Dscale} (request counts multiplier), {@code -DmaxSeconds}.
 */
public final class LoadTest {

  private static final List<String> PHOTOS =
      List.of("photo_20mp_kleiber.jpg", "photo_8mp_picos.jpg", "photo_2mp_storm.jpg");
  private static final int CONCURRENCY = 4;
  private static final PrintStream err = System.err;

  /** One keep-alive connection per client thread and target. */
  private final ThreadLocal<Map<Integer, PlainHttp>> connections = ThreadLocal.withInitial(HashMap::new);
  private final Map<byte[], String> ids = new java.util.IdentityHashMap<>();
  private final List<PlainHttp> opened = Collections.synchronizedList(new ArrayList<>());
  private final Random random;
  private final double scale;
  private final long deadline;
  private final Map<String, Target> targets = new LinkedHashMap<>();
  private final Map<String, Set<String>> usedOptions = new LinkedHashMap<>();
  private final List<Row> rows = new ArrayList<>();
  private boolean cutShort;

  record Target(String name, int port, long pid) {}

  /** One measured cell: a scenario on one photo for one target. */
  record Row(String photo, String scenario, String target, int requests, int errors, double seconds,
      double p50, double p99) {
    double throughput() {
      return requests / seconds;
    }
  }

  private LoadTest(long seed, double scale, long maxSeconds) {
    this.random = new Random(seed);
    this.scale = scale;
    this.deadline = System.nanoTime() + maxSeconds * 1_000_000_000L;
  }

  public static void main(String[] args) throws Exception {
    long seed = Long.getLong("seed", 42);
    LoadTest test = new LoadTest(seed, Double.parseDouble(System.getProperty("scale", "1")),
        Long.getLong("maxSeconds", 600));
    test.targets.put("nws", new Target("nws", Integer.parseInt(args[0]), Long.parseLong(args[5])));
    test.targets.put("sharp", new Target("sharp", Integer.parseInt(args[1]), Long.parseLong(args[6])));
    test.targets.put("bare", new Target("bare", Integer.parseInt(args[2]), Long.parseLong(args[7])));
    Path corpus = Path.of(args[3]);
    Path out = Path.of(args[4]);
    err.printf("load test: seed %d, concurrency 1 and %d, %d cores, 127.0.0.1 only%n",
        seed, CONCURRENCY, Runtime.getRuntime().availableProcessors());
    Map<String, byte[]> photos = new LinkedHashMap<>();
    for (String photo : PHOTOS) {
      photos.put(photo, Files.readAllBytes(corpus.resolve(photo)));
    }
    // A JVM serves at steady state: warm every photo's paths (JIT, caches) before measuring any.
    // NWS's JIT compiles for its first few thousand requests (C1+C2 were ~11 ms of CPU per 2 MP
    // miss after 300 of them, under 3 ms after 1400; a hit cost 5.4 ms after 1500 hits, 3.0 ms
    // after 6000), so each path gets hundreds.
    for (String photo : PHOTOS) {
      Target nws = test.targets.get("nws");
      test.run(photo, "warm-up", List.of(nws, test.targets.get("sharp")), photos.get(photo), CONCURRENCY,
          test.count(60), Kind.MISS, false);
      test.run(photo, "warm-up", List.of(nws, test.targets.get("bare")), photos.get(photo), CONCURRENCY,
          test.count(500), Kind.HIT, false);
      test.run(photo, "warm-up", List.of(nws), photos.get(photo), 1, test.count(200), Kind.ID_HIT, false);
    }
    for (String photo : PHOTOS) {
      test.measure(photo, photos.get(photo));
    }
    err.print("\r" + " ".repeat(100) + "\r");
    String table = test.table();
    System.out.print(table);
    Files.createDirectories(out);
    Files.writeString(out.resolve("load-test.txt"), table);
    Files.writeString(out.resolve("load-test.html"), test.html(table));
    System.out.println("plot: " + out.resolve("load-test.html"));
  }

  private void measure(String photo, byte[] bytes) throws Exception {
    Target nws = targets.get("nws");
    Target sharp = targets.get("sharp");
    Target bare = targets.get("bare");
    run(photo, "miss c1", List.of(nws, sharp), bytes, 1, count(12), Kind.MISS, true);
    run(photo, "miss c" + CONCURRENCY, List.of(nws, sharp), bytes, CONCURRENCY, count(24), Kind.MISS, true);
    run(photo, "hit c1", List.of(nws, bare), bytes, 1, count(60), Kind.HIT, true);
    run(photo, "hit c" + CONCURRENCY, List.of(nws, bare), bytes, CONCURRENCY, count(200), Kind.HIT, true);
    run(photo, "id hit c1", List.of(nws), bytes, 1, count(60), Kind.ID_HIT, true);
  }

  /**
   * MISS: an upload with options never sent before. HIT: the same upload and options again (the
   * body is still sent and hashed). ID_HIT: {@code GET /images/<sha256>} with those options, for a
   * client that kept the id: no upload at all.
   */
  enum Kind { MISS, HIT, ID_HIT }

  private int count(int n) {
    return Math.max(2, (int) Math.round(n * scale));
  }

  /**
   * {@code total} requests per target, in rounds of a few requests that alternate between the
   * targets; each round runs {@code concurrency} requests at a time.
   */
  private void run(String photo, String scenario, List<Target> on, byte[] bytes, int concurrency,
      int total, Kind kind, boolean record) throws Exception {
    int round = Math.max(concurrency * 2, total / 4);
    Map<Target, List<Double>> latencies = new LinkedHashMap<>();
    Map<Target, double[]> seconds = new LinkedHashMap<>();
    Map<Target, AtomicInteger> errors = new LinkedHashMap<>();
    for (Target t : on) {
      latencies.put(t, new ArrayList<>());
      seconds.put(t, new double[1]);
      errors.put(t, new AtomicInteger());
    }
    String hitQuery = "?w=1024&h=1024&q=80";
    boolean miss = kind == Kind.MISS;
    if (!miss) {
      // The variant the hits ask for is rendered once, by an upload.
      send(on.get(0), bytes, hitQuery, Kind.HIT);
    }
    ExecutorService pool = Executors.newFixedThreadPool(concurrency);
    try {
      for (int done = 0; done < total && !overTime(); done += round) {
        int n = Math.min(round, total - done);
        List<String> queries = new ArrayList<>();
        for (int i = 0; i < n; i++) {
          queries.add(miss ? freshQuery(photo) : hitQuery);
        }
        for (Target t : on) {
          progress(photo, scenario, t, done, total);
          seconds.get(t)[0] += batch(pool, t, bytes, kind, queries, latencies.get(t), errors.get(t));
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
    if (!record) {
      return;
    }
    for (Target t : on) {
      double[] sorted = latencies.get(t).stream().mapToDouble(Double::doubleValue).sorted().toArray();
      rows.add(new Row(photo, scenario, t.name(), sorted.length, errors.get(t).get(), seconds.get(t)[0],
          percentile(sorted, 0.50), percentile(sorted, 0.99)));
    }
  }

  /** Runs the queries {@code pool}-wide; answers the wall time of the batch in seconds. */
  private double batch(ExecutorService pool, Target target, byte[] bytes, Kind kind, List<String> queries,
      List<Double> latencies, AtomicInteger errors) throws Exception {
    long start = System.nanoTime();
    List<Future<Double>> futures = new ArrayList<>();
    for (String query : queries) {
      futures.add(pool.submit(() -> {
        long t0 = System.nanoTime();
        int status = send(target, bytes, query, kind);
        if (status != 200) {
          errors.incrementAndGet();
        }
        return (System.nanoTime() - t0) / 1e6;
      }));
    }
    for (Future<Double> f : futures) {
      latencies.add(f.get());
    }
    return (System.nanoTime() - start) / 1e9;
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
    return http.post((target.name().equals("bare") ? "/" : "/upload") + query, "image/jpeg", bytes);
  }

  /** The image id NWS gives these bytes: their SHA-256 in hex. */
  private String sha256(byte[] bytes) {
    synchronized (ids) {
      return ids.computeIfAbsent(bytes, b -> {
        try {
          return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(b));
        } catch (java.security.NoSuchAlgorithmException e) {
          throw new IllegalStateException(e);
        }
      });
    }
  }

  /** Options this photo has never been sent with, so NWS misses its cache; every target gets them. */
  private String freshQuery(String photo) {
    Set<String> used = usedOptions.computeIfAbsent(photo, k -> new HashSet<>());
    while (true) {
      int w = 1024 - 8 * random.nextInt(16);
      int q = 60 + random.nextInt(36);
      String query = "?w=" + w + "&h=1024&q=" + q;
      if (used.add(query)) {
        return query;
      }
    }
  }

  private boolean overTime() {
    if (System.nanoTime() > deadline) {
      cutShort = true;
    }
    return cutShort;
  }

  private static double percentile(double[] sorted, double p) {
    if (sorted.length == 0) {
      return Double.NaN;
    }
    return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)];
  }

  private void progress(String photo, String scenario, Target t, int done, int total) {
    err.printf("\r%-24s %-8s %-6s %4d/%-4d requests", photo, scenario, t.name(), done, total);
  }

  private Row row(String photo, String scenario, String target) {
    return rows.stream()
        .filter(r -> r.photo().equals(photo) && r.scenario().equals(scenario) && r.target().equals(target))
        .findFirst().orElse(null);
  }

  private String table() {
    StringBuilder out = new StringBuilder();
    out.append(String.format(Locale.ROOT, "%-24s %-9s %12s %12s %12s %9s %9s %8s%n",
        "photo", "scenario", "nws req/s", "other req/s", "other", "nws p50", "nws p99", "ratio"));
    for (String photo : PHOTOS) {
      for (String scenario : List.of("miss c1", "miss c" + CONCURRENCY, "hit c1", "hit c" + CONCURRENCY)) {
        Row n = row(photo, scenario, "nws");
        Row o = row(photo, scenario, scenario.startsWith("miss") ? "sharp" : "bare");
        if (n == null || o == null) {
          continue;
        }
        out.append(String.format(Locale.ROOT, "%-24s %-9s %12.1f %12.1f %12s %7.1fms %7.1fms %7.2fx%n",
            photo, scenario, n.throughput(), o.throughput(), o.target(), n.p50(), n.p99(),
            n.throughput() / o.throughput()));
      }
    }
    out.append(String.format(Locale.ROOT, "%nlatency at concurrency 1 (ms); miss/hit: an upload hit, miss/id: GET /images/<id>%n"
        + "%-24s %10s %10s %10s %10s %9s %9s %9s %9s%n",
        "photo", "nws miss50", "sharp p50", "nws p99", "sharp p99", "p50 ratio", "miss/hit", "id hit50", "miss/id"));
    for (String photo : PHOTOS) {
      Row n = row(photo, "miss c1", "nws");
      Row s = row(photo, "miss c1", "sharp");
      Row h = row(photo, "hit c1", "nws");
      Row id = row(photo, "id hit c1", "nws");
      if (n == null || s == null || h == null || id == null) {
        continue;
      }
      out.append(String.format(Locale.ROOT, "%-24s %10.1f %10.1f %10.1f %10.1f %8.2fx %8.0fx %9.2f %8.0fx%n",
          photo, n.p50(), s.p50(), n.p99(), s.p99(), n.p50() / s.p50(), n.p50() / h.p50(), id.p50(),
          n.p50() / id.p50()));
    }
    out.append("\npeak RSS (VmHWM):");
    for (Target t : targets.values()) {
      out.append(String.format(Locale.ROOT, "  %s %d MB", t.name(), peakRssMb(t.pid())));
    }
    int errors = rows.stream().mapToInt(Row::errors).sum();
    out.append(String.format(Locale.ROOT, "%nnon-200 answers: %d%s%n", errors,
        cutShort ? " (time bound reached: some scenarios were cut short)" : ""));
    return out.toString();
  }

  private static long peakRssMb(long pid) {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
        if (line.startsWith("VmHWM:")) {
          return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
        }
      }
    } catch (IOException e) {
      return -1;
    }
    return -1;
  }

  /** A self-contained page: bar charts of miss throughput and p50 latency, and the table. */
  private String html(String table) {
    StringBuilder svg = new StringBuilder();
    svg.append(chart("Miss throughput (req/s, higher is better)", List.of("miss c1", "miss c" + CONCURRENCY),
        Row::throughput, "sharp"));
    svg.append(chart("Miss latency p50 at concurrency 1 (ms, lower is better)", List.of("miss c1"),
        Row::p50, "sharp"));
    svg.append(chart("Hit throughput vs bare receive+hash (req/s)", List.of("hit c" + CONCURRENCY),
        Row::throughput, "bare"));
    return "<!doctype html><html><head><meta charset=utf-8><title>NWS load test</title>"
        + "<style>body{font-family:sans-serif;margin:2em}pre{background:#f4f4f4;padding:1em}</style>"
        + "</head><body><h1>NWS Watermark vs sharp peer</h1>" + svg + "<pre>"
        + table.replace("&", "&amp;").replace("<", "&lt;") + "</pre></body></html>\n";
  }

  private String chart(String title, List<String> scenarios, java.util.function.ToDoubleFunction<Row> value,
      String other) {
    List<String[]> labels = new ArrayList<>();
    List<double[]> values = new ArrayList<>();
    for (String photo : PHOTOS) {
      for (String scenario : scenarios) {
        Row n = row(photo, scenario, "nws");
        Row o = row(photo, scenario, other);
        if (n != null && o != null) {
          labels.add(new String[] {photo.replace("photo_", "").replace(".jpg", ""), scenario});
          values.add(new double[] {value.applyAsDouble(n), value.applyAsDouble(o)});
        }
      }
    }
    double max = values.stream().flatMapToDouble(Arrays::stream).max().orElse(1);
    int barW = 28;
    int groupW = barW * 2 + 40;
    int height = 220;
    int width = 60 + groupW * values.size();
    StringBuilder s = new StringBuilder();
    s.append("<h2>").append(title).append("</h2><svg xmlns='http://www.w3.org/2000/svg' width='")
        .append(width).append("' height='").append(height + 60).append("'>");
    for (int i = 0; i < values.size(); i++) {
      int x = 50 + i * groupW;
      for (int k = 0; k < 2; k++) {
        double v = values.get(i)[k];
        int h = (int) Math.round(v / max * height);
        s.append(String.format(Locale.ROOT,
            "<rect x='%d' y='%d' width='%d' height='%d' fill='%s'/><text x='%d' y='%d' font-size='10'>%.0f</text>",
            x + k * barW, height - h + 10, barW - 2, h, k == 0 ? "#2a6fdb" : "#999", x + k * barW,
            height - h + 7, v));
      }
      s.append(String.format(Locale.ROOT, "<text x='%d' y='%d' font-size='11'>%s</text><text x='%d' y='%d' font-size='11'>%s</text>",
          x, height + 28, labels.get(i)[0], x, height + 42, labels.get(i)[1]));
    }
    s.append(String.format(Locale.ROOT,
        "<rect x='%d' y='%d' width='10' height='10' fill='#2a6fdb'/><text x='%d' y='%d' font-size='11'>nws</text>"
            + "<rect x='%d' y='%d' width='10' height='10' fill='#999'/><text x='%d' y='%d' font-size='11'>%s</text>",
        width - 110, 0, width - 96, 9, width - 60, 0, width - 46, 9, other));
    return s.append("</svg>").toString();
  }
}
