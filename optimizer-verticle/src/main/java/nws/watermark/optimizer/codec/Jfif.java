package nws.watermark.optimizer.codec;

import java.util.Arrays;

/**
 * The JFIF APP0 segment libjpeg writes right after SOI: 18 bytes that say "YCbCr, no density",
 * which every decoder assumes of a 3-component JPEG anyway. sharp writes none; neither do we.
 */
public final class Jfif {

  private Jfif() {}

  /** {@code jpeg} without its JFIF segment; anything else is returned as it is. */
  public static byte[] stripped(byte[] jpeg) {
    return stripped(jpeg, jpeg.length);
  }

  /** The first {@code length} bytes of {@code jpeg}, without its JFIF segment. */
  static byte[] stripped(byte[] jpeg, int length) {
    if (length < 11 || (jpeg[0] & 0xff) != 0xFF || (jpeg[1] & 0xff) != 0xD8
        || (jpeg[2] & 0xff) != 0xFF || (jpeg[3] & 0xff) != 0xE0
        || jpeg[6] != 'J' || jpeg[7] != 'F' || jpeg[8] != 'I' || jpeg[9] != 'F' || jpeg[10] != 0) {
      return Arrays.copyOf(jpeg, length);
    }
    int segment = 2 + ((jpeg[4] & 0xff) << 8 | (jpeg[5] & 0xff));
    if (2 + segment >= length) {
      return Arrays.copyOf(jpeg, length);
    }
    byte[] out = new byte[length - segment];
    out[0] = jpeg[0];
    out[1] = jpeg[1];
    System.arraycopy(jpeg, 2 + segment, out, 2, length - 2 - segment);
    return out;
  }
}
