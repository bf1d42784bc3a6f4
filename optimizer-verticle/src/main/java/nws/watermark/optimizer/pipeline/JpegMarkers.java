package nws.watermark.optimizer.pipeline;

import java.nio.charset.StandardCharsets;

/** Reads JPEG marker segments up to the first scan, without decoding anything. */
final class JpegMarkers {

  private static final byte[] ICC = "ICC_PROFILE\0".getBytes(StandardCharsets.US_ASCII);
  private static final int SOI = 0xD8;
  private static final int SOS = 0xDA;
  private static final int APP2 = 0xE2;

  private JpegMarkers() {}

  /**
   * True for a JPEG without an embedded ICC profile. A profile means colours that ImageIO's
   * colour management converts; libjpeg-turbo would not, so such files keep the ImageIO path.
   */
  static boolean isPlainJpeg(byte[] in, int length) {
    if (length < 4 || (in[0] & 0xFF) != 0xFF || (in[1] & 0xFF) != SOI) {
      return false;
    }
    int pos = 2;
    while (pos + 4 <= length) {
      if ((in[pos] & 0xFF) != 0xFF) {
        return false;
      }
      int marker = in[pos + 1] & 0xFF;
      if (marker == 0xFF) {
        pos++;
        continue;
      }
      if (marker == SOS) {
        return true;
      }
      int size = ((in[pos + 2] & 0xFF) << 8) | (in[pos + 3] & 0xFF);
      if (marker == APP2 && startsWith(in, pos + 4, length, ICC)) {
        return false;
      }
      pos += 2 + size;
    }
    return false;
  }

  private static boolean startsWith(byte[] in, int from, int length, byte[] prefix) {
    if (from + prefix.length > length) {
      return false;
    }
    for (int i = 0; i < prefix.length; i++) {
      if (in[from + i] != prefix[i]) {
        return false;
      }
    }
    return true;
  }
}
