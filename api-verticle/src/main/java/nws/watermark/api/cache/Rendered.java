package nws.watermark.api.cache;

import io.vertx.core.buffer.Buffer;

/** One rendered variant as cached and served. */
public record Rendered(Buffer bytes, String contentType, int width, int height) {

  /** Bytes this entry holds, for the L1 byte bound. */
  public int weight() {
    return bytes.length() + 128;
  }
}
