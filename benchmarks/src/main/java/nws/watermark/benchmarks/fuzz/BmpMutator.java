package nws.watermark.benchmarks.fuzz;

import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * BMP, by its fixed header fields: the magic, file size and pixel offset; the info header's size
 * (core, info, V4, V5 and none of them), width and height (negative, zero, overflowing a row),
 * planes, bit count, compression (RLE on data that is not, bit fields with bad masks), image size
 * and palette counts; and pixel data cut short or turned into RLE escapes that jump off the image.
 */
final class BmpMutator implements Mutator {

  private static final String[] OPS = {"magic", "file-size", "pixel-offset", "info-size", "dimensions", "planes",
      "bit-count", "compression", "image-size", "colors-used", "bitfields", "truncate", "rle"};

  @Override
  public byte[] mutate(byte[] seed, Random r, List<String> did) {
    if (seed.length < 54 || seed[0] != 'B' || seed[1] != 'M') {
      return ByteMutator.once(seed.clone(), r, did);
    }
    byte[] bmp = seed.clone();
    for (int n = Mutator.opCount(r); n > 0; n--) {
      String op = OPS[r.nextInt(OPS.length)];
      if (op.equals("truncate") && bmp.length > 15) {
        int at = 14 + r.nextInt(bmp.length - 14);
        did.add(op + " at " + at + " of " + bmp.length);
        bmp = Arrays.copyOf(bmp, at);
      } else {
        did.add(op + " " + apply(op, bmp, r));
      }
    }
    return bmp;
  }

  private static String apply(String op, byte[] b, Random r) {
    return switch (op) {
      case "magic" -> {
        String magic = new String[] {"BA", "CI", "CP", "IC", "PT", "B\0"}[r.nextInt(6)];
        Endian.put8(b, 0, magic.charAt(0));
        Endian.put8(b, 1, magic.charAt(1));
        yield magic.replace('\0', '0');
      }
      case "file-size" -> set32(b, 2, Endian.edge(r, 32, b.length));
      case "pixel-offset" -> set32(b, 10, new long[] {0, 14, 54, b.length, b.length + 1L, 0x7fffffffL,
          54 + r.nextInt(1024), Endian.edge(r, 32, Endian.u32le(b, 10))}[r.nextInt(8)]);
      case "info-size" -> set32(b, 14, new long[] {0, 12, 16, 39, 40, 52, 56, 64, 108, 124, 125, 255, 0xffffffffL}
          [r.nextInt(13)]);
      case "dimensions" -> {
        long[] s = Endian.size(r, 31, Endian.u32le(b, 18), Math.abs((int) Endian.u32le(b, 22)));
        long w = r.nextInt(6) == 0 ? -s[0] : s[0];
        long h = r.nextInt(3) == 0 ? -s[1] : s[1];
        if (r.nextInt(8) == 0) {
          w = 0x40000000L;
          h = 1;
        }
        Endian.put32le(b, 18, w);
        Endian.put32le(b, 22, h);
        yield w + "x" + h;
      }
      case "planes" -> {
        int planes = new int[] {0, 2, 255, 65535}[r.nextInt(4)];
        Endian.put16le(b, 26, planes);
        yield String.valueOf(planes);
      }
      case "bit-count" -> {
        int bits = new int[] {0, 1, 2, 4, 7, 8, 15, 16, 24, 32, 48, 64, 255}[r.nextInt(13)];
        Endian.put16le(b, 28, bits);
        yield String.valueOf(bits);
      }
      case "compression" -> set32(b, 30, new long[] {0, 1, 2, 3, 4, 5, 6, 11, 12, 13, 0xffffffffL}[r.nextInt(11)]);
      case "image-size" -> set32(b, 34, Endian.edge(r, 32, Endian.u32le(b, 34)));
      case "colors-used" -> {
        long used = new long[] {1, 2, 16, 257, 0x10000, 0x7fffffffL, 0xffffffffL}[r.nextInt(7)];
        Endian.put32le(b, 46, used);
        Endian.put32le(b, 50, r.nextBoolean() ? used + 1 : 0);
        yield String.valueOf(used);
      }
      case "bitfields" -> {
        Endian.put32le(b, 30, 3);
        long[][] masks = {{0, 0, 0}, {0xffffffffL, 0xffffffffL, 0xffffffffL}, {0xff, 0xff, 0xff}, {0xf0f0, 0x0f0f, 0x1},
            {0x80000000L, 0x1, 0x7ffffffeL}};
        long[] m = masks[r.nextInt(masks.length)];
        for (int i = 0; i < 3; i++) {
          Endian.put32le(b, 54 + 4 * i, m[i]);
        }
        yield String.format("BI_BITFIELDS masks %x %x %x", m[0], m[1], m[2]);
      }
      default -> {
        int start = (int) Math.min(b.length, Math.max(54, Endian.u32le(b, 10)));
        Endian.put32le(b, 30, Endian.u16le(b, 28) == 4 ? 2 : 1);
        int n = 1 + r.nextInt(32);
        for (int i = 0; i < n && b.length - start > 4; i++) {
          int at = start + r.nextInt(b.length - start - 4);
          byte[] escape = {0, (byte) r.nextInt(3), (byte) r.nextInt(256), (byte) r.nextInt(256)};
          System.arraycopy(escape, 0, b, at, 4);
        }
        yield "RLE on " + Endian.u16le(b, 28) + "-bit data, " + n + " escapes (end of line, of bitmap, delta)";
      }
    };
  }

  private static String set32(byte[] b, int at, long v) {
    long was = Endian.u32le(b, at);
    Endian.put32le(b, at, v);
    return was + " -> " + v;
  }
}
