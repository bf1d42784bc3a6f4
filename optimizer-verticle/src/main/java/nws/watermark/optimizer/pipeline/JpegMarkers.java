package nws.watermark.optimizer.pipeline;

/** Reads JPEG marker segments up to the first scan, without decoding anything; drops the JFIF segment. */
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


  /**
   * {@code jpeg} without the JFIF APP0 segment the encoders write right after SOI: 18 bytes that
   * say "YCbCr, no density", which every decoder assumes of a 3-component JPEG anyway (sharp
   * writes none either). Anything else is returned as it is.
   */
  static byte[] withoutJfif(byte[] jpeg) {
    if (jpeg.length < 11 || (jpeg[0] & 0xff) != 0xFF || (jpeg[1] & 0xff) != SOI
        || (jpeg[2] & 0xff) != 0xFF || (jpeg[3] & 0xff) != 0xE0
        || jpeg[6] != 'J' || jpeg[7] != 'F' || jpeg[8] != 'I' || jpeg[9] != 'F' || jpeg[10] != 0) {
      return jpeg;
    }
    int segment = 2 + ((jpeg[4] & 0xff) << 8 | (jpeg[5] & 0xff));
    if (2 + segment >= jpeg.length) {
      return jpeg;
    }
    byte[] out = new byte[jpeg.length - segment];
    out[0] = jpeg[0];
    out[1] = jpeg[1];
    System.arraycopy(jpeg, 2 + segment, out, 2, jpeg.length - 2 - segment);
    return out;
  }
}
