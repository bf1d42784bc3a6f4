package nws.watermark.benchmarks.capacity;

import java.util.Locale;

/**
 * One concurrency step's figures.
 *
 * @param ok answers 200 (or 304)
 * @param shed 503 answers: the service refusing work it has no room for (with Retry-After)
 * @param errors 5xx other than 503, and requests with no answer within the timeout
 * @param other other answers (4xx): none in this mix, so any is a finding
 * @param p50 of the successful answers, ms; {@code hitP99} and {@code missP99} the same for each half
 * @param clientCpuMs CPU this load generator spent per request
 * @param serverCpuMs CPU the service's processes spent per request
 */
record StepResult(int concurrency, double seconds, long ok, long shed, long errors, long other, double p50, double p99,
    double hitP99, double missP99, double clientCpuMs, double serverCpuMs) {

  long total() {
    return ok + shed + errors + other;
  }

  double throughput() {
    return ok / seconds;
  }

  double errorRate() {
    return total() == 0 ? 0 : (double) errors / total();
  }

  double shedRate() {
    return total() == 0 ? 0 : (double) shed / total();
  }

  static String header() {
    return String.format(Locale.ROOT, "%6s %8s %8s %9s %9s %9s %9s %8s %8s %7s %11s %11s", "users", "ok/s", "requests",
        "p50 ms", "p99 ms", "hit p99", "miss p99", "errors", "503 shed", "other", "client CPU", "server CPU");
  }

  String row() {
    return String.format(Locale.ROOT, "%6d %8.1f %8d %9.1f %9.1f %9.1f %9.1f %7.2f%% %7.2f%% %7d %8.2f ms %8.1f ms",
        concurrency, throughput(), total(), p50, p99, hitP99, missP99, 100 * errorRate(), 100 * shedRate(), other,
        clientCpuMs, serverCpuMs);
  }
}
