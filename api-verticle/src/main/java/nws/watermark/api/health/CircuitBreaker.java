package nws.watermark.api.health;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import nws.watermark.shared.ServiceException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A circuit breaker around one backend (Redis, S3), which {@code /ready} reports as {@code up} or
 * {@code down}. Calls go through {@link #call}: each has a timeout, and the first failure marks
 * the backend down (opens the circuit). While it is down, calls fail at once with {@link Open}
 * instead of waiting on a dead server, and a probe retries with exponential backoff
 * ({@value #FIRST_BACKOFF_MS} ms doubling up to {@value #MAX_BACKOFF_MS} ms) until the backend
 * answers again. Confined to one event loop.
 */
public final class CircuitBreaker {

  static final long FIRST_BACKOFF_MS = 100;
  static final long MAX_BACKOFF_MS = 2_000;

  private static final Logger log = LoggerFactory.getLogger(CircuitBreaker.class);

  /** What {@link #call} fails with while the backend is known to be down: nothing was sent. */
  public static final class Open extends RuntimeException {
    Open(String name) {
      super(name + " is down; not called", null, false, false);
    }
  }

  private enum State { UP, DOWN }

  private final Vertx vertx;
  private final String name;
  private final Supplier<Future<?>> probe;
  private final long timeoutMs;
  private final List<Runnable> onUp = new ArrayList<>();
  private State state;
  private long backoffMs = FIRST_BACKOFF_MS;
  private long failures;
  private long skipped;
  private long outages;
  private String lastError = "";
  private boolean closed;

  private CircuitBreaker(Vertx vertx, String name, Supplier<Future<?>> probe, long timeoutMs, State state) {
    this.vertx = vertx;
    this.name = name;
    this.probe = probe;
    this.timeoutMs = timeoutMs;
    this.state = state;
  }

  /**
   * A backend believed up until a call fails.
   *
   * @param probe a cheap call (PING, HEAD bucket) that succeeds once the backend is back
   */
  public static CircuitBreaker of(Vertx vertx, String name, long timeoutMs, Supplier<Future<?>> probe) {
    return new CircuitBreaker(vertx, name, probe, timeoutMs, State.UP);
  }

  /**
   * Runs {@code op} with the timeout, unless the backend is down. A failure other than a
   * {@link ServiceException} (which is an answer, such as "no such key") marks it down.
   */
  public <T> Future<T> call(Supplier<Future<T>> op) {
    if (state != State.UP) {
      skipped++;
      return Future.failedFuture(new Open(name));
    }
    return op.get()
        .timeout(timeoutMs, TimeUnit.MILLISECONDS)
        .onFailure(err -> {
          if (!(err instanceof ServiceException)) {
            markDown(err);
          }
        });
  }

  /** Records a failure seen outside {@link #call}; the first one starts the reconnect probe. */
  public void markDown(Throwable err) {
    failures++;
    lastError = describe(err);
    if (state != State.UP) {
      return;
    }
    state = State.DOWN;
    outages++;
    log.warn("{} is down ({}); carrying on without it and retrying with backoff", name, lastError);
    scheduleProbe();
  }

  /** Runs {@code action} each time the backend comes back (for example to flush what waited). */
  public void onUp(Runnable action) {
    onUp.add(action);
  }

  public boolean isUp() {
    return state == State.UP;
  }

  /** {@code up} or {@code down}, as {@code /ready} reports it. */
  public String state() {
    return state.name().toLowerCase(Locale.ROOT);
  }

  /** State and counters for {@code /ready} and metrics. */
  public JsonObject health() {
    JsonObject out = new JsonObject().put("state", state())
        .put("failures", failures).put("skippedWhileDown", skipped).put("outages", outages);
    return state == State.DOWN ? out.put("lastError", lastError) : out;
  }

  /** Stops probing; used when the verticle stops. */
  public void close() {
    closed = true;
  }

  private void scheduleProbe() {
    long delay = backoffMs;
    backoffMs = Math.min(backoffMs * 2, MAX_BACKOFF_MS);
    vertx.setTimer(delay, id -> probe());
  }

  private void probe() {
    if (closed) {
      return;
    }
    probe.get()
        .timeout(timeoutMs, TimeUnit.MILLISECONDS)
        .onSuccess(v -> backUp())
        .onFailure(err -> {
          lastError = describe(err);
          scheduleProbe();
        });
  }

  private void backUp() {
    state = State.UP;
    backoffMs = FIRST_BACKOFF_MS;
    log.info("{} is back; using it again", name);
    onUp.forEach(Runnable::run);
  }

  private static String describe(Throwable err) {
    if (err instanceof TimeoutException) {
      return "timed out";
    }
    String message = err.getMessage();
    return err.getClass().getSimpleName() + (message == null ? "" : ": " + message);
  }
}
