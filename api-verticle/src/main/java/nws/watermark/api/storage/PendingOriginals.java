package nws.watermark.api.storage;

import io.vertx.core.buffer.Buffer;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Originals that could not be written to S3 because it was down, held in memory (bounded in
 * bytes) until it is back. Past the bound an original is not kept: the loss is counted and logged
 * by the caller. Confined to the API verticle's event loop.
 */
final class PendingOriginals {

  /** One original waiting for storage. */
  record Original(String sha256, Buffer bytes, String contentType) {}

  private final long maxBytes;
  private final Map<String, Original> waiting = new LinkedHashMap<>();
  private long bytes;
  private long lost;

  PendingOriginals(long maxBytes) {
    this.maxBytes = maxBytes;
  }

  /** Keeps {@code original} until storage returns; false (and counted as lost) when over the bound. */
  boolean keep(Original original) {
    if (waiting.containsKey(original.sha256())) {
      return true;
    }
    if (bytes + original.bytes().length() > maxBytes) {
      lost++;
      return false;
    }
    waiting.put(original.sha256(), original);
    bytes += original.bytes().length();
    return true;
  }

  /** The bytes of an original still waiting, or null. */
  Buffer get(String sha256) {
    Original original = waiting.get(sha256);
    return original == null ? null : original.bytes();
  }

  /** The oldest original waiting, or null when none is. */
  Original oldest() {
    return waiting.isEmpty() ? null : waiting.values().iterator().next();
  }

  /** No longer waiting (written, or deleted); false when it was not waiting. */
  boolean remove(String sha256) {
    Original done = waiting.remove(sha256);
    if (done != null) {
      bytes -= done.bytes().length();
    }
    return done != null;
  }

  int count() {
    return waiting.size();
  }

  long bytes() {
    return bytes;
  }

  long lost() {
    return lost;
  }
}
