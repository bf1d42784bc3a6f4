package nws.watermark.benchmarks.fuzz;

import java.util.Random;

/**
 * Reads and patches integers in place, big-endian (JPEG, PNG, ISO BMFF) or little-endian (GIF,
 * BMP, RIFF), and draws the values that break parsers: zero, one, the edges of each width, and
 * their neighbours. Writes past the end are dropped, so a patch into a truncated file is harmless.
 */
final class Endian {

  private static final long[] EDGES = {0, 1, 2, 3, 4, 7, 8, 15, 16, 31, 32, 63, 64, 127, 128, 255, 256, 511, 512,
      1023, 1024, 4095, 4096, 8191, 8192, 8193, 16383, 16384, 32767, 32768, 65535, 65536, 0x7fffffffL, 0x80000000L,
      0xffffffffL};

  private Endian() {}

  static int u8(byte[] b, int i) {
    return i < b.length ? b[i] & 0xff : 0;
  }

  static int u16be(byte[] b, int i) {
    return (u8(b, i) << 8) | u8(b, i + 1);
  }

  static long u32be(byte[] b, int i) {
    return ((long) u16be(b, i) << 16) | u16be(b, i + 2);
  }

  static int u16le(byte[] b, int i) {
    return u8(b, i) | (u8(b, i + 1) << 8);
  }

  static long u32le(byte[] b, int i) {
    return u16le(b, i) | ((long) u16le(b, i + 2) << 16);
  }

  static void put8(byte[] b, int i, long v) {
    if (i >= 0 && i < b.length) {
      b[i] = (byte) v;
    }
  }

  static void put16be(byte[] b, int i, long v) {
    put8(b, i, v >> 8);
    put8(b, i + 1, v);
  }

  static void put32be(byte[] b, int i, long v) {
    put16be(b, i, v >> 16);
    put16be(b, i + 2, v);
  }

  static void put16le(byte[] b, int i, long v) {
    put8(b, i, v);
    put8(b, i + 1, v >> 8);
  }

  static void put24le(byte[] b, int i, long v) {
    put16le(b, i, v);
    put8(b, i + 2, v >> 16);
  }

  static void put32le(byte[] b, int i, long v) {
    put16le(b, i, v);
    put16le(b, i + 2, v >> 16);
  }

  /** An edge value that fits in {@code bits}, or a neighbour of {@code near} (the field's real value). */
  static long edge(Random r, int bits, long near) {
    long max = bits >= 32 ? 0xffffffffL : (1L << bits) - 1;
    long v = switch (r.nextInt(4)) {
      case 0 -> near + r.nextInt(5) - 2;
      case 1 -> r.nextLong() & max;
      default -> EDGES[r.nextInt(EDGES.length)];
    };
    return Math.max(0, Math.min(max, v));
  }

  /**
   * A width and height for a header: mostly at most 4 MP so decodes stay fast, sometimes past the
   * service's pixel limit (refused from the header), rarely anything the field holds.
   */
  static long[] size(Random r, int bits, long w, long h) {
    long max = (1L << bits) - 1;
    return switch (r.nextInt(10)) {
      case 0 -> new long[] {edge(r, bits, w), edge(r, bits, h)};
      case 1, 2 -> new long[] {Math.min(max, 20_000 + r.nextInt(50_000)), Math.min(max, 20_000 + r.nextInt(50_000))};
      case 3 -> new long[] {h, w};
      case 4 -> new long[] {r.nextInt(3), 1 + r.nextInt(2000)};
      default -> {
        long nw = Math.min(max, 1 + r.nextInt(4096));
        yield new long[] {nw, Math.min(max, 1 + r.nextInt((int) Math.max(1, 4_000_000 / nw)))};
      }
    };
  }
}
