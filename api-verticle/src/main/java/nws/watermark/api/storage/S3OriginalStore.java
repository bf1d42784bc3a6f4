package nws.watermark.api.storage;

import io.minio.BucketExistsArgs;
import io.minio.GetObjectArgs;
import io.minio.GetObjectResponse;
import io.minio.MakeBucketArgs;
import io.minio.MinioClient;
import io.minio.PutObjectArgs;
import io.minio.StatObjectArgs;
import io.minio.errors.ErrorResponseException;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.util.Set;
import java.util.concurrent.Callable;
import nws.watermark.api.health.Dependency;
import nws.watermark.api.storage.PendingOriginals.Original;
import nws.watermark.shared.Config;
import nws.watermark.shared.ErrorCode;
import nws.watermark.shared.ServiceException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Originals in an S3-compatible bucket (MinIO, S3Proxy, AWS) through the MinIO SDK, path-style.
 * The SDK blocks, so every call runs on a small worker pool of its own ({@value #WORKERS} threads,
 * never the event loop, and never the optimizers' pool).
 *
 * <p>Storage being down loses nothing and slows nothing: {@link #save} keeps the original in
 * memory ({@link PendingOriginals}, bounded by {@code NWS_S3_PENDING_MAX_BYTES}) and writes it
 * when S3 answers again; only past that bound is an original dropped, logged and counted
 * ({@code lost} in {@code /ready}). {@link #load} serves a waiting original from memory.
 */
public final class S3OriginalStore implements OriginalStore {

  static final int WORKERS = 8;
  private static final Logger log = LoggerFactory.getLogger(S3OriginalStore.class);
  private static final Set<String> MISSING = Set.of("NoSuchKey", "NoSuchObject", "NotFound");

  private final MinioClient client;
  private final String bucket;
  private final WorkerExecutor workers;
  private final PendingOriginals pending;
  private final Dependency s3;
  private boolean flushing;
  private long reads;
  private long writes;

  private S3OriginalStore(Vertx vertx, Config config) {
    this.client = MinioClient.builder()
        .endpoint(config.s3Endpoint())
        .credentials(config.s3AccessKey(), config.s3SecretKey().value())
        .region(config.s3Region())
        .build();
    long t = config.s3TimeoutMs();
    client.setTimeout(Math.min(t, 2_000), t, t);
    this.bucket = config.s3Bucket();
    this.workers = vertx.createSharedWorkerExecutor("nws-s3", WORKERS);
    this.pending = new PendingOriginals(config.s3PendingMaxBytes());
    this.s3 = Dependency.of(vertx, "s3", config.s3TimeoutMs(), this::bucketReady);
    s3.onUp(this::flush);
  }

  /**
   * The store for {@code config}, its bucket created if missing. Never fails: with S3 down at
   * start the store begins down and connects when S3 answers.
   */
  public static Future<OriginalStore> create(Vertx vertx, Config config) {
    S3OriginalStore store = new S3OriginalStore(vertx, config);
    return store.s3.call(store::bucketReady)
        .onSuccess(v -> log.info("originals in s3 bucket {} at {}", store.bucket, config.s3Endpoint()))
        .otherwiseEmpty()
        .map(store);
  }

  @Override
  public Future<Void> save(String sha256, Buffer bytes, String contentType) {
    Original original = new Original(sha256, bytes, contentType == null ? "application/octet-stream" : contentType);
    if (pending.get(sha256) != null) {
      return Future.succeededFuture();
    }
    return write(original).recover(err -> keepForLater(original, err));
  }

  @Override
  public Future<Buffer> load(String sha256) {
    Buffer waiting = pending.get(sha256);
    if (waiting != null) {
      return Future.succeededFuture(waiting);
    }
    return s3.call(() -> blocking(() -> read(sha256)))
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
        .put("bucket", bucket)
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

  /** Writes the original unless it is there already: identical uploads store nothing twice. */
  private Future<Void> write(Original original) {
    return s3.call(() -> blocking(() -> putIfMissing(original))).map(wrote -> {
      if (wrote) {
        writes++;
      }
      return null;
    });
  }

  /** Blocking: one HEAD, and a PUT only when the object is missing; true when it wrote. */
  private boolean putIfMissing(Original original) throws Exception {
    if (exists(original.sha256())) {
      return false;
    }
    byte[] data = original.bytes().getBytes();
    client.putObject(PutObjectArgs.builder()
        .bucket(bucket)
        .object(OriginalStore.objectName(original.sha256()))
        .contentType(original.contentType())
        .stream(new ByteArrayInputStream(data), data.length, -1)
        .build());
    return true;
  }

  private Future<Void> keepForLater(Original original, Throwable err) {
    if (pending.keep(original)) {
      log.warn("original {} not stored now ({}); kept in memory until storage returns ({} waiting)",
          original.sha256(), describe(err), pending.count());
    } else {
      log.error("original {} lost: storage is down ({}) and {} bytes already wait for it ({} lost so far)",
          original.sha256(), describe(err), pending.bytes(), pending.lost());
    }
    return Future.succeededFuture();
  }

  /** Writes the waiting originals one at a time, oldest first, while S3 stays up. */
  private void flush() {
    Original next = pending.oldest();
    if (flushing || next == null) {
      return;
    }
    flushing = true;
    write(next)
        .onSuccess(v -> pending.written(next.sha256()))
        .onComplete(done -> {
          flushing = false;
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
      if (!client.bucketExists(BucketExistsArgs.builder().bucket(bucket).build())) {
        client.makeBucket(MakeBucketArgs.builder().bucket(bucket).build());
        log.info("created bucket {}", bucket);
      }
      return null;
    });
  }

  private boolean exists(String sha256) throws Exception {
    try {
      client.statObject(StatObjectArgs.builder().bucket(bucket).object(OriginalStore.objectName(sha256)).build());
      return true;
    } catch (ErrorResponseException e) {
      if (MISSING.contains(e.errorResponse().code())) {
        return false;
      }
      throw e;
    }
  }

  private Buffer read(String sha256) throws Exception {
    try (GetObjectResponse in = client.getObject(
        GetObjectArgs.builder().bucket(bucket).object(OriginalStore.objectName(sha256)).build())) {
      return Buffer.buffer(in.readAllBytes());
    } catch (ErrorResponseException e) {
      if (MISSING.contains(e.errorResponse().code())) {
        throw OriginalStore.notFound(sha256);
      }
      throw e;
    }
  }

  private <T> Future<T> blocking(Callable<T> work) {
    return workers.executeBlocking(work, false);
  }

  private static String describe(Throwable err) {
    return err instanceof Dependency.Down ? "it is down" : err.toString();
  }
}
