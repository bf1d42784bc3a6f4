package nws.watermark.api.storage;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import nws.watermark.shared.ErrorCode;
import nws.watermark.shared.ServiceException;
import nws.watermark.shared.config.StorageConfig;

/** Where uploaded originals live, as {@code original/<sha256>}, so any variant can be made later. */
public interface OriginalStore {

  /** The failure for an id with no stored original. */
  static ServiceException notFound(String sha256) {
    return new ServiceException(ErrorCode.NOT_FOUND, "no original with id " + sha256 + "; upload it first");
  }

  /** The object name of an original. */
  static String objectName(String sha256) {
    return "original/" + sha256;
  }

  /**
   * Stores the original unless it is already there (identical uploads store nothing twice); true
   * when this call stored it, so the request may {@link #delete} it if the image is refused.
   */
  Future<Boolean> save(String sha256, Buffer bytes, String contentType);

  /** Removes an original; nothing when there is none. */
  Future<Void> delete(String sha256);

  /** The original's bytes; fails with {@code NOT_FOUND} when there is none. */
  Future<Buffer> load(String sha256);

  /** A short name for logs and readiness, such as {@code local} or {@code s3}. */
  String kind();

  /** The store {@code config} asks for: S3 when {@code NWS_S3_ENDPOINT} is set, else a local folder. */
  static Future<OriginalStore> open(Vertx vertx, StorageConfig config) {
    return config.s3Enabled()
        ? S3OriginalStore.create(vertx, config)
        : new LocalOriginalStore(vertx, config.dir()).init().map(store -> store);
  }

  /** State ({@code up}, {@code down}) and counters for {@code /ready}. */
  default JsonObject health() {
    return new JsonObject().put("kind", kind()).put("state", "up");
  }

  /** Whether the store answers now, for metrics; a local folder always does. */
  default boolean isUp() {
    return true;
  }

  default Future<Void> close() {
    return Future.succeededFuture();
  }
}
