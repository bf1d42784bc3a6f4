package nws.watermark.benchmarks.capacity;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import nws.watermark.benchmarks.HttpAnswer;
import nws.watermark.benchmarks.Percentile;
import nws.watermark.benchmarks.PlainHttp;
import nws.watermark.benchmarks.ProcStatus;

/**
 * Runs one step: {@code concurrency} users, each on its own keep-alive connection, sending the
 * mix back to back (no think time, like Locust users with {@code wait_time = constant(0)}) until
 * the step's time is up; the requests then in flight finish and count.
 */
final class StepRunner {

  private final CapacitySettings settings;
  private final CapacityMix mix;

  StepRunner(CapacitySettings settings, CapacityMix mix) {
    this.settings = settings;
    this.mix = mix;
  }

  /** What one step's users saw, merged. */
  private static final class Tally {
    long ok;
    long shed;
    long errors;
    long other;
    final List<Double> hits = new ArrayList<>();
    final List<Double> misses = new ArrayList<>();

    synchronized void add(CapacityMix.Request request, int status, double millis) {
      if (status == 200 || status == 304) {
        ok++;
        (request.hit() ? hits : misses).add(millis);
      } else if (status == 503) {
        shed++;
      } else if (status >= 500 || status < 0) {
        errors++;
      } else {
        other++;
      }
    }
  }

  StepResult run(int concurrency, double seconds) throws InterruptedException {
    Tally tally = new Tally();
    double clientCpu0 = clientCpuSeconds();
    double serverCpu0 = serverCpuSeconds();
    long t0 = System.nanoTime();
    long deadline = t0 + (long) (seconds * 1e9);
    List<Thread> users = new ArrayList<>();
    for (int u = 0; u < concurrency; u++) {
      Thread user = new Thread(() -> user(tally, deadline), "user-" + u);
      user.start();
      users.add(user);
    }
    for (Thread user : users) {
      user.join();
    }
    double elapsed = (System.nanoTime() - t0) / 1e9;
    long total = Math.max(1, tally.ok + tally.shed + tally.errors + tally.other);
    List<Double> all = new ArrayList<>(tally.hits);
    all.addAll(tally.misses);
    double[] sorted = Percentile.sorted(all);
    return new StepResult(concurrency, elapsed, tally.ok, tally.shed, tally.errors, tally.other,
        Percentile.of(sorted, 0.5), Percentile.of(sorted, 0.99), Percentile.of(Percentile.sorted(tally.hits), 0.99),
        Percentile.of(Percentile.sorted(tally.misses), 0.99), (clientCpuSeconds() - clientCpu0) * 1000 / total,
        (serverCpuSeconds() - serverCpu0) * 1000 / total);
  }

  private void user(Tally tally, long deadline) {
    try (PlainHttp http = new PlainHttp(settings.port(), (int) (settings.timeoutSeconds() * 1000))) {
      while (System.nanoTime() < deadline) {
        CapacityMix.Request request = mix.next();
        long t = System.nanoTime();
        int status;
        try {
          status = send(http, request).status();
        } catch (IOException | RuntimeException e) {
          // No answer, or one too broken to read: an error, on a fresh connection next time.
          status = -1;
          http.close();
        }
        tally.add(request, status, (System.nanoTime() - t) / 1e6);
      }
    }
  }

  static HttpAnswer send(PlainHttp http, CapacityMix.Request request) throws IOException {
    return request.body() == null ? http.exchange("GET", request.path(), Map.of(), null, new byte[0])
        : http.exchange("POST", request.path(), Map.of(), "image/jpeg", request.body());
  }

  private static double clientCpuSeconds() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime() / 1e9;
  }

  /** User plus system CPU of the service's processes; a process gone no longer counts. */
  private double serverCpuSeconds() {
    double millis = 0;
    for (long pid : settings.serverPids()) {
      millis += Math.max(0, ProcStatus.cpuMillis(pid));
    }
    return millis / 1000;
  }
}
