package nws.watermark.api.http.upload;

import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import java.util.Locale;
import nws.watermark.shared.ErrorCode;
import nws.watermark.shared.ServiceException;

/**
 * What an upload can be refused for from its headers alone, before a byte of its body is read:
 * no body, a type that is no image, a declared length over the limit. A huge upload so never
 * reaches memory.
 */
final class ContentLengthGate {

  /** Room for the multipart envelope around the image when checking Content-Length. */
  static final long MULTIPART_OVERHEAD = 64 * 1024;

  /** What the headers say of the body: its media type and its length ({@code -1}: not given). */
  record Declared(String type, boolean multipart, long length) {}

  private ContentLengthGate() {}

  /** The body as declared; throws the refusal when the headers alone settle it. */
  static Declared check(HttpServerRequest request, long maxBytes) {
    String type = mediaType(request.getHeader(HttpHeaders.CONTENT_TYPE));
    boolean multipart = type.equals("multipart/form-data");
    long length = declaredLength(request);
    if (type.isEmpty() && length <= 0) {
      throw UploadReceiver.missing();
    }
    if (!multipart && !type.startsWith("image/") && !type.equals("application/octet-stream")) {
      throw new ServiceException(ErrorCode.UNSUPPORTED_FORMAT,
          "send the image as multipart/form-data field '" + UploadReceiver.FIELD + "' or as a raw body with an "
              + "image/* Content-Type; got Content-Type '" + (type.isEmpty() ? "none" : type) + "'");
    }
    if (length > maxBytes + (multipart ? MULTIPART_OVERHEAD : 0)) {
      throw UploadSink.tooLarge(maxBytes, length);
    }
    if (!multipart && length == 0) {
      throw UploadReceiver.missing();
    }
    return new Declared(type, multipart, length);
  }

  static String mediaType(String header) {
    if (header == null) {
      return "";
    }
    int semicolon = header.indexOf(';');
    return (semicolon < 0 ? header : header.substring(0, semicolon)).trim().toLowerCase(Locale.ROOT);
  }

  private static long declaredLength(HttpServerRequest request) {
    String raw = request.getHeader(HttpHeaders.CONTENT_LENGTH);
    try {
      return raw == null ? -1 : Long.parseLong(raw.trim());
    } catch (NumberFormatException e) {
      return -1;
    }
  }
}
