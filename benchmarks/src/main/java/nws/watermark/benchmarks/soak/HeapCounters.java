package nws.watermark.benchmarks.soak;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The Java heap of a running HotSpot JVM, read from the performance counters it publishes in
 * {@code /tmp/hsperfdata_<user>/<pid>} (what jstat reads, without starting a JVM per sample).
 * RSS alone cannot tell a heap filling up to its -Xmx, which is bounded, from memory outside the
 * heap growing, which is not; with the heap's committed size beside it, it can.
 */
final class HeapCounters {

  /** The heap of one JVM now, in MB: committed (the memory it holds) and used. */
  record Heap(double committedMb, double usedMb) {}

  private static final int MAGIC = 0xcafec0c0;
  private static final byte LONG = 'J';

  private HeapCounters() {}

  /** The heap of {@code pid}, or null when it is not a JVM publishing counters. */
  static Heap of(long pid) {
    // HotSpot writes them under /tmp on Linux whatever the JVM's java.io.tmpdir says.
    Path file = Path.of("/tmp", "hsperfdata_" + System.getProperty("user.name"), Long.toString(pid));
    try {
      return parse(ByteBuffer.wrap(Files.readAllBytes(file)));
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  /**
   * The prologue (magic, byte order, ..., entry offset at 24, entry count at 28), then entries of
   * {length, name offset, vector length, type, flags, units, variability, data offset}. Committed
   * is the sum of the generations' capacity, used the sum of their spaces' used.
   */
  static Heap parse(ByteBuffer buffer) {
    if (buffer.order(ByteOrder.BIG_ENDIAN).getInt(0) != MAGIC) {
      return null;
    }
    buffer.order(buffer.get(4) == 0 ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN);
    int offset = buffer.getInt(24);
    int entries = buffer.getInt(28);
    long committed = 0;
    long used = 0;
    for (int i = 0; i < entries; i++) {
      int length = buffer.getInt(offset);
      String name = name(buffer, offset + buffer.getInt(offset + 4));
      if (buffer.getInt(offset + 8) == 0 && buffer.get(offset + 12) == LONG) {
        long value = buffer.getLong(offset + buffer.getInt(offset + 16));
        if (name.matches("sun\\.gc\\.generation\\.\\d+\\.capacity")) {
          committed += value;
        } else if (name.matches("sun\\.gc\\.generation\\.\\d+\\.space\\.\\d+\\.used")) {
          used += value;
        }
      }
      offset += length;
    }
    return committed == 0 ? null : new Heap(committed / 1048576.0, used / 1048576.0);
  }

  private static String name(ByteBuffer buffer, int at) {
    int end = at;
    while (buffer.get(end) != 0) {
      end++;
    }
    byte[] bytes = new byte[end - at];
    buffer.get(at, bytes);
    return new String(bytes, StandardCharsets.US_ASCII);
  }
}
