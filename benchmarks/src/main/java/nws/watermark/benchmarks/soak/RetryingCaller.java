package nws.watermark.benchmarks.soak;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiConsumer;
import nws.watermark.benchmarks.HttpAnswer;
import nws.watermark.benchmarks.PlainHttp;

/**
 * Sends one {@link Call} the way a well-behaved client does: a 503 with Retry-After is waited out
 * and sent again, for at most the retry budget. Everything else is final: a request with no
 * answer (the connection dropped, or nothing within the timeout) and a 5xx other than 503 are lost
 * and never retried, since retrying would hide exactly what a soak is for.
 */
final class RetryingCaller {

  private final int port;
  private final int timeoutMillis;
  private final long budgetNanos;
  private final long startNanos;
  private final ThreadLocal<PlainHttp> connections;
  private final List<PlainHttp> opened = new CopyOnWriteArrayList<>();

  RetryingCaller(int port, double timeoutSeconds, double budgetSeconds, long startNanos) {
    this.port = port;
    this.timeoutMillis = (int) (timeoutSeconds * 1000);
    this.budgetNanos = (long) (budgetSeconds * 1e9);
    this.startNanos = startNanos;
    this.connections = ThreadLocal.withInitial(() -> {
      PlainHttp http = new PlainHttp(this.port, timeoutMillis);
      opened.add(http);
      return http;
    });
  }

  /** Sends {@code call}; {@code learn} sees the final answer, if one came. */
  Outcome call(long seq, Call call, BiConsumer<Call, HttpAnswer> learn) {
    long t0 = System.nanoTime();
    StringBuilder ids = new StringBuilder();
    int busy = 0;
    for (int attempt = 1; ; attempt++) {
      String id = "soak-" + seq + "-" + attempt;
      ids.append(ids.length() == 0 ? "" : ",").append(id);
      Map<String, String> headers = new LinkedHashMap<>(call.headers());
      headers.put("X-Request-Id", id);
      HttpAnswer answer;
      try {
        answer = connections.get().exchange(call.method(), call.path(), headers, call.contentType(), call.body());
      } catch (IOException | RuntimeException e) {
        connections.get().close();
        return outcome(seq, call, -1, "", "", busy, t0, "no answer: " + e, ids);
      }
      if (answer.status() == 503 && answer.header("Retry-After") != null) {
        long wait = (long) (retryAfterSeconds(answer) * 1e9);
        if (System.nanoTime() + wait - t0 > budgetNanos) {
          return outcome(seq, call, 503, answer.errorCode(), "", busy + 1, t0,
              "503 " + answer.errorCode() + " after " + (busy + 1) + " tries: retry budget spent", ids);
        }
        busy++;
        sleep(wait);
        continue;
      }
      learn.accept(call, answer);
      String lost = answer.status() >= 500 ? answer.status() + " " + answer.errorCode() : null;
      return outcome(seq, call, answer.status(), answer.errorCode(), String.valueOf(answer.header("X-Cache")),
          busy, t0, lost, ids);
    }
  }

  /** Requests sent again on a fresh connection because a kept-alive one had been closed. */
  long reconnects() {
    return opened.stream().mapToLong(PlainHttp::reconnects).sum();
  }

  private Outcome outcome(long seq, Call call, int status, String code, String cache, int busy, long t0,
      String lost, StringBuilder ids) {
    return new Outcome(seq, call.kind(), call.path(), status, code, cache, busy, (t0 - startNanos) / 1e9,
        (System.nanoTime() - t0) / 1e6, lost, ids.toString());
  }

  private static double retryAfterSeconds(HttpAnswer answer) {
    try {
      return Math.max(0.1, Double.parseDouble(answer.header("Retry-After").trim()));
    } catch (NumberFormatException e) {
      return 1;
    }
  }

  private static void sleep(long nanos) {
    try {
      Thread.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
