package nws.watermark.benchmarks.fuzz;

import java.util.List;
import java.util.Random;
import nws.watermark.benchmarks.fuzz.IsoBoxes.Box;

/**
 * The HEIF operations that read a box's fields before patching them, apart from
 * {@link IsoBmffMutator} to keep both short: iloc extents, iref references, item properties.
 * Each answers what it did.
 */
final class IsoFields {

  private IsoFields() {}

  /** The field widths, the item count, or the first extent's offset or length. */
  static String iloc(byte[] f, Box iloc, Random r) {
    int at = iloc.content();
    int version = Endian.u8(f, iloc.offset() + iloc.header());
    int offsetSize = Endian.u8(f, at) >> 4;
    int lengthSize = Endian.u8(f, at) & 15;
    int baseSize = Endian.u8(f, at + 1) >> 4;
    int indexSize = version >= 1 ? Endian.u8(f, at + 1) & 15 : 0;
    switch (r.nextInt(4)) {
      case 0 -> {
        int sizes = new int[] {0x00, 0x88, 0x44, 0xff, 0x48, 0x84}[r.nextInt(6)];
        Endian.put8(f, at, sizes);
        return "offset/length sizes 0x" + Integer.toHexString(sizes);
      }
      case 1 -> {
        Endian.put16be(f, at + 2, version < 2 ? 0xffff : 0);
        return "item count " + (version < 2 ? 0xffff : 0);
      }
      default -> {
        int item = at + 2 + (version < 2 ? 2 : 4);
        int extent = item + (version < 2 ? 2 : 4) + (version >= 1 ? 2 : 0) + 2 + baseSize + 2 + indexSize;
        boolean offset = r.nextBoolean();
        int field = offset ? extent : extent + offsetSize;
        int width = offset ? offsetSize : lengthSize;
        long v = new long[] {0, f.length, f.length + 1L, 0x7fffffffL, 0xffffffffL, 1}[r.nextInt(6)];
        if (width == 4) {
          Endian.put32be(f, field, v);
        } else if (width == 8) {
          Endian.put32be(f, field, 0);
          Endian.put32be(f, field + 4, v);
        } else {
          return "skipped: a " + width + "-byte field";
        }
        return "first extent " + (offset ? "offset " : "length ") + v;
      }
    }
  }

  /** A reference made to point at its own item, or a reference count that lies. */
  static String iref(byte[] f, Box iref, List<Box> boxes, Random r) {
    Box ref = boxes.stream().filter(b -> b.offset() > iref.offset() && b.offset() < iref.offset() + iref.size())
        .findFirst().orElse(null);
    if (ref == null) {
      return "skipped: no reference in iref";
    }
    int at = ref.offset() + ref.header();
    if (r.nextBoolean()) {
      Endian.put16be(f, at + 4, Endian.u16be(f, at));
      return ref.type() + " from item " + Endian.u16be(f, at) + " to itself";
    }
    Endian.put16be(f, at + 2, 0xffff);
    return ref.type() + " count 65535";
  }

  /** One item property patched: rotation, clean aperture, pixel info, colour, codec configuration. */
  static String property(byte[] f, List<Box> boxes, Random r) {
    List<Box> props = boxes.stream()
        .filter(b -> List.of("irot", "imir", "clap", "pixi", "colr", "av1C", "hvcC", "auxC").contains(b.type())).toList();
    if (props.isEmpty()) {
      return "skipped: no property";
    }
    Box p = props.get(r.nextInt(props.size()));
    int at = p.content();
    int length = (int) p.size() - (at - p.offset());
    switch (p.type()) {
      case "clap" -> {
        for (int i = 0; i < 8; i++) {
          Endian.put32be(f, at + 4 * i, r.nextBoolean() ? 0 : Endian.edge(r, 32, 1));
        }
        return "clap fractions with zero or edge numerators and denominators";
      }
      case "colr" -> {
        IsoBmffMutator.patch(f, at, new String[] {"nclx", "prof", "rICC", "xxxx"}[r.nextInt(4)]);
        for (int i = 4; i < length; i++) {
          Endian.put8(f, at + i, r.nextInt(256));
        }
        return "colr type and values garbage";
      }
      default -> {
        int n = 1 + r.nextInt(Math.max(1, Math.min(8, length)));
        for (int i = 0; i < n; i++) {
          Endian.put8(f, at + r.nextInt(Math.max(1, length)), r.nextInt(256));
        }
        return p.type() + " " + n + " bytes";
      }
    }
  }
}
