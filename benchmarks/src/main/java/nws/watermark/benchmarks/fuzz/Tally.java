package nws.watermark.benchmarks.fuzz;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The run's counts, for the summary: cases per family, answers per status (the first answer's
 * status, or how the exchange ended without one), mean time per family and the slowest cases,
 * failures by kind with the first example of each, checkpoint problems and fuzzer errors, peak RSS.
 */
final class Tally {

  /** One kind of failure: how many, and its first case. */
  private static final class Kind {
    long count;
    final long firstCase;
    final String request;
    final String did;
    final String detail;
    final Path replay;

    Kind(FuzzCase c, Verdict.Failure f, Path replay) {
      this.firstCase = c.index();
      this.request = c.request().summary();
      this.did = String.join("; ", c.did());
      this.detail = f.detail();
      this.replay = replay;
    }
  }

  private final Map<String, Long> families = new TreeMap<>();
  private final Map<String, Long> familyMillis = new TreeMap<>();
  private final Map<String, Long> statuses = new TreeMap<>();
  private final Map<String, Kind> failures = new TreeMap<>();
  /** Checkpoint problems and fuzzer errors: failures that belong to no case kind. */
  private final List<String> runProblems = new ArrayList<>();
  /** The slowest cases (ms, then a description), slowest first: where a time bound would bite. */
  private final TreeMap<Long, String> slowest = new TreeMap<>(Comparator.reverseOrder());
  private long cases;
  private long failed;
  private long peakRssMb;

  synchronized void count(FuzzCase c, Exchange exchange, Verdict.Failure failure, Path replay) {
    cases++;
    families.merge(c.family().label, 1L, Long::sum);
    familyMillis.merge(c.family().label, exchange.millis(), Long::sum);
    slowest.put(exchange.millis(), "case " + c.index() + " " + c.variant() + (c.seedFile() == null ? "" : " of " + c.seedFile()));
    if (slowest.size() > 5) {
      slowest.pollLastEntry();
    }
    String status = exchange.answers().isEmpty() ? exchange.end().name().toLowerCase()
        : String.valueOf(exchange.answers().get(0).status());
    statuses.merge(status, 1L, Long::sum);
    if (failure != null) {
      failed++;
      failures.computeIfAbsent(FailureLog.key(c, failure), k -> new Kind(c, failure, replay)).count++;
    }
  }

  /** A case the fuzzer could not make or judge: counted as run, and as a failure to fix in the fuzzer. */
  synchronized void fuzzerError(long index, RuntimeException e) {
    cases++;
    runProblems.add("case " + index + ": the fuzzer itself failed: " + e);
  }

  synchronized void checkpointProblem(long afterCases, String problem) {
    runProblems.add("after " + afterCases + " cases: " + problem);
  }

  synchronized void rss(long mb) {
    peakRssMb = Math.max(peakRssMb, mb);
  }

  synchronized long cases() {
    return cases;
  }

  /** Failed cases plus checkpoint problems: zero for a clean run. */
  synchronized long failures() {
    return failed + runProblems.size();
  }

  /** One line per failure kind: count, first case, its replay file and request. */
  synchronized List<String> failureKinds() {
    List<String> lines = new ArrayList<>(runProblems);
    failures.forEach((key, k) -> lines.add(String.format("%5d x %s%n        first: case %d, %s%n        request: %s%n"
        + "        did: %s%n        replay: %s", k.count, key, k.firstCase, clip(k.detail), clip(k.request), clip(k.did),
        k.replay == null ? "(not saved)" : k.replay)));
    return lines;
  }

  synchronized String summary(double seconds, long seed, boolean cutShort) {
    StringBuilder s = new StringBuilder();
    s.append(String.format("fuzz: %d cases in %.0f s (%.1f/s), seed %d%s%n", cases, seconds, cases / seconds, seed,
        cutShort ? ", CUT SHORT by the time bound" : ""));
    s.append("cases per family: ").append(families).append('\n');
    Map<String, Long> meanMillis = new TreeMap<>();
    families.forEach((family, n) -> meanMillis.put(family, familyMillis.get(family) / n));
    s.append("mean ms per case by family: ").append(meanMillis).append('\n');
    s.append("slowest: ");
    slowest.forEach((ms, what) -> s.append(ms).append(" ms ").append(what).append("; "));
    s.append('\n');
    s.append("answers per status: ").append(statuses).append('\n');
    s.append("service peak RSS: ").append(peakRssMb > 0 ? peakRssMb + " MB" : "not measured (pid unknown)").append('\n');
    s.append(String.format("failures: %d cases in %d kinds, %d checkpoint problems or fuzzer errors%n", failed,
        failures.size(), runProblems.size()));
    failureKinds().forEach(line -> s.append("  ").append(line).append('\n'));
    return s.toString();
  }

  private static String clip(String text) {
    String line = text.replaceAll("[\\r\\n]+", " ");
    return line.length() > 300 ? line.substring(0, 300) + "..." : line;
  }
}
