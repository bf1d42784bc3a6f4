package nws.watermark.api.cluster;

import io.vertx.core.buffer.Buffer;
import java.nio.charset.StandardCharsets;
import nws.watermark.api.cache.Rendered;

/**
 * A rendered variant as one {@link Buffer} in the shared map, image bytes as they are:
 * width, height, content-type length (ints), the content type (UTF-8), then the image.
 */
final class SharedEntry {

  private SharedEntry() {}

  static Buffer encode(Rendered r) {
    byte[] type = r.contentType().getBytes(StandardCharsets.UTF_8);
    return Buffer.buffer(12 + type.length + r.bytes().length())
        .appendInt(r.width())
        .appendInt(r.height())
        .appendInt(type.length)
        .appendBytes(type)
        .appendBuffer(r.bytes());
  }

  static Rendered decode(Buffer b) {
    int typeLength = b.getInt(8);
    String type = b.getString(12, 12 + typeLength, "UTF-8");
    return new Rendered(b.slice(12 + typeLength, b.length()), type, b.getInt(0), b.getInt(4));
  }
}
