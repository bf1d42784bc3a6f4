package nws.watermark.benchmarks.capacity;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;
import nws.watermark.benchmarks.SvgChart;

/** The steps as a text table and TSV, the failure point, and an HTML page with the plots. */
final class CapacityReport {

  private final CapacitySettings settings;
  private final List<StepResult> results;

  CapacityReport(CapacitySettings settings, List<StepResult> results) {
    this.settings = settings;
    this.results = results;
  }

  /** The first step that fails the objectives, or null. */
  StepResult failure() {
    return results.stream().filter(r -> r.p99() > settings.p99ObjectiveMs() || r.errorRate() > settings.errorObjective()
        || Double.isNaN(r.p99())).findFirst().orElse(null);
  }

  String text() {
    StringBuilder out = new StringBuilder(String.format(Locale.ROOT,
        "%s: %d steps of %.0f s; mix: 50 %% GET /images/<id> hits, 30 %% upload hits, 10 %% upload misses,"
            + " 10 %% GET /images/<id> misses (4 photos 0.3-8 MP, 4 variants each rendered first); no think time%n"
            + "p50/p99 of the 200s; errors: 5xx other than 503, and no answer within %.0f s; 503 (shed load, with"
            + " Retry-After) apart; CPU per request of this client and of the service%n%n",
        settings.label(), results.size(), settings.stepSeconds(), settings.timeoutSeconds()));
    out.append(StepResult.header()).append('\n');
    results.forEach(r -> out.append(r.row()).append('\n'));
    StepResult first = results.get(0);
    out.append(String.format(Locale.ROOT, "%nagainst %d user(s), this run: ", first.concurrency()));
    results.stream().skip(1).forEach(r -> out.append(String.format(Locale.ROOT, "%d: ok/s %.2fx p99 %.2fx; ",
        r.concurrency(), r.throughput() / first.throughput(), r.p99() / first.p99())));
    out.append('\n');
    StepResult failure = failure();
    StepResult best = results.stream().max(java.util.Comparator.comparingDouble(StepResult::throughput)).orElse(null);
    out.append(String.format(Locale.ROOT, "%nobjectives: p99 <= %.0f ms, errors <= %.1f %%%n", settings.p99ObjectiveMs(),
        100 * settings.errorObjective()));
    if (failure == null) {
      out.append("failure point: none up to ").append(results.get(results.size() - 1).concurrency()).append(" users\n");
    } else {
      out.append(String.format(Locale.ROOT, "failure point: %d concurrent users (p99 %.0f ms, errors %.2f %%, shed %.2f %%);"
              + " last step within the objectives: %s%n", failure.concurrency(), failure.p99(), 100 * failure.errorRate(),
          100 * failure.shedRate(), lastGood(failure)));
    }
    results.stream().filter(r -> r.shedRate() > settings.errorObjective()).findFirst().ifPresent(r -> out.append(
        String.format(Locale.ROOT, "sheds more than %.1f %% (503) from %d users on%n", 100 * settings.errorObjective(),
            r.concurrency())));
    if (best != null) {
      out.append(String.format(Locale.ROOT, "peak throughput: %.1f ok/s at %d users%n", best.throughput(),
          best.concurrency()));
    }
    return out.toString();
  }

  private String lastGood(StepResult failure) {
    int index = results.indexOf(failure);
    return index == 0 ? "none" : results.get(index - 1).concurrency() + " users";
  }

  String tsv() {
    StringBuilder out = new StringBuilder("users\tok_per_s\trequests\tp50_ms\tp99_ms\terror_rate\tshed_rate\tclient_cpu_ms\n");
    for (StepResult r : results) {
      out.append(String.format(Locale.ROOT, "%d\t%.2f\t%d\t%.1f\t%.1f\t%.4f\t%.4f\t%.2f%n", r.concurrency(), r.throughput(),
          r.total(), r.p50(), r.p99(), r.errorRate(), r.shedRate(), r.clientCpuMs()));
    }
    return out.toString();
  }

  String html() {
    StepResult failure = failure();
    SvgChart throughput = new SvgChart("Throughput (answers 200 per second)", "concurrent users", "ok/s").logX(2)
        .series("ok/s", points(StepResult::throughput));
    SvgChart latency = new SvgChart("Latency of the 200s", "concurrent users", "ms").logX(2).logY(10)
        .series("p50", points(StepResult::p50)).series("p99", points(StepResult::p99))
        .threshold(settings.p99ObjectiveMs(), "objective");
    SvgChart errors = new SvgChart("Errors and shed load", "concurrent users", "% of requests").logX(2)
        .series("errors %", points(r -> 100 * r.errorRate())).series("503 shed %", points(r -> 100 * r.shedRate()))
        .threshold(100 * settings.errorObjective(), "objective");
    if (failure != null) {
      for (SvgChart chart : List.of(throughput, latency, errors)) {
        chart.marker(failure.concurrency(), "failure point");
      }
    }
    return "<!doctype html><html><head><meta charset=utf-8><title>NWS capacity</title><style>body{font-family:sans-serif;"
        + "margin:2em}pre{background:#f4f4f4;padding:1em;font-size:12px}</style></head><body><h1>NWS capacity: "
        + (failure == null ? "no failure point" : "fails at " + failure.concurrency() + " users") + "</h1>"
        + throughput.svg() + latency.svg() + errors.svg() + "<pre>" + SvgChart.escape(text()) + "</pre></body></html>\n";
  }

  private List<double[]> points(ToDoubleFunction<StepResult> value) {
    List<double[]> points = new ArrayList<>();
    results.forEach(r -> points.add(new double[] {r.concurrency(), value.applyAsDouble(r)}));
    return points;
  }
}
