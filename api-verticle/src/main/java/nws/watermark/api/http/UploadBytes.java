package nws.watermark.api.http;

import io.vertx.core.buffer.Buffer;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * An upload's bytes in the chunks they arrived in, joined into one buffer only when something
 * needs them whole (a cache miss: storage and the optimizer). A cache hit answers without ever
 * copying the upload. Once joined, the chunks are let go, so the upload is never held twice.
 */
final class UploadBytes implements Supplier<Buffer> {

  private List<Buffer> chunks = new ArrayList<>();
  private long length;
  private Buffer joined;

  /** An upload that arrived whole (read back from a spool file). */
  static UploadBytes of(Buffer whole) {
    UploadBytes bytes = new UploadBytes();
    bytes.add(whole);
    return bytes;
  }

  /** Keeps {@code chunk}; it must not change afterwards. */
  void add(Buffer chunk) {
    chunks.add(chunk);
    length += chunk.length();
  }

  long length() {
    return length;
  }

  /** The whole upload as one buffer. */
  @Override
  public Buffer get() {
    if (joined == null) {
      joined = chunks.size() == 1 ? chunks.get(0) : join();
      chunks = List.of();
    }
    return joined;
  }

  private Buffer join() {
    Buffer whole = Buffer.buffer((int) length);
    chunks.forEach(whole::appendBuffer);
    return whole;
  }
}
