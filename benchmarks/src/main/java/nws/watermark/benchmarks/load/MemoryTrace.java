package nws.watermark.benchmarks.load;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nws.watermark.benchmarks.ProcStatus;

/**
 * Each target's resident memory: idle before the load, its peak, and once a second for a while
 * after the burst, to see whether a process gives memory back when the work is over.
 */
final class MemoryTrace {

  private final List<Target> targets;
  private final Map<String, Long> idleMb = new LinkedHashMap<>();
  private final Map<String, Long> peakMb = new LinkedHashMap<>();
  /** Per target, VmRSS in MB at 0, 1, 2... seconds after the burst. */
  private final Map<String, List<Long>> afterMb = new LinkedHashMap<>();

  MemoryTrace(List<Target> targets) {
    this.targets = targets;
  }

  /** Notes every target's RSS now, as its idle figure. */
  void idle() {
    targets.forEach(t -> idleMb.put(t.name(), ProcStatus.rssMb(t.pid())));
  }

  /** Notes every target's peak, then samples their RSS each second for {@code seconds}. */
  void afterBurst(int seconds) throws InterruptedException {
    targets.forEach(t -> peakMb.put(t.name(), ProcStatus.peakRssMb(t.pid())));
    targets.forEach(t -> afterMb.put(t.name(), new ArrayList<>()));
    long start = System.nanoTime();
    for (int s = 0; s <= seconds; s++) {
      Thread.sleep(Math.max(0, (start + s * 1_000_000_000L - System.nanoTime()) / 1_000_000));
      targets.forEach(t -> afterMb.get(t.name()).add(ProcStatus.rssMb(t.pid())));
      System.err.printf("\rafter the burst: %2d/%d s", s, seconds);
    }
  }

  long idleMb(String target) {
    return idleMb.getOrDefault(target, -1L);
  }

  long peakMb(String target) {
    return peakMb.getOrDefault(target, -1L);
  }

  /** RSS {@code second}s after the burst (the last sample when the trace is shorter). */
  long afterMb(String target, int second) {
    List<Long> samples = afterMb.getOrDefault(target, List.of());
    return samples.isEmpty() ? -1 : samples.get(Math.min(second, samples.size() - 1));
  }

  /** Seconds after the burst until RSS was within {@code factor} times idle, -1 if never. */
  int secondsToWithin(String target, double factor) {
    List<Long> samples = afterMb.getOrDefault(target, List.of());
    for (int s = 0; s < samples.size(); s++) {
      if (samples.get(s) <= factor * idleMb(target)) {
        return s;
      }
    }
    return -1;
  }

  int seconds() {
    return afterMb.values().stream().mapToInt(List::size).max().orElse(1) - 1;
  }

  /** The samples after the burst as (second, MB) points, for a plot. */
  List<double[]> points(String target) {
    List<double[]> points = new ArrayList<>();
    List<Long> samples = afterMb.getOrDefault(target, List.of());
    for (int s = 0; s < samples.size(); s++) {
      points.add(new double[] {s, samples.get(s)});
    }
    return points;
  }
}
