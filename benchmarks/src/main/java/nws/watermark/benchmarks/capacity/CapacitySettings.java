package nws.watermark.benchmarks.capacity;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What a capacity run does, from {@code --name value} arguments ({@code scripts/capacity.sh}
 * passes them).
 *
 * @param steps the concurrency of each step, in order (default 1, 2, 4 ... {@code --max})
 * @param stepSeconds how long each step sends new requests (the ones in flight then finish)
 * @param p99ObjectiveMs the latency objective: a step whose p99 passes it has failed
 * @param timeoutSeconds a request without an answer by then is an error (a timeout)
 * @param warmSeconds load at concurrency 4 before the first step, not measured (JIT, caches)
 * @param serverPids the service's processes, whose CPU time each step reports
 */
public record CapacitySettings(int port, Path corpus, Path out, long seed, List<Integer> steps, double stepSeconds,
    double p99ObjectiveMs, double errorObjective, double timeoutSeconds, double warmSeconds, String label,
    List<Long> serverPids) {

  static CapacitySettings parse(String[] args) {
    Map<String, String> a = new HashMap<>();
    for (int i = 0; i + 1 < args.length; i += 2) {
      a.put(args[i].replaceFirst("^--", ""), args[i + 1]);
    }
    List<Integer> steps = new ArrayList<>();
    if (a.containsKey("steps")) {
      for (String s : a.get("steps").split("[, ]+")) {
        steps.add(Integer.parseInt(s));
      }
    } else {
      for (int c = 1; c <= Integer.parseInt(a.getOrDefault("max", "256")); c *= 2) {
        steps.add(c);
      }
    }
    List<Long> pids = new ArrayList<>();
    for (String pid : a.getOrDefault("pids", "").split("[, ]+")) {
      if (!pid.isBlank()) {
        pids.add(Long.parseLong(pid));
      }
    }
    return new CapacitySettings(Integer.parseInt(a.get("port")), Path.of(a.get("corpus")), Path.of(a.get("out")),
        Long.parseLong(a.getOrDefault("seed", "42")), steps, Double.parseDouble(a.getOrDefault("step-seconds", "20")),
        Double.parseDouble(a.getOrDefault("p99-ms", "1000")), Double.parseDouble(a.getOrDefault("max-errors", "0.01")),
        Double.parseDouble(a.getOrDefault("timeout", "15")), Double.parseDouble(a.getOrDefault("warm-seconds", "20")),
        a.getOrDefault("label", "capacity"), pids);
  }
}
