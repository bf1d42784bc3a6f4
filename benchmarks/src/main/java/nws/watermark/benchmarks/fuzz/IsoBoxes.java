package nws.watermark.benchmarks.fuzz;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The boxes of an ISO BMFF file (HEIC, AVIF) as a flat list with absolute offsets, descending into
 * the containers a HEIF reader walks (meta, iprp, ipco, iinf, iref, dinf, ...). The mutator patches
 * fields in place, so offsets into mdat stay where the iloc box says they are.
 */
final class IsoBoxes {

  /** One box: type, where it starts, its header length (8, or 16 with a 64-bit size) and its size. */
  record Box(String type, int offset, int header, long size) {
    /** Where the box's content starts, past a full box's version and flags when it has them. */
    int content() {
      return offset + header + (FULL_BOXES.contains(type) ? 4 : 0);
    }
  }

  private static final Set<String> CONTAINERS = Set.of("meta", "iprp", "ipco", "iinf", "iref", "dinf", "dref", "moov",
      "trak", "mdia", "minf", "stbl", "grpl");
  static final Set<String> FULL_BOXES = Set.of("meta", "iinf", "iref", "dref", "pitm", "iloc", "ispe", "ipma", "hdlr",
      "infe", "pixi", "auxC", "idat");

  private IsoBoxes() {}

  static List<Box> parse(byte[] file) {
    List<Box> boxes = new ArrayList<>();
    walk(file, 0, file.length, boxes, 0);
    return boxes;
  }

  /** The first box of {@code type}, or null. */
  static Box find(List<Box> boxes, String type) {
    return boxes.stream().filter(b -> b.type().equals(type)).findFirst().orElse(null);
  }

  private static void walk(byte[] b, int start, int end, List<Box> boxes, int depth) {
    int i = start;
    while (i + 8 <= end && depth < 8) {
      long size = Endian.u32be(b, i);
      String type = new String(b, i + 4, 4, StandardCharsets.ISO_8859_1);
      int header = 8;
      if (size == 1) {
        size = (Endian.u32be(b, i + 8) << 32) | Endian.u32be(b, i + 12);
        header = 16;
      } else if (size == 0) {
        size = end - i;
      }
      if (size < header || size > end - i) {
        return;
      }
      Box box = new Box(type, i, header, size);
      boxes.add(box);
      if (CONTAINERS.contains(type)) {
        int children = box.content() + switch (type) {
          case "iinf" -> Endian.u8(b, box.offset() + header) == 0 ? 2 : 4;
          case "dref" -> 4;
          default -> 0;
        };
        walk(b, children, (int) (i + size), boxes, depth + 1);
      }
      i += (int) size;
    }
  }
}
