package nws.watermark.benchmarks.fuzz;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import nws.watermark.benchmarks.fuzz.JpegSegments.Segment;

/**
 * JPEG, walked by marker segment: the frame header's size, components, sampling factors,
 * precision, type and table indexes; DQT and DHT tables; DRI and restart markers; lying segment
 * lengths; scans cut short or corrupted; SOS parameters; APP1 EXIF with looping IFDs, APP2 ICC
 * garbage, APP14 Adobe transforms; segments dropped, doubled or piled up.
 */
final class JpegMutator implements Mutator {

  private static final String[] OPS = {"sof-size", "sof-components", "sof-sampling", "sof-precision", "sof-type",
      "sof-tables", "dqt", "dht", "dri", "segment-length", "truncate-scan", "exif", "icc", "sos", "rst-markers",
      "drop-segment", "duplicate-segment", "adobe", "scan-bytes", "app-junk"};
  private static final int[] FRAMES = {0xc0, 0xc1, 0xc2, 0xc3, 0xc5, 0xc6, 0xc7, 0xc9, 0xca, 0xcb, 0xcd, 0xce, 0xcf};

  @Override
  public byte[] mutate(byte[] seed, Random r, List<String> did) {
    JpegSegments jpeg = JpegSegments.parse(seed);
    if (jpeg == null || jpeg.frame() < 0) {
      return ByteMutator.once(seed.clone(), r, did);
    }
    for (int n = Mutator.opCount(r); n > 0; n--) {
      apply(pick(jpeg, r), jpeg, r, did);
    }
    return jpeg.bytes();
  }

  /** An operation that has something to work on: a frame header, at least one segment. */
  private static String pick(JpegSegments jpeg, Random r) {
    String op = OPS[r.nextInt(OPS.length)];
    boolean needsFrame = op.startsWith("sof");
    boolean needsSegment = op.equals("segment-length") || op.endsWith("-segment");
    return (needsFrame && jpeg.frame() < 0) || (needsSegment && jpeg.head.isEmpty()) ? "app-junk" : op;
  }

