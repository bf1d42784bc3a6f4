package nws.watermark.benchmarks.fuzz;

import java.net.URI;
import java.nio.file.Path;

/**
 * What one fuzz run does, from the command line or a test.
 *
 * @param port the service's port on 127.0.0.1 (the fuzzer talks to nothing else)
 * @param cases how many cases, numbered from {@code first}
 * @param pid the service's process id, for its RSS from /proc (0: not known)
 * @param maxRssMb fail a checkpoint where the service's RSS is over this (0: no bound)
 * @param checkEvery cases between checkpoints: /health, /ready's bytesInFlight back to 0, the RSS
 * @param replay a saved case to send again instead of a run (null: a run)
 */
record FuzzSettings(int port, long cases, long seed, long first, Path out, Path corpus, long timeoutMillis,
    long maxSeconds, int concurrency, int checkEvery, long pid, long maxRssMb, Path replay) {

  static final String USAGE = "usage: Fuzz --url http://127.0.0.1:PORT [--cases N] [--seed S] [--first I] [--out DIR]"
      + " [--corpus DIR] [--timeout-seconds T] [--max-seconds M] [--concurrency C] [--check-every K] [--pid PID]"
      + " [--max-rss-mb MB] | Fuzz --url ... --replay FILE.http";

  static FuzzSettings parse(String[] args) {
    int port = -1;
    long cases = 2000;
    long seed = 42;
    long first = 0;
    Path out = Path.of("target", "fuzz");
    Path corpus = Path.of(System.getProperty("nws.corpus.dir", "../shared/corpus"));
    long timeoutMillis = 30_000;
    long maxSeconds = 3600;
    int concurrency = 3;
    int checkEvery = 250;
    long pid = 0;
    long maxRssMb = 0;
    Path replay = null;
    for (int i = 0; i < args.length; i += 2) {
      if (i + 1 >= args.length) {
        throw new IllegalArgumentException(args[i] + " needs a value; " + USAGE);
      }
      String v = args[i + 1];
      switch (args[i]) {
        case "--url" -> port = port(v);
        case "--cases" -> cases = Long.parseLong(v);
        case "--seed" -> seed = Long.parseLong(v);
        case "--first" -> first = Long.parseLong(v);
        case "--out" -> out = Path.of(v);
        case "--corpus" -> corpus = Path.of(v);
        case "--timeout-seconds" -> timeoutMillis = Long.parseLong(v) * 1000;
        case "--max-seconds" -> maxSeconds = Long.parseLong(v);
        case "--concurrency" -> concurrency = Integer.parseInt(v);
        case "--check-every" -> checkEvery = Integer.parseInt(v);
        case "--pid" -> pid = Long.parseLong(v);
        case "--max-rss-mb" -> maxRssMb = Long.parseLong(v);
        case "--replay" -> replay = Path.of(v);
        default -> throw new IllegalArgumentException("unknown argument " + args[i] + "; " + USAGE);
      }
    }
    if (port < 0) {
      throw new IllegalArgumentException("--url is needed; " + USAGE);
    }
    return new FuzzSettings(port, cases, seed, first, out, corpus, timeoutMillis, maxSeconds, Math.max(1, concurrency),
        Math.max(1, checkEvery), pid, maxRssMb, replay);
  }

  /** The port of a URL on 127.0.0.1; a fuzzer must never be pointed at another machine by mistake. */
  static int port(String url) {
    URI uri = URI.create(url);
    if (!"127.0.0.1".equals(uri.getHost()) && !"localhost".equals(uri.getHost())) {
      throw new IllegalArgumentException("the fuzzer talks to 127.0.0.1 only, not " + uri.getHost());
    }
    return uri.getPort() < 0 ? 80 : uri.getPort();
  }
}
