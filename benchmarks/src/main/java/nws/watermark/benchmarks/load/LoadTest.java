package nws.watermark.benchmarks.load;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * HTTP load test of NWS against the sharp peer and a bare receive-and-hash server, all already
 * running on 127.0.0.1 ({@code scripts/load-test.sh} starts and stops them). Several NWS JVMs may
 * run at once, one per candidate set of JVM flags. Every measurement alternates between the
 * targets in short rounds on the same photos and options, so machine noise hits them alike; the
 * ratios are what to read. Misses bypass the NWS cache with options never sent before (w and q
 * drawn from a fixed seed; the same options go to sharp). After the burst it follows every
 * target's RSS for a minute.
 *
 * <p>Usage: {@code LoadTest OUT_DIR TARGET...}, each target {@code name=port:pid} (names
 * {@code sharp} and {@code bare} are the baselines, any other an NWS candidate); {@code -Dphotos}
 * (comma-separated paths), {@code -Dseed}, {@code -Dscale} (request counts multiplier),
 * {@code -DmaxSeconds}, {@code -DafterSeconds} (how long to follow RSS after the burst).
 */
public final class LoadTest {

  private static final int CONCURRENCY = 4;
  private static final List<String> SCENARIOS =
      List.of("miss c1", "miss c" + CONCURRENCY, "hit c1", "hit c" + CONCURRENCY);

  private final List<Target> targets;
  private final Rounds rounds;
  private final double scale;

  private LoadTest(List<Target> targets, Rounds rounds, double scale) {
    this.targets = targets;
    this.rounds = rounds;
    this.scale = scale;
  }

  public static void main(String[] args) throws Exception {
    long seed = Long.getLong("seed", 42);
    Path out = Path.of(args[0]);
    List<Target> targets = Arrays.stream(args, 1, args.length).map(Target::parse).toList();
    Map<String, byte[]> photos = new LinkedHashMap<>();
    for (String path : System.getProperty("photos").split(",")) {
      photos.put(Path.of(path).getFileName().toString(), Files.readAllBytes(Path.of(path)));
    }
    LoadTest test = new LoadTest(targets, new Rounds(new FreshOptions(seed), Long.getLong("maxSeconds", 600)),
        Double.parseDouble(System.getProperty("scale", "1")));
    System.err.printf("load test: seed %d, concurrency 1 and %d, %d cores, 127.0.0.1 only, %d photos, targets %s%n",
        seed, CONCURRENCY, Runtime.getRuntime().availableProcessors(), photos.size(),
        targets.stream().map(Target::name).toList());
    MemoryTrace memory = new MemoryTrace(targets);
    // Started a moment ago: let the JVMs settle before taking their idle RSS.
    Thread.sleep(5000);
    memory.idle();
    photos.forEach(test::warmUp);
    photos.forEach(test::measure);
    memory.afterBurst(Integer.getInteger("afterSeconds", 60));
    System.err.print("\r" + " ".repeat(100) + "\r");
    List<String> names = new ArrayList<>(photos.keySet());
    LoadTable table = new LoadTable(names, targets, SCENARIOS, test.rounds.rows(), memory);
    String text = table.text(test.rounds.cutShort());
    System.out.print(text);
    Files.createDirectories(out);
    Files.writeString(out.resolve("load-test.txt"), text);
    Files.writeString(out.resolve("load-test.html"),
        new LoadHtml(table, names, targets, memory).page(text, "c" + CONCURRENCY));
    System.out.println("plot: " + out.resolve("load-test.html"));
  }

  /**
   * A JVM serves at steady state: every photo's paths are warmed (JIT, caches) before any is
   * measured. NWS's JIT compiles for its first few thousand requests (C1+C2 were ~11 ms of CPU per
   * 2 MP miss after 300 of them, under 3 ms after 1400; a hit cost 5.4 ms after 1500 hits, 3.0 ms
   * after 6000), so each path gets hundreds.
   */
  private void warmUp(String photo, byte[] bytes) {
    try {
      rounds.run(photo, "warm-up", on(Target.SHARP), bytes, CONCURRENCY, count(60), Kind.MISS, false);
      rounds.run(photo, "warm-up", on(Target.BARE), bytes, CONCURRENCY, count(500), Kind.HIT, false);
      rounds.run(photo, "warm-up", on(null), bytes, 1, count(200), Kind.ID_HIT, false);
    } catch (Exception e) {
      throw new IllegalStateException("warm-up on " + photo + " failed", e);
    }
  }

  private void measure(String photo, byte[] bytes) {
    try {
      rounds.run(photo, "miss c1", on(Target.SHARP), bytes, 1, count(12), Kind.MISS, true);
      rounds.run(photo, "miss c" + CONCURRENCY, on(Target.SHARP), bytes, CONCURRENCY, count(24), Kind.MISS, true);
      rounds.run(photo, "hit c1", on(Target.BARE), bytes, 1, count(60), Kind.HIT, true);
      rounds.run(photo, "hit c" + CONCURRENCY, on(Target.BARE), bytes, CONCURRENCY, count(200), Kind.HIT, true);
      rounds.run(photo, "id hit c1", on(null), bytes, 1, count(60), Kind.ID_HIT, true);
    } catch (Exception e) {
      throw new IllegalStateException("measuring " + photo + " failed", e);
    }
  }

  /** Every NWS candidate, then the baseline named (none when null). */
  private List<Target> on(String baseline) {
    return targets.stream().filter(t -> t.isNws() || t.name().equals(baseline)).toList();
  }

  private int count(int n) {
    return Math.max(2, (int) Math.round(n * scale));
  }
}
