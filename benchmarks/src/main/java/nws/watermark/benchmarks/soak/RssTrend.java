package nws.watermark.benchmarks.soak;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The resident memory of one process (one pid: a restarted process is a new one) over the soak,
 * and whether it drifts. A JVM's RSS climbs while its heap and JIT warm up, then should stay
 * level; drift is growth that goes on in the second half of the process's life: the least-squares
 * slope over that half, and how much it adds up to there.
 */
record RssTrend(String name, long pid, double from, double to, double firstMb, double midMb, double endMb,
    double maxMb, double slopeMbPerMin) {

  /** Growth over the second half above this many MB and this fraction of the level is drift. */
  static final double DRIFT_MB = 32;
  static final double DRIFT_FRACTION = 0.05;

  /** One trend per name and pid, from the samples in order. */
  static List<RssTrend> of(List<IntervalSampler.Sample> samples) {
    List<RssTrend> trends = new ArrayList<>();
    java.util.Map<String, List<double[]>> current = new java.util.LinkedHashMap<>();
    java.util.Map<String, Long> currentPid = new java.util.HashMap<>();
    for (IntervalSampler.Sample s : samples) {
      for (var e : s.rssKb().entrySet()) {
        long pid = s.pids().get(e.getKey());
        Long was = currentPid.put(e.getKey(), pid);
        if (was != null && was != pid) {
          trends.add(trend(e.getKey(), was, current.remove(e.getKey())));
        }
        current.computeIfAbsent(e.getKey(), k -> new ArrayList<>())
            .add(new double[] {s.interval().endSeconds(), e.getValue() / 1024.0});
      }
    }
    current.forEach((name, points) -> trends.add(trend(name, currentPid.get(name), points)));
    trends.sort(java.util.Comparator.comparing(RssTrend::name).thenComparing(RssTrend::from));
    return trends;
  }

  private static RssTrend trend(String name, long pid, List<double[]> points) {
    List<double[]> half = points.subList(points.size() / 2, points.size());
    double n = half.size();
    double sx = 0, sy = 0, sxx = 0, sxy = 0;
    for (double[] p : half) {
      sx += p[0];
      sy += p[1];
      sxx += p[0] * p[0];
      sxy += p[0] * p[1];
    }
    double denominator = n * sxx - sx * sx;
    double slope = n < 3 || denominator == 0 ? 0 : (n * sxy - sx * sy) / denominator * 60;
    return new RssTrend(name, pid, points.get(0)[0], points.get(points.size() - 1)[0], points.get(0)[1],
        half.get(0)[1], points.get(points.size() - 1)[1],
        points.stream().mapToDouble(p -> p[1]).max().orElse(0), slope);
  }

  /**
   * A process judged lived this long at least: a JVM's heap and code cache take minutes of mixed
   * traffic to reach their level, and growth before that is warm-up, not drift.
   */
  static final double JUDGED_SECONDS = 240;

  boolean judged() {
    return to - from >= JUDGED_SECONDS;
  }

  /** Whether the second half grew by more than the bounds (a process too short-lived: never). */
  boolean drifts() {
    double grewMb = slopeMbPerMin * (to - (from + to) / 2) / 60;
    return judged() && grewMb > DRIFT_MB && grewMb > DRIFT_FRACTION * midMb;
  }

  String row() {
    return String.format(Locale.ROOT, "%-11s %8d %6.0f-%-6.0f %8.0f %8.0f %8.0f %8.0f %+10.2f  %s", name, pid, from, to,
        firstMb, midMb, endMb, maxMb, slopeMbPerMin, !judged() ? "lived too short to judge" : drifts() ? "DRIFT" : "level");
  }

  static String header() {
    return String.format(Locale.ROOT, "%-11s %8s %13s %8s %8s %8s %8s %10s  %s", "process", "pid", "seconds",
        "first MB", "mid MB", "end MB", "max MB", "MB/min 2nd", "verdict");
  }
}
