package nws.watermark.benchmarks.fuzz;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import java.util.Random;

/**
 * TIFF blocks (the body of an EXIF segment) made to hurt a metadata parser: IFD chains that loop
 * (next-IFD back to IFD0, an Exif or GPS sub-IFD pointing at its parent or itself), offsets past
 * the end, entry counts and value counts that overflow, types that do not exist, an orientation
 * anywhere in 0..65535, and a thumbnail that lies about where it is. Wrapped as a JPEG APP1, a PNG
 * eXIf chunk or a WebP EXIF chunk by the format mutators.
 */
final class ExifBlocks {

  private static final int IFD0 = 8;
  private static final int EXIF_IFD = 200;
  private static final int GPS_IFD = 320;
  private static final int SIZE = 512;

  private ExifBlocks() {}

  /** "Exif\0\0" and a hostile TIFF block: a JPEG APP1 payload. */
  static byte[] app1(Random r, List<String> did) {
    return Multipart.concat(new byte[] {'E', 'x', 'i', 'f', 0, 0}, tiff(r, did));
  }

  static byte[] tiff(Random r, List<String> did) {
    boolean little = r.nextBoolean();
    ByteBuffer b = ByteBuffer.allocate(SIZE).order(little ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN);
    b.put(little ? new byte[] {'I', 'I'} : new byte[] {'M', 'M'}).putShort((short) 42).putInt(IFD0);
    int orientation = new int[] {0, 1, 3, 6, 8, 9, 255, 65535}[r.nextInt(8)];
    String shape = new String[] {"next-ifd-loop", "exif-ifd-loop", "self-loop", "offsets-out-of-range",
        "huge-counts", "bad-types", "thumbnail-out-of-range", "entry-count-lie"}[r.nextInt(8)];
    int entries = 5;
    b.position(IFD0).putShort((short) (shape.equals("entry-count-lie") ? 0xffff : entries));
    entry(b, 0x0112, 3, 1, orientation << (little ? 0 : 16));
    entry(b, 0x8769, 4, 1, switch (shape) {
      case "exif-ifd-loop" -> IFD0;
      case "offsets-out-of-range" -> 0x7ffffff0;
      default -> EXIF_IFD;
    });
    entry(b, 0x8825, 4, 1, shape.equals("self-loop") ? GPS_IFD : shape.equals("exif-ifd-loop") ? EXIF_IFD : GPS_IFD);
    entry(b, 0x010f, shape.equals("bad-types") ? 0 : 2, shape.equals("huge-counts") ? 0x7fffffff : 40,
        shape.equals("offsets-out-of-range") ? SIZE + 4096 : 400);
    entry(b, 0x011a, shape.equals("bad-types") ? 99 : 5, shape.equals("huge-counts") ? 0x20000000 : 1, 440);
    b.putInt(switch (shape) {
      case "next-ifd-loop" -> IFD0;
      case "thumbnail-out-of-range" -> 120;
      default -> 0;
    });
    thumbnailIfd(b, shape.equals("thumbnail-out-of-range"));
    subIfd(b, EXIF_IFD, shape.equals("self-loop") ? EXIF_IFD : IFD0, shape.equals("exif-ifd-loop"));
    subIfd(b, GPS_IFD, shape.equals("self-loop") ? GPS_IFD : 0, shape.equals("self-loop"));
    did.add("exif " + shape + " orientation=" + orientation + (little ? " II" : " MM"));
    return b.array();
  }

  /** IFD1 at 120: a thumbnail whose offset and length point past the block. */
  private static void thumbnailIfd(ByteBuffer b, boolean lie) {
    b.position(120).putShort((short) 2);
    entry(b, 0x0201, 4, 1, lie ? 0x7fff0000 : 460);
    entry(b, 0x0202, 4, 1, lie ? 0x7fffffff : 16);
    b.putInt(lie ? 120 : 0);
  }

  /** A sub-IFD at {@code at}; an interop pointer back to {@code loopTo}, and a next-IFD loop when asked. */
  private static void subIfd(ByteBuffer b, int at, int loopTo, boolean nextLoops) {
    b.position(at).putShort((short) 3);
    entry(b, 0x9003, 2, 20, 400);
    entry(b, 0x927c, 7, 64, IFD0);
    entry(b, 0xa005, 4, 1, loopTo == 0 ? at : loopTo);
    b.putInt(nextLoops ? at : 0);
  }

  private static void entry(ByteBuffer b, int tag, int type, int count, int value) {
    b.putShort((short) tag).putShort((short) type).putInt(count).putInt(value);
  }
}
