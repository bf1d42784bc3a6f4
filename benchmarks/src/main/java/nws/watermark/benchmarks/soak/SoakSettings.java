package nws.watermark.benchmarks.soak;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What a soak run does, from {@code --name value} arguments ({@code scripts/soak.sh} passes
 * them). Times are in seconds unless the name says otherwise.
 *
 * @param port the API node's HTTP port on 127.0.0.1
 * @param runDir the cluster's folder: {@code <name>.pid} and {@code <name>.log} of every process
 * @param rate requests started per second (a fixed schedule, so a slow answer does not slow the
 *     load down), at most {@code concurrency} at once
 * @param faultEvery a fault every this many seconds, the targets taken in turn, the first at
 *     {@code firstFault}; each target stays down {@code down} seconds, then {@code restart} (a
 *     shell command) brings back whatever is not running
 * @param retryBudget how long a request may keep meeting 503 with Retry-After before it is lost
 * @param warmUp the first seconds, whose latencies are reported apart (JIT of three JVMs)
 */
public record SoakSettings(int port, Path runDir, Path corpus, Path out, double minutes, long seed, double rate,
    int concurrency, double faultEvery, double firstFault, double down, List<String> targets, String restart,
    double retryBudget, double timeout, double sampleEvery, int optimizers, double warmUp) {

  static SoakSettings parse(String[] args) {
    Map<String, String> a = new HashMap<>();
    for (int i = 0; i + 1 < args.length; i += 2) {
      if (!args[i].startsWith("--")) {
        throw new IllegalArgumentException("expected --name value, got " + args[i]);
      }
      a.put(args[i].substring(2), args[i + 1]);
    }
    return new SoakSettings(
        Integer.parseInt(required(a, "port")),
        Path.of(required(a, "run-dir")),
        Path.of(required(a, "corpus")),
        Path.of(required(a, "out")),
        Double.parseDouble(a.getOrDefault("minutes", "3")),
        Long.parseLong(a.getOrDefault("seed", "42")),
        Double.parseDouble(a.getOrDefault("rate", "4")),
        Integer.parseInt(a.getOrDefault("concurrency", "16")),
        Double.parseDouble(a.getOrDefault("fault-every", "60")),
        Double.parseDouble(a.getOrDefault("first-fault", "30")),
        Double.parseDouble(a.getOrDefault("down", "15")),
        List.of(a.getOrDefault("targets", "redis,s3,optimizer1,optimizers").split(",")),
        a.getOrDefault("restart", ""),
        Double.parseDouble(a.getOrDefault("retry-budget", "120")),
        Double.parseDouble(a.getOrDefault("timeout", "120")),
        Double.parseDouble(a.getOrDefault("sample-every", "5")),
        Integer.parseInt(a.getOrDefault("optimizers", "2")),
        Double.parseDouble(a.getOrDefault("warm-up", "60")));
  }

  private static String required(Map<String, String> a, String name) {
    String value = a.get(name);
    if (value == null) {
      throw new IllegalArgumentException("--" + name + " is required");
    }
    return value;
  }

  double seconds() {
    return minutes * 60;
  }
}
