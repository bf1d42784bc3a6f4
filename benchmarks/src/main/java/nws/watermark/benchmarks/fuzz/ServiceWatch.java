package nws.watermark.benchmarks.fuzz;

import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import nws.watermark.benchmarks.ProcStatus;

/**
 * Checks between batches that the service survived them: {@code /health} answers 200, and
 * {@code /ready}'s bytesInFlight drops back to 0 once no request is in flight (upload memory is
 * given back). Reads the service's RSS from /proc when its pid is known.
 */
final class ServiceWatch {

  private static final long DRAIN_MILLIS = 15_000;

  private final RawExchange http;
  private final long pid;

  ServiceWatch(RawExchange http, long pid) {
    this.http = http;
    this.pid = pid;
  }

  /** Null when the service is healthy and has let go of every upload byte; else what is wrong. */
  String problem() throws InterruptedException {
    Exchange health = http.send(HttpMessage.get("/health").request(""));
    if (health.answers().isEmpty() || health.answers().get(0).status() != 200) {
      return "GET /health: " + (health.answers().isEmpty() ? health.end() + " " + health.error()
          : health.answers().get(0).statusLine());
    }
    long deadline = System.nanoTime() + DRAIN_MILLIS * 1_000_000;
    long inFlight = -1;
    while (System.nanoTime() < deadline) {
      inFlight = bytesInFlight();
      if (inFlight == 0) {
        return null;
      }
      Thread.sleep(200);
    }
    return "GET /ready: bytesInFlight still " + inFlight + " " + DRAIN_MILLIS / 1000 + " s after the batch";
  }

  private long bytesInFlight() {
    Exchange ready = http.send(HttpMessage.get("/ready").request(""));
    if (ready.answers().isEmpty()) {
      return -1;
    }
    try {
      return new JsonObject(new String(ready.answers().get(0).body(), StandardCharsets.UTF_8))
          .getLong("bytesInFlight", -1L);
    } catch (RuntimeException e) {
      return -1;
    }
  }

  /** The service's resident set now, in MB; 0 when its pid is not known or it is gone. */
  long rssMb() {
    return pid <= 0 ? 0 : Math.max(0, ProcStatus.rssMb(pid));
  }

  /** The service's peak resident set so far, in MB; 0 when its pid is not known or it is gone. */
  long peakRssMb() {
    return pid <= 0 ? 0 : Math.max(0, ProcStatus.peakRssMb(pid));
  }
}
