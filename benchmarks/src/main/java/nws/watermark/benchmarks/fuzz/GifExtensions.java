package nws.watermark.benchmarks.fuzz;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;

/**
 * GIF extension blocks that lie: a graphic control block of the wrong size or with a transparent
 * index past the palette, a NETSCAPE loop block with bad sizes, a long comment with no
 * terminator, plain text with garbage grid values, an unknown label.
 */
final class GifExtensions {

  private GifExtensions() {}

  static byte[] hostile(Random r) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    switch (r.nextInt(5)) {
      case 0 -> out.writeBytes(new byte[] {0x21, (byte) 0xf9, (byte) new int[] {4, 0, 3, 5, 255}[r.nextInt(5)],
          (byte) (0x1c | r.nextInt(2)), 0, 0, (byte) 255, 0});
      case 1 -> {
        out.writeBytes(new byte[] {0x21, (byte) 0xff, (byte) (r.nextBoolean() ? 11 : 200)});
        out.writeBytes("NETSCAPE2.0".getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(new byte[] {(byte) (r.nextBoolean() ? 3 : 0), 1, (byte) 0xff, (byte) 0xff, 0});
      }
      case 2 -> {
        out.writeBytes(new byte[] {0x21, (byte) 0xfe});
        byte[] comment = new byte[255];
        Arrays.fill(comment, (byte) 'c');
        for (int i = 1 + r.nextInt(256); i > 0; i--) {
          out.write(255);
          out.writeBytes(comment);
        }
        if (r.nextBoolean()) {
          out.write(0);
        }
      }
      case 3 -> {
        byte[] text = new byte[12];
        r.nextBytes(text);
        out.writeBytes(new byte[] {0x21, 0x01, 12});
        out.writeBytes(text);
        out.writeBytes(new byte[] {3, 'a', 'b', 'c', 0});
      }
      default -> out.writeBytes(new byte[] {0x21, 0x77, 3, 1, 2, 3, 0});
    }
    return out.toByteArray();
  }

  static String describe(byte[] ext) {
    return switch (ext[1] & 0xff) {
      case 0xf9 -> "graphic control, block size " + (ext[2] & 0xff);
      case 0xff -> "application NETSCAPE2.0, block size " + (ext[2] & 0xff);
      case 0xfe -> "comment of " + ext.length + " bytes" + (ext[ext.length - 1] == 0 ? "" : ", unterminated");
      case 0x01 -> "plain text, random grid";
      default -> "unknown label 0x" + Integer.toHexString(ext[1] & 0xff);
    };
  }
}
