package nws.watermark.benchmarks.soak;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import nws.watermark.benchmarks.Percentile;

/**
 * Every outcome of the soak, counted: sent, answered, lost; final statuses by kind; error codes;
 * 503s waited out; latencies per kind and per sampling interval. Latencies are those of the good
 * traffic (the kinds answered 200 or 304), from the first byte sent to the final answer, Retry-After
 * waits included: what the client lived through. The requests started in the warm-up (three JVMs
 * compiling their hot paths) are kept apart from the steady state's.
 */
final class SoakStats {

  /** One sampling interval: requests answered and lost in it, and the good traffic's latency. */
  record Interval(double endSeconds, int answered, int lost, int busy, double p50, double p99) {}

  private static final int KEPT = 200;

  private long sent;
  private long answered;
  private long lost;
  private long unexpected;
  private long busyWaits;
  private long busyRecovered;
  private final Map<Kind, Map<Integer, Long>> byKind = new EnumMap<>(Kind.class);
  private final Map<Integer, Long> byStatus = new TreeMap<>();
  private final Map<String, Long> errorCodes = new TreeMap<>();
  private final Map<String, Long> cacheAnswers = new TreeMap<>();
  private final Map<Kind, List<Double>> latencies = new EnumMap<>(Kind.class);
  private final List<Double> steady = new ArrayList<>();
  private final List<double[]> startAndMillis = new ArrayList<>();
  private final double warmUpSeconds;
  private final List<Double> interval = new ArrayList<>();
  private int intervalAnswered;
  private int intervalLost;
  private int intervalBusy;
  private final List<Outcome> lostOnes = new ArrayList<>();
  private final List<Outcome> unexpectedOnes = new ArrayList<>();

  SoakStats(double warmUpSeconds) {
    this.warmUpSeconds = warmUpSeconds;
  }

  synchronized void sent() {
    sent++;
  }

  synchronized void record(Outcome o) {
    byKind.computeIfAbsent(o.kind(), k -> new TreeMap<>()).merge(o.status(), 1L, Long::sum);
    busyWaits += o.busy();
    intervalBusy += o.busy();
    if (!o.answered()) {
      lost++;
      intervalLost++;
      keep(lostOnes, o);
      if (o.status() > 0) {
        byStatus.merge(o.status(), 1L, Long::sum);
        errorCodes.merge(o.status() + " " + o.errorCode(), 1L, Long::sum);
      }
      return;
    }
    answered++;
    intervalAnswered++;
    busyRecovered += o.busy() > 0 ? 1 : 0;
    byStatus.merge(o.status(), 1L, Long::sum);
    if (!o.errorCode().isEmpty()) {
      errorCodes.merge(o.status() + " " + o.errorCode(), 1L, Long::sum);
    }
    if (o.unexpected()) {
      unexpected++;
      keep(unexpectedOnes, o);
    }
    if (o.kind().expected < 400 && !o.unexpected()) {
      latencies.computeIfAbsent(o.kind(), k -> new ArrayList<>()).add(o.millis());
      interval.add(o.millis());
      startAndMillis.add(new double[] {o.startSeconds(), o.millis()});
      if (o.startSeconds() >= warmUpSeconds) {
        steady.add(o.millis());
      }
      if (o.kind().expected == 200) {
        cacheAnswers.merge(o.kind().name() + " " + o.cache(), 1L, Long::sum);
      }
    }
  }

  /** Closes the interval ending now. */
  synchronized Interval closeInterval(double endSeconds) {
    double[] sorted = Percentile.sorted(interval);
    Interval closed = new Interval(endSeconds, intervalAnswered, intervalLost, intervalBusy,
        Percentile.of(sorted, 0.5), Percentile.of(sorted, 0.99));
    interval.clear();
    intervalAnswered = 0;
    intervalLost = 0;
    intervalBusy = 0;
    return closed;
  }

  private static void keep(List<Outcome> list, Outcome o) {
    if (list.size() < KEPT) {
      list.add(o);
    }
  }

  synchronized long sentCount() {
    return sent;
  }

  synchronized long answeredCount() {
    return answered;
  }

  synchronized long lostCount() {
    return lost;
  }

  synchronized long unexpectedCount() {
    return unexpected;
  }

  synchronized long busyWaits() {
    return busyWaits;
  }

  /** Requests that met at least one 503 with Retry-After and were answered on a later try. */
  synchronized long busyRecovered() {
    return busyRecovered;
  }

  synchronized Map<Kind, Map<Integer, Long>> byKind() {
    return new EnumMap<>(byKind);
  }

  synchronized Map<Integer, Long> byStatus() {
    return new TreeMap<>(byStatus);
  }

  synchronized Map<String, Long> errorCodes() {
    return new TreeMap<>(errorCodes);
  }

  synchronized Map<String, Long> cacheAnswers() {
    return new TreeMap<>(cacheAnswers);
  }

  /** The sorted latencies of one kind, or of all good traffic when {@code kind} is null. */
  synchronized double[] latencies(Kind kind) {
    List<Double> values = new ArrayList<>();
    latencies.forEach((k, v) -> {
      if (kind == null || k == kind) {
        values.addAll(v);
      }
    });
    return Percentile.sorted(values);
  }

  /** The sorted latencies of the good traffic started after the warm-up. */
  synchronized double[] steadyLatencies() {
    return Percentile.sorted(steady);
  }

  /** Start (seconds into the soak) and latency of every answer of the good traffic. */
  synchronized List<double[]> startAndMillis() {
    return List.copyOf(startAndMillis);
  }

  double warmUpSeconds() {
    return warmUpSeconds;
  }

  synchronized List<Outcome> lostOnes() {
    return List.copyOf(lostOnes);
  }

  synchronized List<Outcome> unexpectedOnes() {
    return List.copyOf(unexpectedOnes);
  }
}
