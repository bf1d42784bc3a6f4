package nws.watermark.api.http;

import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerFileUpload;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.internal.buffer.BufferInternal;
import io.vertx.core.streams.ReadStream;
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
 * budget; a request over either is answered at once, without reading the rest. When the memory
 * budget cannot take an upload of the declared size, it goes to a temporary file instead
 * ({@link UploadSpool}) and is read back once the budget admits it, so uploads wait on disk rather
 * than filling the heap or being refused.
 */
final class UploadReceiver {

  static final String FIELD = "image";
  /** Room for the multipart envelope around the image when checking Content-Length. */
  private static final long MULTIPART_OVERHEAD = 64 * 1024;

  private final HttpServerRequest request;
  private final Vertx vertx;
  private final long maxBytes;
  private final Admission admission;
  private final Promise<Upload> promise = Promise.promise();
  private final MessageDigest digest = CacheKey.digest();
  private final UploadBytes body = new UploadBytes();
  /** Multipart chunks are views into the decoder's own buffer, which it reuses: they are copied. */
  private boolean copyChunks;
  private String contentType;
  private long reserved;
  private boolean sawImage;
  private UploadSpool spool;
  /** This upload's wait for memory once it is all on disk; given up if the client leaves first. */
  private Future<Void> memoryWait;
  /** Counted in the admission's waiting room on disk, until admitted or ended. */
  private boolean spooling;
  private ReadStream<Buffer> source;
  private long received;
  private boolean ended;

  private UploadReceiver(RoutingContext ctx, long maxBytes, Admission admission) {
    this.request = ctx.request();
    this.vertx = ctx.vertx();
    this.maxBytes = maxBytes;
    this.admission = admission;
    // Whatever happens to the request, its bytes leave the budget when the exchange ends.
    ctx.addEndHandler(v -> admission.releaseBytes(reserved));
    ctx.addEndHandler(v -> endExchange());
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
    boolean toDisk = declared > 0 && !admission.fitsNow(declared);
    if (toDisk && !admission.startSpooling()) {
      return Future.failedFuture(admission.waitingRoomFull());
    }
    spooling = toDisk;
    if (declared > 0 && !toDisk) {
      // Reserve the declared size now, so a burst of uploads cannot all start in memory.
      admission.reserveBytes(declared);
      reserved = declared;
    }
    if (toDisk) {
      // No byte may arrive before the temporary file is open.
      request.pause();
    }
    if (multipart) {
      request.setExpectMultipart(true);
      request.uploadHandler(this::onFile);
    } else {
      contentType = type;
      sawImage = true;
      source = request;
      request.handler(this::onChunk);
    }
    request.exceptionHandler(promise::tryFail);
    request.endHandler(v -> onEnd());
    if ("100-continue".equalsIgnoreCase(request.getHeader(HttpHeaders.EXPECT))) {
      request.response().writeContinue();
    }
    if (toDisk) {
      UploadSpool.create(vertx).onSuccess(this::spoolThenResume).onFailure(promise::tryFail);
    } else {
      request.resume();
    }
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
    copyChunks = true;
    contentType = mediaType(file.contentType());
    source = file;
    file.handler(this::onChunk);
  }

  private void onChunk(Buffer chunk) {
    if (promise.future().isComplete()) {
      return;
    }
    if (spool != null) {
      onSpooledChunk(chunk);
      return;
    }
    int n = chunk.length();
    if (body.length() + n > maxBytes) {
      promise.tryFail(tooLarge(body.length() + n));
      return;
    }
    long beyondReserved = body.length() + n - reserved;
    if (beyondReserved > 0) {
      if (!admission.reserveBytes(beyondReserved)) {
        promise.tryFail(admission.bytesExhausted());
        return;
      }
      reserved += beyondReserved;
    }
    digest.update(((BufferInternal) chunk).getByteBuf().nioBuffer());
    body.add(copyChunks ? chunk.copy() : chunk);
  }

  private void onEnd() {
    if (spool != null) {
      onSpooledEnd();
      return;
    }
    if (!sawImage || body.length() == 0) {
      promise.tryFail(missing());
      return;
    }
    MultiMap fields = request.isExpectMultipart() ? request.formAttributes() : MultiMap.caseInsensitiveMultiMap();
    promise.tryComplete(new Upload(body, HexFormat.of().formatHex(digest.digest()), contentType, fields));
  }

  private void spoolThenResume(UploadSpool created) {
    spool = created;
    if (ended) {
      spool.delete();
      return;
    }
    request.resume();
  }

  /** A chunk of an upload going to disk: hashed and counted like any other, but not held. */
  private void onSpooledChunk(Buffer chunk) {
    received += chunk.length();
    if (received > maxBytes) {
      promise.tryFail(tooLarge(received));
      return;
    }
    digest.update(((BufferInternal) chunk).getByteBuf().nioBuffer());
    spool.write(chunk, source);
  }

  /** All on disk: wait for the memory budget, then read the upload back and go on as usual. */
  private void onSpooledEnd() {
    if (promise.future().isComplete()) {
      return;
    }
    if (!sawImage || received == 0) {
      promise.tryFail(missing());
      return;
    }
    String sha256 = HexFormat.of().formatHex(digest.digest());
    MultiMap fields = request.isExpectMultipart() ? request.formAttributes() : MultiMap.caseInsensitiveMultiMap();
    long size = received;
    memoryWait = admission.awaitBytes(size);
    memoryWait
        .compose(v -> admitted(size))
        .map(bytes -> new Upload(UploadBytes.of(bytes), sha256, contentType, fields))
        .onSuccess(promise::tryComplete)
        .onFailure(promise::tryFail);
  }

  private Future<Buffer> admitted(long size) {
    leaveWaitingRoom();
    if (ended) {
      // The client left while this upload waited: give the memory back at once.
      admission.releaseBytes(size);
      return Future.failedFuture(new ServiceException(ErrorCode.BUSY, "the client closed the request"));
    }
    reserved += size;
    return spool.readAll();
  }

  private void endExchange() {
    ended = true;
    if (memoryWait != null && !memoryWait.isComplete()) {
      admission.cancelWait(memoryWait);
    }
    leaveWaitingRoom();
    if (spool != null) {
      spool.delete();
    }
  }

  private void leaveWaitingRoom() {
    if (spooling) {
      spooling = false;
      admission.endSpooling();
    }
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
