package nws.watermark.benchmarks.soak;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import nws.watermark.benchmarks.Percentile;

/**
 * What each kind of fault costs the clients, as ratios to a baseline from the same run: the
 * latency of the requests started while a target was down (from its kill until it was back:
 * restarted, or for an optimizer rejoined, plus a few seconds for the cluster to settle) against
 * those started with everything up, after the warm-up.
 */
final class FaultCost {

  /** Seconds after a target is back during which requests still count as under its fault. */
  private static final double SETTLE_SECONDS = 5;

  private FaultCost() {}

  /** One line per target, then the baseline: requests, p50, p99, and the ratios to the baseline. */
  static String table(List<FaultSchedule.Event> events, List<double[]> startAndMillis, double warmUpSeconds) {
    Map<String, List<double[]>> windows = windows(events);
    Map<String, List<Double>> during = new LinkedHashMap<>();
    windows.keySet().forEach(target -> during.put(target, new ArrayList<>()));
    List<Double> baseline = new ArrayList<>();
    for (double[] r : startAndMillis) {
      boolean faulted = false;
      for (Map.Entry<String, List<double[]>> w : windows.entrySet()) {
        if (w.getValue().stream().anyMatch(span -> r[0] >= span[0] && r[0] < span[1])) {
          during.get(w.getKey()).add(r[1]);
          faulted = true;
        }
      }
      if (!faulted && r[0] >= warmUpSeconds) {
        baseline.add(r[1]);
      }
    }
    double[] base = Percentile.sorted(baseline);
    StringBuilder out = new StringBuilder(String.format(Locale.ROOT, "%-22s %8s %9s %9s %10s %10s%n",
        "requests started", "count", "p50 ms", "p99 ms", "p50 ratio", "p99 ratio"));
    during.forEach((target, values) -> {
      double[] d = Percentile.sorted(values);
      out.append(String.format(Locale.ROOT, "%-22s %8d %9.1f %9.1f %9.2fx %9.2fx%n", "while " + target + " down",
          d.length, Percentile.of(d, 0.5), Percentile.of(d, 0.99), Percentile.of(d, 0.5) / Percentile.of(base, 0.5),
          Percentile.of(d, 0.99) / Percentile.of(base, 0.99)));
    });
    return out.append(String.format(Locale.ROOT, "%-22s %8d %9.1f %9.1f %10s %10s%n", "with everything up",
        base.length, Percentile.of(base, 0.5), Percentile.of(base, 0.99), "1", "1")).toString();
  }

  /** Per target, the [from, to) spans of its outages. */
  private static Map<String, List<double[]>> windows(List<FaultSchedule.Event> events) {
    Map<String, List<double[]>> windows = new LinkedHashMap<>();
    Map<String, Double> downSince = new LinkedHashMap<>();
    for (FaultSchedule.Event e : events) {
      windows.computeIfAbsent(e.target(), k -> new ArrayList<>());
      boolean back = e.action().equals("rejoined") || e.action().equals("not rejoined")
          || (e.action().equals("restarted") && !e.target().startsWith("optimizer"));
      if (e.action().equals("kill -9")) {
        downSince.put(e.target(), e.at());
      } else if (back && downSince.containsKey(e.target())) {
        windows.get(e.target()).add(new double[] {downSince.remove(e.target()), e.at() + SETTLE_SECONDS});
      }
    }
    downSince.forEach((target, since) -> windows.get(target).add(new double[] {since, Double.MAX_VALUE}));
    return windows;
  }
}
