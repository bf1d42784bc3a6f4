package nws.watermark.api.storage;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;

/** Where uploaded originals live, as {@code original/<sha256>}, so any variant can be made later. */
public interface OriginalStore {

  /** The object name of an original. */
  static String objectName(String sha256) {
    return "original/" + sha256;
  }

  /** Stores the original unless it is already there; identical uploads store nothing twice. */
  Future<Void> save(String sha256, Buffer bytes, String contentType);

  /** The original's bytes; fails with {@code NOT_FOUND} when there is none. */
  Future<Buffer> load(String sha256);

  /** A short name for logs and readiness, such as {@code local} or {@code s3}. */
  String kind();
}
