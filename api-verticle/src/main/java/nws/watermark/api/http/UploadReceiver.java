package nws.watermark.api.http;

import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Promise;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerFileUpload;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.internal.buffer.BufferInternal;
import io.vertx.ext.web.RoutingContext;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Locale;
import nws.watermark.api.cache.CacheKey;
import nws.watermark.api.dispatch.Admission;
import nws.watermark.shared.ErrorCode;
import nws.watermark.shared.ServiceException;

/**
 * Receives one upload as it streams in: a multipart field {@code image} or a raw {@code image/*}
 * body. Bytes are hashed chunk by chunk and counted against the upload limit and the node's byte
 * budget; a request over either is answered at once, without reading the rest.
 */
final class UploadReceiver {

  static final String FIELD = "image";
  /** Room for the multipart envelope around the image when checking Content-Length. */
  private static final long MULTIPART_OVERHEAD = 64 * 1024;

  private final HttpServerRequest request;
  private final long maxBytes;
  private final Admission admission;
  private final Promise<Upload> promise = Promise.promise();
  private final MessageDigest digest = CacheKey.digest();
  private Buffer body;
  private String contentType;
  private long reserved;
  private boolean sawImage;

  private UploadReceiver(RoutingContext ctx, long maxBytes, Admission admission) {
    this.request = ctx.request();
    this.maxBytes = maxBytes;
    this.admission = admission;
    // Whatever happens to the request, its bytes leave the budget when the exchange ends.
    ctx.addEndHandler(v -> admission.releaseBytes(reserved));
  }

  /** The whole upload, or a failure with the code to answer. */
  static Future<Upload> receive(RoutingContext ctx, long maxBytes, Admission admission) {
    return new UploadReceiver(ctx, maxBytes, admission).start();
  }

  private Future<Upload> start() {
    String type = mediaType(request.getHeader(HttpHeaders.CONTENT_TYPE));
    boolean multipart = type.equals("multipart/form-data");
    long declared = declaredLength();
    if (type.isEmpty() && declared <= 0) {
      return Future.failedFuture(missing());
    }
    if (!multipart && !type.startsWith("image/") && !type.equals("application/octet-stream")) {
      return Future.failedFuture(new ServiceException(ErrorCode.UNSUPPORTED_FORMAT,
          "send the image as multipart/form-data field '" + FIELD + "' or as a raw body with an image/* "
              + "Content-Type; got Content-Type '" + (type.isEmpty() ? "none" : type) + "'"));
    }
    if (declared > maxBytes + (multipart ? MULTIPART_OVERHEAD : 0)) {
      return Future.failedFuture(tooLarge(declared));
    }
    if (!multipart && declared == 0) {
      return Future.failedFuture(missing());
    }
    body = Buffer.buffer((int) Math.min(Math.max(declared, 8 * 1024), maxBytes));
    if (multipart) {
      request.setExpectMultipart(true);
      request.uploadHandler(this::onFile);
    } else {
      contentType = type;
      sawImage = true;
      request.handler(this::onChunk);
    }
    request.exceptionHandler(promise::tryFail);
    request.endHandler(v -> onEnd());
    if ("100-continue".equalsIgnoreCase(request.getHeader(HttpHeaders.EXPECT))) {
      request.response().writeContinue();
    }
    request.resume();
    return promise.future();
  }

  private void onFile(HttpServerFileUpload file) {
    if (!file.name().equals(FIELD) || sawImage) {
      promise.tryFail(new ServiceException(ErrorCode.INVALID_OPTION, sawImage
          ? "send one file in field '" + FIELD + "', not several"
          : "unexpected file field '" + file.name() + "'; send the image in field '" + FIELD + "'"));
      return;
    }
    sawImage = true;
    contentType = mediaType(file.contentType());
    file.handler(this::onChunk);
  }

  private void onChunk(Buffer chunk) {
    if (promise.future().isComplete()) {
      return;
    }
    int n = chunk.length();
    if (body.length() + n > maxBytes) {
      promise.tryFail(tooLarge(body.length() + n));
      return;
    }
    if (!admission.reserveBytes(n)) {
      promise.tryFail(admission.bytesExhausted());
      return;
    }
    reserved += n;
    digest.update(((BufferInternal) chunk).getByteBuf().nioBuffer());
    body.appendBuffer(chunk);
  }

  private void onEnd() {
    if (!sawImage || body.length() == 0) {
      promise.tryFail(missing());
      return;
    }
    MultiMap fields = request.isExpectMultipart() ? request.formAttributes() : MultiMap.caseInsensitiveMultiMap();
    promise.tryComplete(new Upload(body, HexFormat.of().formatHex(digest.digest()), contentType, fields));
  }

  private long declaredLength() {
    String raw = request.getHeader(HttpHeaders.CONTENT_LENGTH);
    try {
      return raw == null ? -1 : Long.parseLong(raw.trim());
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  private ServiceException tooLarge(long size) {
    return new ServiceException(ErrorCode.IMAGE_TOO_LARGE,
        "the upload is larger than the limit of " + maxBytes + " bytes (got " + size + " or more); send a smaller image");
  }

  private static ServiceException missing() {
    return new ServiceException(ErrorCode.MISSING_IMAGE,
        "no image in the request: send it as multipart/form-data field '" + FIELD
            + "' or as a raw body with an image/* Content-Type");
  }

  private static String mediaType(String header) {
    if (header == null) {
      return "";
    }
    int semicolon = header.indexOf(';');
    return (semicolon < 0 ? header : header.substring(0, semicolon)).trim().toLowerCase(Locale.ROOT);
  }
}
