package nws.watermark.benchmarks.load;

import java.util.List;
import java.util.Locale;

/**
 * The load test's text report: per photo and scenario each NWS candidate against its baseline
 * (sharp for misses, the bare server for hits) with the server CPU per request; latency at
 * concurrency 1; and memory (idle, peak, and after the burst).
 */
final class LoadTable {

  private final List<String> photos;
  private final List<Target> targets;
  private final List<String> scenarios;
  private final List<Row> rows;
  private final MemoryTrace memory;

  LoadTable(List<String> photos, List<Target> targets, List<String> scenarios, List<Row> rows,
      MemoryTrace memory) {
    this.photos = photos;
    this.targets = targets;
    this.scenarios = scenarios;
    this.rows = rows;
    this.memory = memory;
  }

  static String baselineOf(String scenario) {
    return scenario.startsWith("miss") ? Target.SHARP : Target.BARE;
  }

  Row row(String photo, String scenario, String target) {
    return rows.stream()
        .filter(r -> r.photo().equals(photo) && r.scenario().equals(scenario) && r.target().equals(target))
        .findFirst().orElse(null);
  }

  List<Target> candidates() {
    return targets.stream().filter(Target::isNws).toList();
  }

  String text(boolean cutShort) {
    StringBuilder out = new StringBuilder();
    throughput(out);
    summary(out);
    latency(out);
    memory(out);
    int errors = rows.stream().mapToInt(Row::errors).sum();
    out.append(String.format(Locale.ROOT, "%nnon-200 answers: %d%s%n", errors,
        cutShort ? " (time bound reached: some scenarios were cut short)" : ""));
    return out.toString();
  }

  private void throughput(StringBuilder out) {
    out.append(String.format(Locale.ROOT, "%-28s %-9s %-10s %8s %8s %6s %7s %8s %8s %9s %6s%n", "photo", "scenario",
        "nws", "req/s", "base/s", "base", "ratio", "p50 ms", "p99 ms", "cpu ms/r", "base"));
    for (String photo : photos) {
      for (String scenario : scenarios) {
        for (Target c : candidates()) {
          Row n = row(photo, scenario, c.name());
          Row o = row(photo, scenario, baselineOf(scenario));
          if (n == null || o == null) {
            continue;
          }
          out.append(String.format(Locale.ROOT, "%-28s %-9s %-10s %8.1f %8.1f %6s %6.2fx %8.1f %8.1f %9.1f %6.1f%n",
              photo, scenario, c.name(), n.throughput(), o.throughput(), o.target(), n.throughput() / o.throughput(),
              n.p50(), n.p99(), n.cpuMillisPerRequest(), o.cpuMillisPerRequest()));
        }
      }
    }
  }

  /** Per candidate, the geometric mean over the photos of each scenario's ratio to its baseline. */
  private void summary(StringBuilder out) {
    out.append(String.format(Locale.ROOT, "%ngeometric mean over the photos of nws/baseline req/s%n%-10s", "nws"));
    scenarios.forEach(s -> out.append(String.format(Locale.ROOT, " %9s", s)));
    out.append(String.format(Locale.ROOT, " %12s%n", "miss cpu/r"));
    for (Target c : candidates()) {
      out.append(String.format(Locale.ROOT, "%-10s", c.name()));
      for (String scenario : scenarios) {
        out.append(String.format(Locale.ROOT, " %8.2fx", geomean(scenario, c.name())));
      }
      out.append(String.format(Locale.ROOT, " %11.2fx%n", geomeanCpu(c.name())));
    }
  }

  private double geomean(String scenario, String target) {
    double logs = 0;
    int n = 0;
    for (String photo : photos) {
      Row r = row(photo, scenario, target);
      Row o = row(photo, scenario, baselineOf(scenario));
      if (r != null && o != null) {
        logs += Math.log(r.throughput() / o.throughput());
        n++;
      }
    }
    return n == 0 ? Double.NaN : Math.exp(logs / n);
  }

  /** Server CPU per miss at the highest concurrency against sharp's, geometric mean over the photos. */
  private double geomeanCpu(String target) {
    String scenario = scenarios.stream().filter(s -> s.startsWith("miss")).reduce((a, b) -> b).orElse("miss c1");
    double logs = 0;
    int n = 0;
    for (String photo : photos) {
      Row r = row(photo, scenario, target);
      Row o = row(photo, scenario, Target.SHARP);
      if (r != null && o != null && r.cpuMillis() > 0 && o.cpuMillis() > 0) {
        logs += Math.log(r.cpuMillisPerRequest() / o.cpuMillisPerRequest());
        n++;
      }
    }
    return n == 0 ? Double.NaN : Math.exp(logs / n);
  }

  private void latency(StringBuilder out) {
    out.append(String.format(Locale.ROOT,
        "%nlatency at concurrency 1 (ms); miss/hit: an upload hit, miss/id: GET /images/<id>%n"
            + "%-28s %-10s %10s %10s %10s %10s %9s %9s %9s %9s%n", "photo", "nws", "nws miss50", "sharp p50",
        "nws p99", "sharp p99", "p50 ratio", "miss/hit", "id hit50", "miss/id"));
    for (String photo : photos) {
      for (Target c : candidates()) {
        Row n = row(photo, "miss c1", c.name());
        Row s = row(photo, "miss c1", Target.SHARP);
        Row h = row(photo, "hit c1", c.name());
        Row id = row(photo, "id hit c1", c.name());
        if (n == null || s == null || h == null || id == null) {
          continue;
        }
        out.append(String.format(Locale.ROOT, "%-28s %-10s %10.1f %10.1f %10.1f %10.1f %8.2fx %8.0fx %9.2f %8.0fx%n",
            photo, c.name(), n.p50(), s.p50(), n.p99(), s.p99(), n.p50() / s.p50(), n.p50() / h.p50(), id.p50(),
            n.p50() / id.p50()));
      }
    }
  }

  private void memory(StringBuilder out) {
    long sharpPeak = memory.peakMb(Target.SHARP);
    int last = memory.seconds();
    out.append(String.format(Locale.ROOT,
        "%nresident memory (VmRSS, MB): idle before the load, peak (VmHWM), then after the burst%n"
            + "%-10s %6s %6s %10s %6s %6s %6s %6s %9s %12s%n", "target", "idle", "peak", "peak/sharp", "+0s",
        "+10s", "+30s", "+" + last + "s", "end/idle", "s to 2x idle"));
    for (Target t : targets) {
      String name = t.name();
      long idle = memory.idleMb(name);
      long end = memory.afterMb(name, last);
      out.append(String.format(Locale.ROOT, "%-10s %6d %6d %9.2fx %6d %6d %6d %6d %8.2fx %12s%n", name, idle,
          memory.peakMb(name), memory.peakMb(name) / (double) sharpPeak, memory.afterMb(name, 0),
          memory.afterMb(name, 10), memory.afterMb(name, 30), end, end / (double) idle,
          seconds(memory.secondsToWithin(name, 2))));
    }
  }

  private static String seconds(int s) {
    return s < 0 ? "not yet" : s + " s";
  }
}