  private static void apply(String op, JpegSegments jpeg, Random r, List<String> did) {
    int f = jpeg.frame();
    byte[] sof = f < 0 ? new byte[8] : jpeg.head.get(f).payload();
    int components = Math.max(1, Math.min(Endian.u8(sof, 5), (sof.length - 6) / 3));
    int c = r.nextInt(components);
    String detail = switch (op) {
      case "sof-size" -> {
        long[] s = Endian.size(r, 16, Endian.u16be(sof, 3), Endian.u16be(sof, 1));
        Endian.put16be(sof, 3, s[0]);
        Endian.put16be(sof, 1, s[1]);
        yield s[0] + "x" + s[1];
      }
      case "sof-components" -> {
        int nf = new int[] {0, 1, 2, 3, 4, 5, 255}[r.nextInt(7)];
        if (r.nextBoolean() && f >= 0) {
          byte[] resized = Arrays.copyOf(sof, 6 + 3 * Math.min(nf, 16));
          for (int i = components; i < Math.min(nf, 16); i++) {
            resized[6 + 3 * i] = (byte) (i + 1);
            resized[7 + 3 * i] = 0x11;
          }
          jpeg.head.set(f, new Segment(jpeg.head.get(f).marker(), resized));
          sof = resized;
        }
        Endian.put8(sof, 5, nf);
        yield "Nf=" + nf + " payload " + sof.length;
      }
      case "sof-sampling" -> {
        int hv = new int[] {0x00, 0x11, 0x12, 0x21, 0x22, 0x41, 0x14, 0x44, 0x13, 0x31, 0x33, 0x0f, 0xf0, 0xff,
            r.nextInt(256)}[r.nextInt(15)];
        Endian.put8(sof, 7 + 3 * c, hv);
        yield "component " + c + " HV=0x" + Integer.toHexString(hv);
      }
      case "sof-precision" -> {
        int p = new int[] {0, 1, 7, 12, 16, 255}[r.nextInt(6)];
        Endian.put8(sof, 0, p);
        yield "P=" + p;
      }
      case "sof-type" -> {
        int marker = FRAMES[r.nextInt(FRAMES.length)];
        jpeg.head.set(f, new Segment(marker, sof));
        yield "SOF marker 0x" + Integer.toHexString(marker);
      }
      case "sof-tables" -> {
        if (r.nextBoolean()) {
          // Another component takes component 0's id; a lone component gets an id no scan names.
          int dup = c == 0 ? components - 1 : c;
          int id = dup == 0 ? 255 : Endian.u8(sof, 6);
          Endian.put8(sof, 6 + 3 * dup, id);
          yield "component " + dup + " id " + id;
        }
        int tq = new int[] {1, 2, 3, 4, 15, 255}[r.nextInt(6)];
        Endian.put8(sof, 8 + 3 * c, tq);
        yield "component " + c + " Tq=" + tq;
      }
      case "dqt" -> JpegTables.dqt(jpeg, r);
      case "dht" -> JpegTables.dht(jpeg, r);
      case "dri" -> {
        int interval = new int[] {0, 1, 2, 7, 65535, r.nextInt(65536)}[r.nextInt(6)];
        jpeg.head.add(new Segment(0xdd, new byte[] {(byte) (interval >> 8), (byte) interval}));
        yield "interval " + interval;
      }
      case "segment-length" -> {
        int k = r.nextInt(jpeg.head.size());
        int real = jpeg.head.get(k).payload().length + 2;
        int lie = new int[] {0, 1, 2, 3, real - 1, real + 1, 0xffff, Math.min(0xffff, real * 2)}[r.nextInt(8)];
        jpeg.lieAboutLength(k, lie);
        yield "segment " + k + " (0x" + Integer.toHexString(jpeg.head.get(k).marker()) + ") length " + lie
            + " for " + real;
      }
      case "truncate-scan" -> {
        int at = 1 + r.nextInt(Math.max(1, jpeg.tail.length - 1));
        boolean eoi = r.nextBoolean();
        jpeg.tail = Arrays.copyOf(jpeg.tail, at + (eoi ? 2 : 0));
        if (eoi) {
          jpeg.tail[at] = (byte) 0xff;
          jpeg.tail[at + 1] = (byte) 0xd9;
        }
        yield "at " + at + (eoi ? " then EOI" : "");
      }
      case "exif" -> {
        List<String> shape = new ArrayList<>();
        jpeg.head.removeIf(s -> s.marker() == 0xe1);
        jpeg.head.add(0, new Segment(0xe1, ExifBlocks.app1(r, shape)));
        yield "APP1 " + shape.get(0);
      }
      case "icc" -> {
        jpeg.head.add(0, new Segment(0xe2, JpegTables.iccChunk(r)));
        yield "APP2 ICC_PROFILE garbage";
      }
      case "sos" -> JpegTables.sos(jpeg, r);
      case "rst-markers" -> {
        int n = 1 + r.nextInt(5);
        for (int i = 0; i < n && jpeg.tail.length > 16; i++) {
          int at = 14 + r.nextInt(jpeg.tail.length - 14);
          int marker = new int[] {0xd0 + r.nextInt(8), 0xd9, 0xd8, 0xc4, 0xff, 0x01}[r.nextInt(6)];
          jpeg.tail = ByteMutator.splice(jpeg.tail, at, 0, new byte[] {(byte) 0xff, (byte) marker});
        }
        yield n + " markers in the scan";
      }
      case "drop-segment" -> {
        int k = r.nextInt(jpeg.head.size());
        yield "0x" + Integer.toHexString(jpeg.head.remove(k).marker());
      }
      case "duplicate-segment" -> {
        int k = r.nextInt(jpeg.head.size());
        Segment s = jpeg.head.get(k);
        jpeg.head.add(k + r.nextInt(jpeg.head.size() - k + 1), new Segment(s.marker(), s.payload().clone()));
        yield "0x" + Integer.toHexString(s.marker());
      }
      case "adobe" -> {
        byte[] app14 = Arrays.copyOf("Adobe".getBytes(StandardCharsets.US_ASCII), 12);
        int transform = new int[] {0, 1, 2, 3, 255}[r.nextInt(5)];
        app14[5] = 0;
        app14[6] = 100;
        app14[11] = (byte) transform;
        jpeg.head.add(r.nextInt(jpeg.head.size() + 1), new Segment(0xee, app14));
        yield "APP14 transform " + transform + " on " + components + " components";
      }
      case "scan-bytes" -> {
        int n = 1 + r.nextInt(64);
        for (int i = 0; i < n && jpeg.tail.length > 16; i++) {
          jpeg.tail[14 + r.nextInt(jpeg.tail.length - 14)] = (byte) r.nextInt(256);
        }
        yield n + " bytes";
      }
      default -> {
        int n = 1 + r.nextInt(r.nextBoolean() ? 3 : 50);
        for (int i = 0; i < n; i++) {
          byte[] junk = new byte[r.nextInt(r.nextInt(8) == 0 ? 65533 : 200)];
          r.nextBytes(junk);
          jpeg.head.add(r.nextInt(jpeg.head.size() + 1), new Segment(r.nextInt(8) == 0 ? 0xfe : 0xe0 + r.nextInt(16), junk));
        }
        yield n + " APPn/COM segments";
      }
    };
    did.add(op + " " + detail);
  }
}
