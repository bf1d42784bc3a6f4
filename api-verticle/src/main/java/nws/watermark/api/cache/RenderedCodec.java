package nws.watermark.api.cache;

import io.vertx.core.buffer.Buffer;
import java.nio.charset.StandardCharsets;

/**
 * How a rendered variant travels to a shared tier (Redis, the cluster's result map) and back:
 * binary, no base64 and no JSON. A 10-byte header, the content type, then the image bytes
 * untouched: {@code [version u8 = 1][width i32][height i32][type length u8][type, ASCII][image]}.
 * A value this code does not recognise decodes as null (a miss), so a format change never breaks
 * a node.
 */
public final class RenderedCodec {

  static final byte VERSION = 1;
  private static final int HEADER = 1 + 4 + 4 + 1;

  private RenderedCodec() {}

  public static Buffer encode(Rendered r) {
    byte[] type = r.contentType().getBytes(StandardCharsets.US_ASCII);
    return Buffer.buffer(HEADER + type.length + r.bytes().length())
        .appendByte(VERSION)
        .appendInt(r.width())
        .appendInt(r.height())
        .appendUnsignedByte((short) type.length)
        .appendBytes(type)
        .appendBuffer(r.bytes());
  }

  /** The variant, or null when {@code value} is not in this format. */
  public static Rendered decode(Buffer value) {
    if (value.length() < HEADER || value.getByte(0) != VERSION) {
      return null;
    }
    int typeLength = value.getUnsignedByte(9);
    int imageStart = HEADER + typeLength;
    int width = value.getInt(1);
    int height = value.getInt(5);
    if (value.length() <= imageStart || width <= 0 || height <= 0) {
      return null;
    }
    String type = value.getString(HEADER, imageStart, StandardCharsets.US_ASCII.name());
    return new Rendered(value.slice(imageStart, value.length()).copy(), type, width, height);
  }
}
