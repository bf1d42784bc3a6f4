package nws.watermark.benchmarks.soak;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The resident memory of one process (one pid: a restarted process is a new one) over the soak,
 * and whether it drifts. A JVM's RSS climbs while its heap, its caches and the JIT warm up, in
 * steps when a node dies and the cluster's partitions move, then should stay level; drift is growth
 * that goes on in the last third of the process's life: the least-squares slope over that third,
 * and what it adds up to there. For a JVM the heap it has committed stands beside the RSS: RSS
 * growing with the heap is bounded by -Xmx, RSS growing outside it is not.
 *
 * @param heapEndMb the heap committed at the end, NaN for a process that is not a JVM
 */
record RssTrend(String name, long pid, double from, double to, double firstMb, double thirdMb, double endMb,
    double maxMb, double slopeMbPerMin, double heapEndMb) {

  /** Growth over the last third above this many MB and this fraction of the level is drift. */
  static final double DRIFT_MB = 32;
  static final double DRIFT_FRACTION = 0.05;
  /** A process is judged when it lived this long: growth before that is warm-up, not drift. */
  static final double JUDGED_SECONDS = 240;

  /** One trend per name and pid, from the samples in order. */
  static List<RssTrend> of(List<IntervalSampler.Sample> samples) {
    List<RssTrend> trends = new ArrayList<>();
    Map<String, List<double[]>> current = new LinkedHashMap<>();
    Map<String, Long> currentPid = new HashMap<>();
    for (IntervalSampler.Sample s : samples) {
      for (var e : s.rssKb().entrySet()) {
        long pid = s.pids().get(e.getKey());
        Long was = currentPid.put(e.getKey(), pid);
        if (was != null && was != pid) {
          trends.add(trend(e.getKey(), was, current.remove(e.getKey())));
        }
        HeapCounters.Heap heap = s.heaps().get(e.getKey());
        current.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(new double[] {s.interval().endSeconds(),
            e.getValue() / 1024.0, heap == null ? Double.NaN : heap.committedMb()});
      }
    }
    current.forEach((name, points) -> trends.add(trend(name, currentPid.get(name), points)));
    trends.sort(Comparator.comparing(RssTrend::name).thenComparing(RssTrend::from));
    return trends;
  }

  private static RssTrend trend(String name, long pid, List<double[]> points) {
    List<double[]> last = points.subList(points.size() * 2 / 3, points.size());
    double n = last.size();
    double sx = 0, sy = 0, sxx = 0, sxy = 0;
    for (double[] p : last) {
      sx += p[0];
      sy += p[1];
      sxx += p[0] * p[0];
      sxy += p[0] * p[1];
    }
    double denominator = n * sxx - sx * sx;
    double slope = n < 3 || denominator == 0 ? 0 : (n * sxy - sx * sy) / denominator * 60;
    double[] end = points.get(points.size() - 1);
    return new RssTrend(name, pid, points.get(0)[0], end[0], points.get(0)[1], last.get(0)[1], end[1],
        points.stream().mapToDouble(p -> p[1]).max().orElse(0), slope, end[2]);
  }

  boolean judged() {
    return to - from >= JUDGED_SECONDS;
  }

  /** Whether the last third grew by more than the bounds (a process too short-lived: never). */
  boolean drifts() {
    double grewMb = slopeMbPerMin * (to - from) / 3 / 60;
    return judged() && grewMb > DRIFT_MB && grewMb > DRIFT_FRACTION * thirdMb;
  }

  String row() {
    return String.format(Locale.ROOT, "%-11s %8d %6.0f-%-6.0f %8.0f %8.0f %8.0f %8.0f %+10.2f %9s  %s", name, pid, from,
        to, firstMb, thirdMb, endMb, maxMb, slopeMbPerMin,
        Double.isNaN(heapEndMb) ? "-" : String.format(Locale.ROOT, "%.0f", heapEndMb),
        !judged() ? "lived too short to judge" : drifts() ? "DRIFT" : "level");
  }

  static String header() {
    return String.format(Locale.ROOT, "%-11s %8s %13s %8s %8s %8s %8s %10s %9s  %s", "process", "pid", "seconds",
        "first MB", "2/3 MB", "end MB", "max MB", "MB/min 3rd", "heap MB", "verdict");
  }
}
