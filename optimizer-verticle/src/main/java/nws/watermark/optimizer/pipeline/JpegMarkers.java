package nws.watermark.optimizer.pipeline;

/** Reads JPEG marker segments up to the first scan, without decoding anything. */
final class JpegMarkers {

  private static final int SOI = 0xD8;
  private static final int SOS = 0xDA;

  private JpegMarkers() {}

  /** True for a JPEG whose marker segments are well formed up to its first scan. */
  static boolean isJpeg(byte[] in, int length) {
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
      if (size < 2) {
        return false;
      }
      pos += 2 + size;
    }
    return false;
  }
}
