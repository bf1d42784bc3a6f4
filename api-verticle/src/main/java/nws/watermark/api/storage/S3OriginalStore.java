package nws.watermark.api.storage;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import java.util.concurrent.Callable;
import nws.watermark.api.health.CircuitBreaker;
import nws.watermark.api.storage.PendingOriginals.Original;
import nws.watermark.shared.ErrorCode;
import nws.watermark.shared.ServiceException;
import nws.watermark.shared.config.StorageConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Originals in an S3-compatible bucket (MinIO, S3Proxy, AWS). The SDK blocks, so every call runs
 * on a small worker pool of its own ({@value #WORKERS} threads, never the event loop, and never
 * the optimizers' pool).
 *
 * <p>Storage being down loses nothing and slows nothing: {@link #save} keeps the original in
 * memory ({@link PendingOriginals}, bounded by {@code NWS_S3_PENDING_MAX_BYTES}) and writes it
 * when S3 answers again; only past that bound is an original dropped, logged and counted
 * ({@code lost} in {@code /ready}). {@link #load} serves a waiting original from memory.
 */
public final class S3OriginalStore implements OriginalStore {

  static final int WORKERS = 8;
  private static final Logger log = LoggerFactory.getLogger(S3OriginalStore.class);

  private final S3Bucket bucket;
  private final WorkerExecutor workers;
  private final PendingOriginals pending;
  private final CircuitBreaker s3;
  /** The original being written from memory now, and that write; null when none is. */
  private Original flushing;
  private Future<Boolean> flushed;
  private long reads;
  private long writes;

  private S3OriginalStore(Vertx vertx, StorageConfig config, S3Bucket bucket, WorkerExecutor workers) {
    this.bucket = bucket;
    this.workers = workers;
    this.pending = new PendingOriginals(config.s3PendingMaxBytes());
    this.s3 = CircuitBreaker.of(vertx, "s3", config.s3TimeoutMs(), this::bucketReady);
    s3.onUp(this::flush);
  }

  /**
   * The store for {@code config}, its bucket created if missing. Fails only when the client cannot
   * be built (a malformed endpoint); with S3 down at start the store begins down and connects when
   * S3 answers.
   */
  public static Future<OriginalStore> create(Vertx vertx, StorageConfig config) {
    WorkerExecutor workers = vertx.createSharedWorkerExecutor("nws-s3", WORKERS);
    // Building a MinIO client loads OkHttp and reads the JDK's trust store: hundreds of ms, seconds
    // on a busy host, so not on the event loop. The store itself is made back on the caller's loop.
    return workers.executeBlocking(() -> new S3Bucket(config), false)
        .onFailure(err -> workers.close())
        .compose(bucket -> new S3OriginalStore(vertx, config, bucket, workers).connect(config));
  }

  /** Checks (or creates) the bucket; with S3 down the store begins down and connects later. */
  private Future<OriginalStore> connect(StorageConfig config) {
    return s3.call(this::bucketReady)
        .onSuccess(v -> log.info("originals in s3 bucket {} at {}", bucket.name(), config.s3Endpoint()))
        .otherwiseEmpty()
        .map(this);
  }

  @Override
  public Future<Boolean> save(String sha256, Buffer bytes, String contentType) {
    Original original = new Original(sha256, bytes, contentType == null ? "application/octet-stream" : contentType);
    if (pending.get(sha256) != null) {
      return Future.succeededFuture(false);
    }
    return write(original).recover(err -> keepForLater(original, err));
  }

  @Override
  public Future<Void> delete(String sha256) {
    if (flushing != null && flushing.sha256().equals(sha256)) {
      // Being written from memory right now: removed once that write is over, whichever way it went.
      return flushed.transform(done -> {
        pending.remove(sha256);
        return remove(sha256);
      });
    }
    return pending.remove(sha256) ? Future.succeededFuture() : remove(sha256);
  }

  @Override
  public Future<Buffer> load(String sha256) {
    Buffer waiting = pending.get(sha256);
    if (waiting != null) {
      return Future.succeededFuture(waiting);
    }
    return s3.call(() -> blocking(() -> bucket.read(sha256)))
        .onSuccess(b -> reads++)
        .recover(err -> Future.failedFuture(err instanceof ServiceException ? err
            : new ServiceException(ErrorCode.BUSY, "object storage is unreachable, so original " + sha256
                + " cannot be read now; retry shortly")));
  }

  @Override
  public String kind() {
    return "s3";
  }

  @Override
  public JsonObject health() {
    return s3.health()
        .put("kind", kind())
        .put("bucket", bucket.name())
        .put("reads", reads)
        .put("writes", writes)
        .put("pending", pending.count())
        .put("pendingBytes", pending.bytes())
        .put("lost", pending.lost());
  }

  @Override
  public boolean isUp() {
    return s3.isUp();
  }

  @Override
  public Future<Void> close() {
    s3.close();
    return workers.close();
  }

  /** Writes the original unless it is there already; true when it wrote. */
  private Future<Boolean> write(Original original) {
    return s3.call(() -> blocking(() -> bucket.putIfMissing(original.sha256(), original.bytes(), original.contentType())))
        .onSuccess(wrote -> writes += wrote ? 1 : 0);
  }

  private Future<Void> remove(String sha256) {
    return s3.call(() -> blocking(() -> {
      bucket.remove(sha256);
      return null;
    }));
  }

  /** True when kept in memory, to be written later; false when it is lost. */
  private Future<Boolean> keepForLater(Original original, Throwable err) {
    if (pending.keep(original)) {
      log.warn("original {} not stored now ({}); kept in memory until storage returns ({} waiting)",
          original.sha256(), describe(err), pending.count());
      return Future.succeededFuture(true);
    }
    log.error("original {} lost: storage is down ({}) and {} bytes already wait for it ({} lost so far)",
        original.sha256(), describe(err), pending.bytes(), pending.lost());
    return Future.succeededFuture(false);
  }

  /** Writes the waiting originals one at a time, oldest first, while S3 stays up. */
  private void flush() {
    Original next = pending.oldest();
    if (flushing != null || next == null) {
      return;
    }
    flushing = next;
    flushed = write(next);
    flushed
        .onSuccess(v -> pending.remove(next.sha256()))
        .onComplete(done -> {
          flushing = null;
          if (done.succeeded()) {
            if (pending.count() == 0) {
              log.info("every original kept during the storage outage is stored now");
            }
            flush();
          }
        });
  }

  private Future<Void> bucketReady() {
    return blocking(() -> {
      bucket.ensureExists();
      return null;
    });
  }

  private <T> Future<T> blocking(Callable<T> work) {
    return workers.executeBlocking(work, false);
  }

  private static String describe(Throwable err) {
    return err instanceof CircuitBreaker.Open ? "it is down" : err.toString();
  }
}
