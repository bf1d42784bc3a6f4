package nws.watermark.benchmarks.soak;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import nws.watermark.benchmarks.Percentile;

/** The soak's figures as text: counts, statuses by kind, latency, faults, RSS per process, losses, logs. */
final class SoakReport {

  final SoakSettings settings;
  final SoakStats stats;
  final List<IntervalSampler.Sample> samples;
  final List<FaultSchedule.Event> events;
  final List<RssTrend> trends;
  private final long reconnects;
  private final long startEpochMillis;
  private final String ready;

  SoakReport(SoakSettings settings, SoakStats stats, List<IntervalSampler.Sample> samples,
      List<FaultSchedule.Event> events, long reconnects, long startEpochMillis, String ready) {
    this.ready = ready;
    this.settings = settings;
    this.stats = stats;
    this.samples = samples;
    this.events = events;
    this.trends = RssTrend.of(samples);
    this.reconnects = reconnects;
    this.startEpochMillis = startEpochMillis;
  }

  /** The wall-clock time (as the service's log lines print it) of a moment of the soak. */
  String clock(double seconds) {
    return LocalTime.ofInstant(Instant.ofEpochMilli(startEpochMillis + (long) (seconds * 1000)), ZoneId.systemDefault())
        .truncatedTo(ChronoUnit.MILLIS).toString();
  }

  String text() {
    StringBuilder out = new StringBuilder();
    out.append(String.format(Locale.ROOT, "NWS soak: %.1f min from %s, seed %d, %.1f requests/s, at most %d at once,"
            + " %d optimizer JVMs; a fault every %.0f s (down %.0f s): %s%n%n", settings.minutes(), clock(0),
        settings.seed(), settings.rate(), settings.concurrency(), settings.optimizers(), settings.faultEvery(),
        settings.down(), String.join(", ", settings.targets())));
    out.append(String.format(Locale.ROOT, "requests: sent %d, answered %d, lost %d; answered with a wrong status %d%n",
        stats.sentCount(), stats.answeredCount(), stats.lostCount(), stats.unexpectedCount()));
    out.append(String.format(Locale.ROOT, "503 with Retry-After: met %d times; %d requests answered on a later try"
        + " (not lost); keep-alive connections found closed and resent: %d%n", stats.busyWaits(), stats.busyRecovered(),
        reconnects));
    double[] all = stats.latencies(null);
    out.append(String.format(Locale.ROOT, "good traffic (200/304 kinds), first byte sent to final answer, Retry-After waits"
        + " included:%n  whole run: p50 %.1f ms, p99 %.1f ms, max %.0f ms over %d requests%n%n", Percentile.of(all, 0.5),
        Percentile.of(all, 0.99), all.length == 0 ? 0 : all[all.length - 1], all.length));
    double[] steady = stats.steadyLatencies();
    out.append(String.format(Locale.ROOT, "  after the first %.0f s (JIT warm-up): p50 %.1f ms, p99 %.1f ms over %d requests%n",
        stats.warmUpSeconds(), Percentile.of(steady, 0.5), Percentile.of(steady, 0.99), steady.length));
    out.append(String.format(Locale.ROOT, "%-34s %7s %9s %9s  %s%n", "kind", "sent", "p50 ms", "p99 ms", "final statuses (expected)"));
    stats.byKind().forEach((kind, statuses) -> {
      double[] l = stats.latencies(kind);
      out.append(String.format(Locale.ROOT, "%-34s %7d %9.1f %9.1f  %s (%d)%n", kind.label,
          statuses.values().stream().mapToLong(Long::longValue).sum(), Percentile.of(l, 0.5), Percentile.of(l, 0.99),
          statuses.toString().replace("-1=", "no answer="), kind.expected));
    });
    out.append("\nfinal statuses: ").append(stats.byStatus()).append('\n');
    out.append("error codes: ").append(stats.errorCodes()).append('\n');
    out.append("X-Cache of the 200s: ").append(stats.cacheAnswers()).append("\n\nfaults:\n");
    for (FaultSchedule.Event e : events) {
      out.append(String.format(Locale.ROOT, "  %7.1f s  %s  %-11s %-13s pid %-8d %s%n", e.at(), clock(e.at()), e.target(),
          e.action(), e.pid(), e.detail()));
    }
    out.append("\nwhat the faults cost (good traffic, by start time; baseline: the same run with everything up)\n");
    out.append(FaultCost.table(events, stats.startAndMillis(), stats.warmUpSeconds()));
    out.append("\nresident memory (VmRSS) per process; '2/3 MB' at two thirds of its life, 'MB/min 3rd' the slope over"
        + " its last third; 'heap MB' the Java heap committed at the end\n");
    out.append(RssTrend.header()).append('\n');
    trends.forEach(t -> out.append(t.row()).append('\n'));
    out.append(losses());
    out.append("\nthe API's /ready at the end: ").append(ready.replaceAll("\\s+", " ")).append('\n');
    out.append("\nservice logs, WARN and ERROR lines (ids and numbers of two digits or more blanked as #):\n");
    out.append(new LogDigest(settings.runDir()).warnings());
    return out.toString();
  }

  private String losses() {
    StringBuilder out = new StringBuilder();
    List<Outcome> lost = stats.lostOnes();
    List<Outcome> wrong = stats.unexpectedOnes();
    if (lost.isEmpty() && wrong.isEmpty()) {
      return "\nnothing lost, every answer as expected\n";
    }
    Set<String> ids = new LinkedHashSet<>();
    out.append(String.format("%nlost (first %d) and wrong answers (first %d):%n", lost.size(), wrong.size()));
    for (Outcome o : concat(lost, wrong)) {
      out.append(String.format(Locale.ROOT, "  %s %7.1f s %s  %-28s status %d %s after %.0f ms, ids %s: %s%n",
          o.answered() ? "WRONG" : "LOST ", o.startSeconds(), clock(o.startSeconds()), o.kind(), o.status(),
          o.errorCode(), o.millis(), o.requestIds(), o.answered() ? "expected " + o.kind().expected : o.lost()));
      out.append("        ").append(o.path().length() > 120 ? o.path().substring(0, 120) : o.path()).append('\n');
      ids.addAll(Arrays.asList(o.requestIds().split(",")));
    }
    out.append("service log lines naming those request ids:\n");
    new LogDigest(settings.runDir()).mentioning(ids).forEach(line -> out.append("  ").append(line).append('\n'));
    return out.toString();
  }

  private static List<Outcome> concat(List<Outcome> a, List<Outcome> b) {
    return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
  }

  /** Final answers per status code, for the HTML counts table. */
  Map<Integer, Long> statuses() {
    return stats.byStatus();
  }
}
