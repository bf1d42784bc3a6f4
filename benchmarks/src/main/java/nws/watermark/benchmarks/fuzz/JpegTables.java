package nws.watermark.benchmarks.fuzz;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import nws.watermark.benchmarks.fuzz.JpegSegments.Segment;

/**
 * The JPEG operations on tables and scans, apart from {@link JpegMutator} to keep both short:
 * quantisation and Huffman tables, the SOS header, and APP2 ICC profile chunks. Each answers what
 * it did.
 */
final class JpegTables {

  private JpegTables() {}

  /** A DQT with a bad precision or table id, zero or random entries, or cut short. */
  static String dqt(JpegSegments jpeg, Random r) {
    int k = jpeg.find(0xdb);
    if (k < 0) {
      jpeg.head.add(0, new Segment(0xdb, new byte[65]));
      return "added an all-zero table";
    }
    byte[] p = jpeg.head.get(k).payload();
    if (p.length < 2) {
      // An earlier operation on this case cut the table to nothing: nothing left to mutate.
      return "table already cut to " + p.length + " bytes";
    }
    switch (r.nextInt(4)) {
      case 0 -> {
        int pqTq = new int[] {0x01, 0x02, 0x03, 0x04, 0x10, 0x13, 0xff}[r.nextInt(7)];
        Endian.put8(p, 0, pqTq);
        return "Pq/Tq=0x" + Integer.toHexString(pqTq);
      }
      case 1 -> {
        Arrays.fill(p, 1, p.length, (byte) 0);
        return "every entry zero";
      }
      case 2 -> {
        for (int i = 1; i < p.length; i++) {
          p[i] = (byte) r.nextInt(256);
        }
        return "random entries";
      }
      default -> {
        int keep = r.nextInt(p.length);
        jpeg.head.set(k, new Segment(0xdb, Arrays.copyOf(p, keep)));
        return "cut to " + keep + " of " + p.length + " bytes";
      }
    }
  }

  /** A DHT with a bad class or id, code counts that oversubscribe or sum past 256, random symbols, or cut short. */
  static String dht(JpegSegments jpeg, Random r) {
    int k = jpeg.find(0xc4);
    if (k < 0) {
      jpeg.head.add(0, new Segment(0xc4, new byte[17]));
      return "added a table with no codes";
    }
    byte[] p = jpeg.head.get(k).payload();
    if (p.length < 2) {
      return "table already cut to " + p.length + " bytes";
    }
    switch (r.nextInt(5)) {
      case 0 -> {
        int tcTh = new int[] {0x02, 0x04, 0x14, 0x20, 0x0f, 0xff}[r.nextInt(6)];
        Endian.put8(p, 0, tcTh);
        return "Tc/Th=0x" + Integer.toHexString(tcTh);
      }
      case 1 -> {
        Arrays.fill(p, 1, Math.min(17, p.length), (byte) 0xff);
        return "every code count 255 (sum past 256)";
      }
      case 2 -> {
        Endian.put8(p, 1, 2 + r.nextInt(3));
        return "more 1-bit codes than there can be";
      }
      case 3 -> {
        for (int i = 17; i < p.length; i++) {
          p[i] = (byte) r.nextInt(256);
        }
        return "random symbols";
      }
      default -> {
        int keep = r.nextInt(p.length);
        jpeg.head.set(k, new Segment(0xc4, Arrays.copyOf(p, keep)));
        return "cut to " + keep + " of " + p.length + " bytes";
      }
    }
  }

  /** The first SOS header: component count, a selector, a component id, or the spectral parameters. */
  static String sos(JpegSegments jpeg, Random r) {
    byte[] t = jpeg.tail;
    int ns = Endian.u8(t, 4);
    switch (r.nextInt(4)) {
      case 0 -> {
        int v = new int[] {0, 2, 3, 4, 5, 255}[r.nextInt(6)];
        Endian.put8(t, 4, v);
        return "Ns=" + v + " for " + ns;
      }
      case 1 -> {
        int v = new int[] {0x11, 0x44, 0x0f, 0xf0, 0xff}[r.nextInt(5)];
        Endian.put8(t, 6 + 2 * r.nextInt(Math.max(1, ns)), v);
        return "Td/Ta=0x" + Integer.toHexString(v);
      }
      case 2 -> {
        int v = new int[] {0, 9, 200, 255}[r.nextInt(4)];
        Endian.put8(t, 5 + 2 * r.nextInt(Math.max(1, ns)), v);
        return "component id " + v;
      }
      default -> {
        int at = 5 + 2 * ns;
        int ss = new int[] {0, 1, 63, 64, 255}[r.nextInt(5)];
        int se = new int[] {0, 5, 63, 64, 255}[r.nextInt(5)];
        int ahAl = new int[] {0x00, 0x01, 0x10, 0xd0, 0x0f, 0xff}[r.nextInt(6)];
        Endian.put8(t, at, ss);
        Endian.put8(t, at + 1, se);
        Endian.put8(t, at + 2, ahAl);
        return "Ss=" + ss + " Se=" + se + " Ah/Al=0x" + Integer.toHexString(ahAl);
      }
    }
  }

  /**
   * An APP2 ICC_PROFILE chunk: a sequence number and count that disagree, then a profile header
   * whose size and tag count lie, or plain garbage.
   */
  static byte[] iccChunk(Random r) {
    byte[] name = "ICC_PROFILE\0".getBytes(StandardCharsets.US_ASCII);
    byte[] body = new byte[14 + 128 + 12 + r.nextInt(2000)];
    System.arraycopy(name, 0, body, 0, name.length);
    for (int i = 14; i < body.length; i++) {
      body[i] = (byte) r.nextInt(256);
    }
    body[12] = (byte) new int[] {0, 1, 2, 255}[r.nextInt(4)];
    body[13] = (byte) new int[] {0, 1, 3}[r.nextInt(3)];
    if (r.nextBoolean()) {
      Endian.put32be(body, 14, Endian.edge(r, 32, body.length - 14));
      System.arraycopy("acspAPPL".getBytes(StandardCharsets.US_ASCII), 0, body, 14 + 36, 8);
      Endian.put32be(body, 14 + 128, r.nextBoolean() ? 0xffffffffL : 1 + r.nextInt(100));
    }
    return body;
  }
}
