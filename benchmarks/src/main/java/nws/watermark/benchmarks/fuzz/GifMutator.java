package nws.watermark.benchmarks.fuzz;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * GIF: the logical screen (size, colour table flag and size, background index), the first image
 * descriptor (position, size, local table flag, interlace), the LZW minimum code size, the LZW
 * data and its sub-block lengths, extensions with lying block sizes, the trailer, many frames.
 */
final class GifMutator implements Mutator {

  private static final String[] OPS = {"screen", "descriptor", "lzw-min", "lzw-data", "sub-block-size", "extension",
      "trailer", "frames", "color-table"};

  /** Where the first image is: its descriptor, LZW code size byte, and the end of its sub-blocks. */
  private record Image(int descriptor, int lzw, int end) {}

  @Override
  public byte[] mutate(byte[] seed, Random r, List<String> did) {
    byte[] gif = seed.clone();
    for (int n = Mutator.opCount(r); n > 0; n--) {
      Image image = firstImage(gif);
      if (image == null) {
        return ByteMutator.once(gif, r, did);
      }
      String op = OPS[r.nextInt(OPS.length)];
      gif = apply(op, gif, image, r, did);
    }
    return gif;
  }

  private static byte[] apply(String op, byte[] gif, Image img, Random r, List<String> did) {
    String detail;
    switch (op) {
      case "screen" -> {
        long[] s = Endian.size(r, 16, Endian.u16le(gif, 6), Endian.u16le(gif, 8));
        Endian.put16le(gif, 6, s[0]);
        Endian.put16le(gif, 8, s[1]);
        Endian.put8(gif, 11, r.nextBoolean() ? 255 : Endian.u8(gif, 11));
        detail = s[0] + "x" + s[1];
      }
      case "descriptor" -> {
        long[] s = Endian.size(r, 16, Endian.u16le(gif, img.descriptor() + 5), Endian.u16le(gif, img.descriptor() + 7));
        Endian.put16le(gif, img.descriptor() + 1, r.nextBoolean() ? 0 : Endian.edge(r, 16, 0));
        Endian.put16le(gif, img.descriptor() + 3, r.nextBoolean() ? 0 : Endian.edge(r, 16, 0));
        Endian.put16le(gif, img.descriptor() + 5, s[0]);
        Endian.put16le(gif, img.descriptor() + 7, s[1]);
        int packed = Endian.u8(gif, img.descriptor() + 9) ^ (r.nextBoolean() ? 0x40 : 0x87);
        Endian.put8(gif, img.descriptor() + 9, packed);
        detail = s[0] + "x" + s[1] + " packed 0x" + Integer.toHexString(packed);
      }
      case "lzw-min" -> {
        int v = new int[] {0, 1, 2, 8, 11, 12, 13, 255}[r.nextInt(8)];
        Endian.put8(gif, img.lzw(), v);
        detail = String.valueOf(v);
      }
      case "lzw-data" -> {
        int n = 1 + r.nextInt(64);
        for (int i = 0; i < n; i++) {
          Endian.put8(gif, img.lzw() + 1 + r.nextInt(Math.max(1, img.end() - img.lzw() - 1)), r.nextInt(256));
        }
        detail = n + " bytes";
      }
      case "sub-block-size" -> {
        int v = new int[] {0, 1, 255}[r.nextInt(3)];
        Endian.put8(gif, img.lzw() + 1, v);
        detail = "first sub-block " + v;
      }
      case "extension" -> {
        byte[] ext = GifExtensions.hostile(r);
        did.add(op + " " + GifExtensions.describe(ext));
        return ByteMutator.splice(gif, img.descriptor(), 0, ext);
      }
      case "trailer" -> {
        int shape = r.nextInt(3);
        did.add(op + " " + new String[] {"none", "before the image", "junk after it"}[shape]);
        return switch (shape) {
          case 0 -> Arrays.copyOf(gif, img.end());
          case 1 -> ByteMutator.splice(gif, img.descriptor(), 0, new byte[] {0x3b});
          default -> Multipart.concat(gif, "junk after the trailer".getBytes(StandardCharsets.US_ASCII));
        };
      }
      case "frames" -> {
        byte[] frame = Arrays.copyOfRange(gif, img.descriptor(), img.end());
        int copies = Math.max(1, Math.min(1 + r.nextInt(200), 4_000_000 / Math.max(1, frame.length)));
        byte[] out = gif;
        for (int i = 0; i < copies; i++) {
          out = ByteMutator.splice(out, img.end(), 0, frame);
        }
        did.add(op + " " + copies + " more copies of the first frame");
        return out;
      }
      default -> {
        int packed = Endian.u8(gif, 10);
        int v = r.nextBoolean() ? packed | 0x87 : packed & 0x7f;
        Endian.put8(gif, 10, v);
        detail = "screen packed 0x" + Integer.toHexString(packed) + " -> 0x" + Integer.toHexString(v);
      }
    }
    did.add(op + " " + detail);
    return gif;
  }

  /** The first image block, walking past the colour table and extensions; null when there is none. */
  private static Image firstImage(byte[] gif) {
    if (gif.length < 13 || gif[0] != 'G' || gif[1] != 'I' || gif[2] != 'F') {
      return null;
    }
    int packed = Endian.u8(gif, 10);
    int i = 13 + ((packed & 0x80) != 0 ? 3 * (1 << ((packed & 7) + 1)) : 0);
    while (i < gif.length) {
      int block = gif[i] & 0xff;
      if (block == 0x21) {
        i = subBlocksEnd(gif, i + 2);
      } else if (block == 0x2c) {
        int p = Endian.u8(gif, i + 9);
        int lzw = i + 10 + ((p & 0x80) != 0 ? 3 * (1 << ((p & 7) + 1)) : 0);
        return lzw < gif.length ? new Image(i, lzw, Math.min(gif.length, subBlocksEnd(gif, lzw + 1))) : null;
      } else {
        return null;
      }
    }
    return null;
  }

  /** The index just past a chain of sub-blocks starting at {@code i} (past its zero terminator). */
  private static int subBlocksEnd(byte[] gif, int i) {
    while (i < gif.length && gif[i] != 0) {
      i += (gif[i] & 0xff) + 1;
    }
    return i + 1;
  }
}
