package nws.watermark.api.format;

import io.vertx.core.buffer.Buffer;

/**
 * Whether an original may have transparency, from its first bytes alone: PNG with an alpha colour
 * type or a {@code tRNS} chunk, GIF with a transparent colour, WebP with alpha, BMP with 32 bits.
 * Used by {@code format=auto} to answer PNG instead of JPEG when neither AVIF nor WebP is taken.
 */
public final class AlphaSniffer {

  private AlphaSniffer() {}

  public static boolean mayHaveAlpha(Buffer b) {
    int n = b.length();
    if (n >= 26 && b.getInt(0) == 0x89504E47) {
      return png(b);
    }
    if (n >= 13 && b.getByte(0) == 'G' && b.getByte(1) == 'I' && b.getByte(2) == 'F') {
      return gif(b);
    }
    if (n >= 30 && b.getInt(0) == 0x52494646 && b.getInt(8) == 0x57454250) {
      return webp(b);
    }
    return n >= 30 && b.getByte(0) == 'B' && b.getByte(1) == 'M' && (b.getUnsignedShortLE(28) == 32);
  }

  /** Colour type 4 or 6 (grey or RGB with alpha), or a tRNS chunk before the image data. */
  private static boolean png(Buffer b) {
    int colourType = b.getUnsignedByte(25);
    if (colourType == 4 || colourType == 6) {
      return true;
    }
    for (int at = 8; at + 8 <= b.length(); ) {
      long length = b.getUnsignedInt(at);
      String type = b.getString(at + 4, at + 8, "ISO-8859-1");
      if (type.equals("tRNS")) {
        return true;
      }
      if (type.equals("IDAT") || length > b.length()) {
        return false;
      }
      at += 12 + (int) length;
    }
    return false;
  }

  /** A Graphic Control Extension with the transparent-colour flag, before the first image. */
  private static boolean gif(Buffer b) {
    int at = 13;
    int flags = b.getUnsignedByte(10);
    if ((flags & 0x80) != 0) {
      at += 3 * (1 << ((flags & 7) + 1));
    }
    while (at + 3 < b.length() && b.getUnsignedByte(at) == 0x21) {
      if (b.getUnsignedByte(at + 1) == 0xF9 && at + 4 < b.length()) {
        return (b.getUnsignedByte(at + 3) & 1) != 0;
      }
      at += 2;
      while (at < b.length() && b.getUnsignedByte(at) != 0) {
        at += b.getUnsignedByte(at) + 1;
      }
      at++;
    }
    return false;
  }

  /** VP8X with its alpha flag, or a lossless VP8L with alpha in use. */
  private static boolean webp(Buffer b) {
    int chunk = b.getInt(12);
    if (chunk == 0x56503858) {
      return (b.getUnsignedByte(20) & 0x10) != 0;
    }
    if (chunk == 0x5650384C) {
      return (b.getUnsignedByte(24) & 0x10) != 0;
    }
    return false;
  }
}
