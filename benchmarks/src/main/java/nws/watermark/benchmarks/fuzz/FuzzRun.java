package nws.watermark.benchmarks.fuzz;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * One fuzz run against a service already listening on 127.0.0.1: uploads the option image once
 * (so {@code /images/<id>} cases have an original), then runs the cases in batches of
 * {@code checkEvery} on {@code concurrency} threads, with a checkpoint after each batch (health,
 * bytesInFlight drained, RSS). Stops early at the time bound (no case starts after it), or when
 * the service stops answering /health, since every later case would only repeat that failure.
 */
final class FuzzRun {

  private final FuzzSettings settings;
  private final PrintStream out;
  private final Tally tally = new Tally();
  private final long start = System.nanoTime();
  private final long deadline;
  private final RawExchange http;

  FuzzRun(FuzzSettings settings, PrintStream out) {
    this.settings = settings;
    this.out = out;
    this.deadline = start + settings.maxSeconds() * 1_000_000_000L;
    this.http = new RawExchange(settings.port(), settings.timeoutMillis());
  }

  Tally run() throws Exception {
    Seeds seeds = Seeds.load(settings.corpus());
    CaseMaker maker = new CaseMaker(seeds, settings.seed(), primedId(seeds));
    Path failures = settings.out().resolve("seed-" + settings.seed());
    FailureLog log = new FailureLog(failures, settings.seed(), settings.port(), out, 20);
    ServiceWatch watch = new ServiceWatch(http, settings.pid());
    out.printf("fuzz: %d cases from %d, seed %d, %d at a time, against 127.0.0.1:%d; seeds %s; families %s;"
        + " failures saved under %s%n", settings.cases(), settings.first(), settings.seed(), settings.concurrency(),
        settings.port(), seeds.describe(), maker.families(), failures.toAbsolutePath());
    ExecutorService pool = Executors.newFixedThreadPool(settings.concurrency());
    long end = settings.first() + settings.cases();
    boolean complete = true;
    try {
      for (long batch = settings.first(); batch < end && complete; batch += settings.checkEvery()) {
        long batchEnd = Math.min(end, batch + settings.checkEvery());
        runBatch(pool, maker, log, batch, batchEnd);
        complete = tally.cases() == batchEnd - settings.first();
        boolean alive = checkpoint(watch);
        System.err.printf("\rfuzz: %d cases, %.1f/s, %d failures   ", tally.cases(), tally.cases() / seconds(),
            tally.failures());
        complete &= alive;
      }
    } finally {
      pool.shutdownNow();
    }
    System.err.println();
    out.print(tally.summary(seconds(), settings.seed(), tally.cases() < settings.cases()));
    return tally;
  }

  private void runBatch(ExecutorService pool, CaseMaker maker, FailureLog log, long from, long to) throws Exception {
    List<Future<?>> running = new ArrayList<>();
    for (long i = from; i < to; i++) {
      long index = i;
      running.add(pool.submit(() -> runCase(maker, log, index)));
    }
    for (Future<?> f : running) {
      f.get();
    }
  }

  /**
   * Runs case {@code index}, unless the run is past its time bound: then the batch ends without it.
   * A bug in the fuzzer itself fails the run but not the batch, so one bad mutator cannot hide
   * the service's answers to every other case.
   */
  private void runCase(CaseMaker maker, FailureLog log, long index) {
    if (System.nanoTime() > deadline) {
      return;
    }
    try {
      FuzzCase c = maker.make(index);
      Exchange exchange = http.send(c.request());
      Verdict.Failure failure = Verdict.judge(c.request(), exchange);
      tally.count(c, exchange, failure, failure == null ? null : log.record(c, failure, exchange));
    } catch (RuntimeException e) {
      out.println("FAIL case " + index + ": the fuzzer itself failed: " + e);
      tally.fuzzerError(index, e);
    }
  }

  /** Health, drained memory and RSS after a batch; false when the service is gone. */
  private boolean checkpoint(ServiceWatch watch) throws InterruptedException {
    String problem = watch.problem();
    long rss = watch.rssMb();
    tally.rss(Math.max(rss, watch.peakRssMb()));
    if (problem == null && settings.maxRssMb() > 0 && rss > settings.maxRssMb()) {
      problem = "service RSS " + rss + " MB, over the bound of " + settings.maxRssMb() + " MB";
    }
    if (problem != null) {
      out.println("FAIL checkpoint after " + tally.cases() + " cases: " + problem);
      tally.checkpointProblem(tally.cases(), problem);
    }
    return problem == null || !problem.startsWith("GET /health");
  }

  /** Uploads the option image and answers its id, the SHA-256 the service names it by. */
  private String primedId(Seeds seeds) {
    Exchange primed = http.send(HttpMessage.post("/upload?w=32").body("image/jpeg", seeds.optionImage().bytes()).request(""));
    if (primed.answers().isEmpty() || primed.answers().get(0).status() != 200) {
      throw new IllegalStateException("the service does not take a plain upload, so fuzzing it says nothing: "
          + (primed.answers().isEmpty() ? primed.end() + " " + primed.error() : primed.answers().get(0).statusLine()));
    }
    return primed.answers().get(0).header("x-image-id");
  }

  private double seconds() {
    return (System.nanoTime() - start) / 1e9;
  }
}
