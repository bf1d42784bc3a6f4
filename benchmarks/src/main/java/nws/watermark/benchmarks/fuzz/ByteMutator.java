package nws.watermark.benchmarks.fuzz;

import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Format-blind mutations: bit flips, edge bytes, truncation, inserted, repeated, deleted or zeroed
 * ranges, and another file's magic on this file's body. The generic family uses it on every
 * format; the format mutators fall back on it for a seed they cannot parse.
 */
final class ByteMutator implements Mutator {

  private static final byte[][] MAGICS = {
      {(byte) 0xff, (byte) 0xd8, (byte) 0xff}, {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'},
      {'G', 'I', 'F', '8', '9', 'a'}, {'B', 'M'}, {'R', 'I', 'F', 'F', 0, 0, 0, 0, 'W', 'E', 'B', 'P'},
      {0, 0, 0, 0x18, 'f', 't', 'y', 'p', 'a', 'v', 'i', 'f'}, {'I', 'I', '*', 0}, {'<', 's', 'v', 'g'}};

  @Override
  public byte[] mutate(byte[] seed, Random r, List<String> did) {
    byte[] b = seed.clone();
    for (int n = Mutator.opCount(r); n > 0; n--) {
      b = once(b, r, did);
    }
    return b;
  }

  static byte[] once(byte[] b, Random r, List<String> did) {
    if (b.length < 2) {
      did.add("grow to 64 random bytes");
      byte[] out = new byte[64];
      r.nextBytes(out);
      return out;
    }
    int at = r.nextInt(b.length);
    int len = 1 + r.nextInt(Math.min(b.length - at, 1 + r.nextInt(4096)));
    switch (r.nextInt(8)) {
      case 0 -> {
        int flips = 1 + r.nextInt(32);
        for (int i = 0; i < flips; i++) {
          b[r.nextInt(b.length)] ^= (byte) (1 << r.nextInt(8));
        }
        did.add("bit-flips " + flips);
      }
      case 1 -> {
        int n = 1 + r.nextInt(16);
        for (int i = 0; i < n; i++) {
          b[r.nextInt(b.length)] = (byte) new int[] {0, 0xff, 0x7f, 0x80, 0x01, 0xfe}[r.nextInt(6)];
        }
        did.add("edge-bytes " + n);
      }
      case 2 -> {
        did.add("truncate at " + at + " of " + b.length);
        return Arrays.copyOf(b, at);
      }
      case 3 -> {
        byte[] junk = new byte[len];
        r.nextBytes(junk);
        did.add("insert " + len + " random bytes at " + at);
        return splice(b, at, 0, junk);
      }
      case 4 -> {
        did.add("repeat " + len + " bytes at " + at + " x" + (2 + len % 7));
        byte[] range = Arrays.copyOfRange(b, at, at + len);
        byte[] out = b;
        for (int i = 0; i < 1 + len % 7; i++) {
          out = splice(out, at, 0, range);
        }
        return out;
      }
      case 5 -> {
        did.add("delete " + len + " bytes at " + at);
        return splice(b, at, len, new byte[0]);
      }
      case 6 -> {
        Arrays.fill(b, at, at + len, (byte) 0);
        did.add("zero " + len + " bytes at " + at);
      }
      default -> {
        byte[] magic = MAGICS[r.nextInt(MAGICS.length)];
        did.add("magic of another format (" + magic.length + " bytes)");
        System.arraycopy(magic, 0, b, 0, Math.min(magic.length, b.length));
      }
    }
    return b;
  }

  /** {@code b} with {@code remove} bytes at {@code at} replaced by {@code insert}. */
  static byte[] splice(byte[] b, int at, int remove, byte[] insert) {
    byte[] out = new byte[b.length - remove + insert.length];
    System.arraycopy(b, 0, out, 0, at);
    System.arraycopy(insert, 0, out, at, insert.length);
    System.arraycopy(b, at + remove, out, at + insert.length, b.length - at - remove);
    return out;
  }
}
