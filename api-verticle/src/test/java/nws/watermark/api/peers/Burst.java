package nws.watermark.api.peers;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.multipart.MultipartForm;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import nws.watermark.api.Service;

/**
 * A bounded burst of uploads at a fixed concurrency, spread over one or more services, with an
 * action (kill a server) run on the test thread once some of them have completed.
 */
public final class Burst {

  /** One answer: the HTTP status (0 when the request itself failed) and the time it took. */
  public record Outcome(int status, String cache, long nanos, String body) {}

  private Burst() {}

  /**
   * Sends {@code count} uploads of {@code photo.apply(i)} to {@code services[i % n]}, at most
   * {@code concurrency} at a time, and runs {@code action} once {@code actionAfter} have answered.
   */
  public static List<Outcome> run(List<Service> services, int count, int concurrency, IntFunction<byte[]> photo,
      int actionAfter, Runnable action) {
    return run(services, count, concurrency, photo, actionAfter, action, i -> "");
  }

  /** As above, upload {@code i} with the query string {@code query.apply(i)}. */
  public static List<Outcome> run(List<Service> services, int count, int concurrency, IntFunction<byte[]> photo,
      int actionAfter, Runnable action, IntFunction<String> query) {
    Semaphore slots = new Semaphore(concurrency);
    AtomicInteger done = new AtomicInteger();
    List<Future<Outcome>> answers = new ArrayList<>();
    boolean acted = action == null;
    for (int i = 0; i < count; i++) {
      acquire(slots);
      if (!acted && done.get() >= actionAfter) {
        action.run();
        acted = true;
      }
      Service service = services.get(i % services.size());
      answers.add(upload(service, photo.apply(i), query.apply(i)).onComplete(r -> {
        done.incrementAndGet();
        slots.release();
      }));
    }
    if (!acted) {
      action.run();
    }
    try {
      return Future.all(answers).await(Duration.ofMinutes(2).toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)
          .<Outcome>list();
    } catch (java.util.concurrent.TimeoutException e) {
      throw new AssertionError("the burst did not finish within 2 minutes");
    }
  }

  /** One multipart upload, timed; never fails (a transport error is status 0). */
  public static Future<Outcome> upload(Service service, byte[] bytes, String query) {
    long start = System.nanoTime();
    MultipartForm form = MultipartForm.create().binaryFileUpload("image", "photo.jpg", Buffer.buffer(bytes), "image/jpeg");
    return service.client.post("/upload" + query).sendMultipartForm(form)
        .map(r -> new Outcome(r.statusCode(), r.getHeader("X-Cache"), System.nanoTime() - start,
            r.statusCode() == 200 ? "" : r.bodyAsString()))
        .otherwise(err -> new Outcome(0, null, System.nanoTime() - start, err.toString()));
  }

  /** The service's {@code /ready} body. */
  public static JsonObject ready(Service service) {
    return service.client.get("/ready").send().await().bodyAsJsonObject();
  }

  /** One dependency's report from {@code /ready}: {@code redis} or {@code storage}. */
  public static JsonObject dependency(Service service, String name) {
    return ready(service).getJsonObject("dependencies").getJsonObject(name);
  }

  private static void acquire(Semaphore slots) {
    try {
      if (!slots.tryAcquire(2, java.util.concurrent.TimeUnit.MINUTES)) {
        throw new AssertionError("a burst request did not answer within 2 minutes");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted");
    }
  }
}
