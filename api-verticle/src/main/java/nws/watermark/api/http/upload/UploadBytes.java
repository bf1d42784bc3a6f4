package nws.watermark.api.http.upload;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import java.util.ArrayList;
import java.util.List;

/**
 * An upload's bytes in the chunks they arrived in, joined into one buffer only when something
 * needs them whole (a cache miss: storage and the optimizer). A cache hit answers without ever
 * copying the upload. Once joined, the chunks are let go, so the upload is never held twice.
 * Joining megabytes is a copy of milliseconds (a 32 MB upload in 8 KB chunks: 11-28 ms here), so
 * big uploads are joined on a worker thread, never on the event loop.
 */
public final class UploadBytes {

  /** Uploads up to this size are joined in place: well under a millisecond. */
  private static final long JOIN_IN_PLACE = 512 * 1024;

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

  /** The whole upload as one buffer, once every chunk is in; call it from the event loop. */
  public Future<Buffer> whole(Vertx vertx) {
    if (joined != null || chunks.size() == 1 || length <= JOIN_IN_PLACE) {
      return Future.succeededFuture(join());
    }
    // The chunks are complete and no longer touched here, so a worker may read them.
    return vertx.executeBlocking(this::join, false);
  }

  private synchronized Buffer join() {
    if (joined == null) {
      if (chunks.size() == 1) {
        joined = chunks.get(0);
      } else {
        byte[] whole = new byte[(int) length];
        int at = 0;
        for (Buffer chunk : chunks) {
          chunk.getBytes(0, chunk.length(), whole, at);
          at += chunk.length();
        }
        joined = Buffer.buffer(whole);
      }
      chunks = List.of();
    }
    return joined;
  }
}
