package nws.watermark.benchmarks.fuzz;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import nws.watermark.benchmarks.fuzz.IsoBoxes.Box;

/**
 * HEIC and AVIF, by ISO BMFF box: sizes (zero, one with a garbage 64-bit size, past the parent),
 * the ftyp brands, ispe sizes, iloc extents and field widths, ipma and pitm indexes, iref
 * references that point at their own item, infe item types, the properties (irot, clap, pixi,
 * colr, av1C, hvcC), mdat payload, and truncation.
 */
final class IsoBmffMutator implements Mutator {

  private static final String[] OPS = {"box-size", "ftyp", "ispe", "iloc", "ipma", "pitm", "iref", "infe",
      "property", "mdat-bytes", "truncate"};
  private static final String[] BRANDS = {"heic", "heix", "avif", "avis", "mif1", "msf1", "jpeg", "xxxx", "\0\0\0\0"};
  private static final String[] ITEM_TYPES = {"grid", "iden", "iovl", "hvc1", "av01", "Exif", "mime", "tmap", "jpeg",
      "xxxx"};

  @Override
  public byte[] mutate(byte[] seed, Random r, List<String> did) {
    byte[] file = seed.clone();
    for (int n = Mutator.opCount(r); n > 0; n--) {
      List<Box> boxes = IsoBoxes.parse(file);
      if (boxes.isEmpty()) {
        return ByteMutator.once(file, r, did);
      }
      String op = OPS[r.nextInt(OPS.length)];
      if (op.equals("truncate")) {
        int at = r.nextInt(file.length);
        did.add(op + " at " + at + " of " + file.length);
        file = Arrays.copyOf(file, at);
      } else {
        did.add(op + " " + apply(op, file, boxes, r));
      }
    }
    return file;
  }

  private static String apply(String op, byte[] f, List<Box> boxes, Random r) {
    Box box = IsoBoxes.find(boxes, switch (op) {
      case "property" -> "ipco";
      case "mdat-bytes" -> "mdat";
      default -> op;
    });
    return switch (op) {
      case "box-size" -> {
        Box b = boxes.get(r.nextInt(boxes.size()));
        long size = new long[] {0, 1, 7, 8, b.size() - 1, b.size() + 1, b.size() * 2, 0xffffffffL}[r.nextInt(8)];
        Endian.put32be(f, b.offset(), size);
        yield b.type() + " size " + size + " for " + b.size();
      }
      case "ftyp" -> {
        String brand = BRANDS[r.nextInt(BRANDS.length)];
        int at = box == null ? 8 : box.offset() + 8 + (r.nextBoolean() ? 0 : 8 + 4 * r.nextInt(3));
        patch(f, at, brand);
        yield "brand '" + brand.replace('\0', '0') + "' at " + at;
      }
      case "ispe" -> {
        List<Box> all = boxes.stream().filter(b -> b.type().equals("ispe")).toList();
        if (all.isEmpty()) {
          yield "skipped: no ispe";
        }
        Box ispe = all.get(r.nextInt(all.size()));
        long[] s = Endian.size(r, 32, Endian.u32be(f, ispe.content()), Endian.u32be(f, ispe.content() + 4));
        Endian.put32be(f, ispe.content(), s[0]);
        Endian.put32be(f, ispe.content() + 4, s[1]);
        yield s[0] + "x" + s[1];
      }
      case "iloc" -> box == null ? "skipped: no iloc" : IsoFields.iloc(f, box, r);
      case "ipma" -> {
        if (box == null) {
          yield "skipped: no ipma";
        }
        int at = box.content() + 4 + r.nextInt(Math.max(1, (int) box.size() - box.header() - 8));
        int v = new int[] {0x00, 0x7f, 0xff, 0x80}[r.nextInt(4)];
        if (r.nextInt(4) == 0) {
          Endian.put32be(f, box.content(), 0xffffffffL);
          yield "entry count 0xffffffff";
        }
        Endian.put8(f, at, v);
        yield "byte " + (at - box.offset()) + " = 0x" + Integer.toHexString(v);
      }
      case "pitm" -> {
        if (box == null) {
          yield "skipped: no pitm";
        }
        int id = new int[] {0, 2, 999, 65535}[r.nextInt(4)];
        Endian.put16be(f, box.content(), id);
        yield "primary item " + id;
      }
      case "iref" -> box == null ? "skipped: no iref" : IsoFields.iref(f, box, boxes, r);
      case "infe" -> {
        if (box == null) {
          yield "skipped: no infe";
        }
        String type = ITEM_TYPES[r.nextInt(ITEM_TYPES.length)];
        patch(f, box.content() + 4, type);
        yield "item type '" + type + "'";
      }
      case "property" -> IsoFields.property(f, boxes, r);
      default -> {
        if (box == null || box.size() <= box.header() + 2) {
          yield "skipped: no mdat";
        }
        int n = 1 + r.nextInt(64);
        for (int i = 0; i < n; i++) {
          Endian.put8(f, box.offset() + box.header() + r.nextInt((int) box.size() - box.header()), r.nextInt(256));
        }
        yield n + " bytes";
      }
    };
  }

  static void patch(byte[] f, int at, String fourcc) {
    byte[] b = fourcc.getBytes(StandardCharsets.ISO_8859_1);
    for (int i = 0; i < 4; i++) {
      Endian.put8(f, at + i, b[i]);
    }
  }
}
