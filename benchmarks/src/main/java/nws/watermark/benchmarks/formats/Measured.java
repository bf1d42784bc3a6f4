package nws.watermark.benchmarks.formats;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/** One format from one encoder on one photo, over the rounds: its size, timings and SSIM. */
final class Measured {

  private final TreeSet<Integer> sizes = new TreeSet<>();
  private final List<Double> millis = new ArrayList<>();
  private final List<Double> cpuMillis = new ArrayList<>();
  private double ssim = Double.NaN;

  void add(int size, double ms, double cpuMs) {
    sizes.add(size);
    millis.add(ms);
    cpuMillis.add(cpuMs);
  }

  void ssim(double value) {
    ssim = value;
  }

  double ssim() {
    return ssim;
  }

  /** The output size; the largest when rounds differed (see {@link #sameSizeEachRound()}). */
  int bytes() {
    return sizes.last();
  }

  /** False when an encoder wrote different bytes for the same pixels (a threaded AV1 encoder may). */
  boolean sameSizeEachRound() {
    return sizes.size() == 1;
  }

  double medianMs() {
    return median(millis);
  }

  double minMs() {
    return millis.stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN);
  }

  double maxMs() {
    return millis.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
  }

  double medianCpuMs() {
    return median(cpuMillis);
  }

  private static double median(List<Double> values) {
    if (values.isEmpty()) {
      return Double.NaN;
    }
    double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    int mid = sorted.length / 2;
    return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  }
}
