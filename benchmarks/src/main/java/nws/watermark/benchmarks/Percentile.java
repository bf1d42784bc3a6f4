package nws.watermark.benchmarks;

import java.util.Arrays;
import java.util.Collection;

/** Nearest-rank percentiles, the way load tools report them (p99 of 100 values is the 99th). */
public final class Percentile {

  private Percentile() {}

  /** The {@code p} (0..1) percentile of {@code sorted}; NaN when there is no value. */
  public static double of(double[] sorted, double p) {
    if (sorted.length == 0) {
      return Double.NaN;
    }
    return sorted[Math.max(0, Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1))];
  }

  public static double[] sorted(Collection<Double> values) {
    double[] sorted = values.stream().mapToDouble(Double::doubleValue).toArray();
    Arrays.sort(sorted);
    return sorted;
  }
}
