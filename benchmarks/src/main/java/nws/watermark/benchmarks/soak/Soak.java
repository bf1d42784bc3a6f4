package nws.watermark.benchmarks.soak;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import nws.watermark.benchmarks.PlainHttp;

/**
 * A soak with faults against a running cluster ({@code scripts/soak.sh} starts it on free loopback
 * ports and stops it): mixed traffic from a fixed seed at a fixed rate for N minutes while Redis,
 * the S3 server and an optimizer JVM are killed and restarted on a schedule; every few seconds the
 * latency of the interval and the RSS of every process. At the end a text summary, {@code soak.txt},
 * {@code soak.html} (plots, no network needed) and {@code requests.tsv} (every request) in the
 * output folder, and exit status 1 when a request was lost or answered with the wrong status.
 *
 * <p>Usage: {@code Soak --port P --run-dir D --corpus C --out O [--minutes 3] [--seed 42] [--rate 4]
 * [--concurrency 16] [--fault-every 60] [--first-fault 30] [--down 15]
 * [--targets redis,s3,optimizer1] [--restart 'shell command'] [--retry-budget 120] [--timeout 120]
 * [--sample-every 5] [--optimizers 2] [--warm-up 60]}
 */
public final class Soak {

  private Soak() {}

  public static void main(String[] args) throws Exception {
    SoakSettings settings = SoakSettings.parse(args);
    TrafficMix mix = new TrafficMix(settings.corpus(), settings.seed());
    SoakStats stats = new SoakStats(Math.min(settings.warmUp(), settings.seconds() / 5));
    long startEpochMillis = System.currentTimeMillis();
    long start = System.nanoTime();
    RetryingCaller caller = new RetryingCaller(settings.port(), settings.timeout(), settings.retryBudget(), start);
    IntervalSampler sampler = new IntervalSampler(settings.runDir(), stats, settings.sampleEvery(), start);
    FaultSchedule faults = new FaultSchedule(settings, start);
    System.err.printf(Locale.ROOT, "soak: %.1f min, seed %d, %.1f requests/s, at most %d at once, faults every %.0f s"
        + " (first at %.0f s, down %.0f s): %s%n", settings.minutes(), settings.seed(), settings.rate(),
        settings.concurrency(), settings.faultEvery(), settings.firstFault(), settings.down(), settings.targets());
    Thread samplerThread = daemon("sampler", sampler);
    Thread faultThread = daemon("faults", faults);
    Queue<Outcome> outcomes = new ConcurrentLinkedQueue<>();
    ExecutorService workers = traffic(settings, mix, stats, caller, start, outcomes);
    while (!workers.awaitTermination(10, TimeUnit.SECONDS)) {
      progress(stats, sampler, start);
    }
    // A restart still under way finishes before the report, so the cluster is whole again.
    faultThread.join(300_000);
    sampler.stop();
    samplerThread.interrupt();
    sampler.sample();
    SoakReport report = new SoakReport(settings, stats, sampler.samples(), faults.events(), caller.reconnects(),
        startEpochMillis, ready(settings.port()));
    String text = report.text();
    System.out.print(text);
    Files.createDirectories(settings.out());
    Files.writeString(settings.out().resolve("soak.txt"), text);
    Files.writeString(settings.out().resolve("soak.html"), new SoakHtml(report).page());
    writeRequests(settings.out().resolve("requests.tsv"), outcomes);
    System.out.println("report: " + settings.out().resolve("soak.html"));
    System.exit(stats.lostCount() > 0 || stats.unexpectedCount() > 0 ? 1 : 0);
  }

  /**
   * Starts the traffic: request i is due at i / rate seconds, taken by the first free worker of
   * {@code concurrency}; a worker kept by a slow answer leaves its due requests to the others, so
   * the load stays at the rate as long as fewer than {@code concurrency} are in flight.
   */
  private static ExecutorService traffic(SoakSettings settings, TrafficMix mix, SoakStats stats,
      RetryingCaller caller, long start, Queue<Outcome> outcomes) {
    ExecutorService workers = Executors.newFixedThreadPool(settings.concurrency());
    AtomicLong tickets = new AtomicLong();
    for (int w = 0; w < settings.concurrency(); w++) {
      workers.execute(() -> {
        for (long i = tickets.getAndIncrement(); i / settings.rate() < settings.seconds();
            i = tickets.getAndIncrement()) {
          long due = start + (long) (i / settings.rate() * 1e9);
          long wait = due - System.nanoTime();
          if (wait > 0) {
            try {
              Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
            } catch (InterruptedException e) {
              return;
            }
          }
          Call call = mix.next();
          stats.sent();
          Outcome outcome = caller.call(i, call, mix::learn);
          stats.record(outcome);
          outcomes.add(outcome);
        }
      });
    }
    workers.shutdown();
    return workers;
  }

  /** Every request, one line each, for a look the report does not take. */
  private static void writeRequests(Path file, Queue<Outcome> outcomes) throws IOException {
    StringBuilder tsv = new StringBuilder("seq\tstart_s\tkind\tstatus\terror\tcache\tbusy_503\tms\tlost\trequest_ids\tpath\n");
    outcomes.stream().sorted(java.util.Comparator.comparingLong(Outcome::seq)).forEach(o -> tsv.append(
        String.format(Locale.ROOT, "%d\t%.3f\t%s\t%d\t%s\t%s\t%d\t%.1f\t%s\t%s\t%s%n", o.seq(), o.startSeconds(),
            o.kind(), o.status(), o.errorCode(), o.cache(), o.busy(), o.millis(), o.lost() == null ? "" : o.lost(),
            o.requestIds(), o.path())));
    Files.writeString(file, tsv);
  }

  /** The API's /ready at the end: what each backend went through (outages, originals pending or lost). */
  private static String ready(int port) {
    try (PlainHttp http = new PlainHttp(port, 10_000)) {
      return http.exchange("GET", "/ready", java.util.Map.of(), null, new byte[0]).bodyStart();
    } catch (IOException e) {
      return "no answer: " + e;
    }
  }

  private static Thread daemon(String name, Runnable task) {
    Thread thread = new Thread(task, name);
    thread.setDaemon(true);
    thread.start();
    return thread;
  }

  private static void progress(SoakStats stats, IntervalSampler sampler, long start) {
    var samples = sampler.samples();
    String last = samples.isEmpty() ? "" : String.format(Locale.ROOT, ", last interval p50 %.0f ms p99 %.0f ms, RSS MB %s",
        samples.get(samples.size() - 1).interval().p50(), samples.get(samples.size() - 1).interval().p99(),
        samples.get(samples.size() - 1).rssKb().entrySet().stream()
            .map(e -> e.getKey() + " " + e.getValue() / 1024).toList());
    System.err.printf(Locale.ROOT, "%6.0f s: sent %d, answered %d, lost %d, wrong status %d%s%n",
        (System.nanoTime() - start) / 1e9, stats.sentCount(), stats.answeredCount(), stats.lostCount(),
        stats.unexpectedCount(), last);
  }
}
