package nws.watermark.benchmarks.capacity;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import nws.watermark.benchmarks.PlainHttp;

/**
 * At how many concurrent users does the service start failing? Steps the concurrency up (1, 2, 4
 * ... 256 by default) against a running service ({@code scripts/capacity.sh} starts it), each
 * step a fixed time of the {@link CapacityMix} (80 % hits, 20 % misses), and names the failure
 * point: the first step whose p99 passes the objective or whose errors pass 1 %. Writes
 * {@code <label>.txt}, {@code <label>.tsv} and {@code <label>.html} (the plots) to the output
 * folder.
 *
 * <p>Usage: {@code Capacity --port P --corpus C --out O [--max 256 | --steps 1,4,16]
 * [--step-seconds 20] [--p99-ms 1000] [--max-errors 0.01] [--timeout 15] [--warm-seconds 20]
 * [--seed 42] [--label capacity] [--pids "pid ..."]}
 */
public final class Capacity {

  private Capacity() {}

  public static void main(String[] args) throws Exception {
    CapacitySettings settings = CapacitySettings.parse(args);
    CapacityMix mix = new CapacityMix(settings.corpus(), settings.seed(),
        settings.label() + Long.toString(System.currentTimeMillis() % 1_000_000_000L, 36));
    StepRunner runner = new StepRunner(settings, mix);
    System.err.printf(Locale.ROOT, "%s: steps %s of %.0f s, p99 objective %.0f ms, errors objective %.1f %%, seed %d,"
            + " %d cores, load average %s%n", settings.label(), settings.steps(), settings.stepSeconds(),
        settings.p99ObjectiveMs(), 100 * settings.errorObjective(), settings.seed(),
        Runtime.getRuntime().availableProcessors(), String.join(" ", java.util.Arrays.copyOf(Files.readString(java.nio.file.Path.of("/proc/loadavg")).split(" "), 3)));
    renderHitSet(settings, mix);
    if (settings.warmSeconds() > 0) {
      StepResult warm = runner.run(4, settings.warmSeconds());
      System.err.println("warm-up, not counted: " + warm.row().trim());
    }
    System.err.println(StepResult.header());
    List<StepResult> results = new ArrayList<>();
    for (int concurrency : settings.steps()) {
      StepResult result = runner.run(concurrency, settings.stepSeconds());
      System.err.println(result.row());
      results.add(result);
    }
    CapacityReport report = new CapacityReport(settings, results);
    String text = report.text();
    System.out.print(text);
    Files.createDirectories(settings.out());
    Files.writeString(settings.out().resolve(settings.label() + ".txt"), text);
    Files.writeString(settings.out().resolve(settings.label() + ".tsv"), report.tsv());
    Files.writeString(settings.out().resolve(settings.label() + ".html"), report.html());
    System.out.println("plot: " + settings.out().resolve(settings.label() + ".html"));
  }

  /** Every hit variant rendered once before anything is measured, so hits are hits. */
  private static void renderHitSet(CapacitySettings settings, CapacityMix mix) throws IOException, InterruptedException {
    try (PlainHttp http = new PlainHttp(settings.port(), 60_000)) {
      for (CapacityMix.Request request : mix.hitSet()) {
        for (int tries = 0; StepRunner.send(http, request).status() == 503 && tries < 30; tries++) {
          Thread.sleep(1000);
        }
      }
    }
  }
}
