package nws.watermark.api.http.upload;

import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerFileUpload;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.streams.ReadStream;
import io.vertx.ext.web.RoutingContext;
import nws.watermark.api.admission.UploadBudget;
import nws.watermark.api.http.upload.ContentLengthGate.Declared;
import nws.watermark.shared.ErrorCode;
import nws.watermark.shared.ServiceException;

/**
 * Receives one upload as it streams in: a multipart field {@code image} or a raw {@code image/*}
 * body. The headers pass the {@link ContentLengthGate} first; then every chunk goes to an
 * {@link UploadSink} (memory, or disk while memory is spent), and a bound passed mid-stream ends
 * the upload at once, without reading the rest.
 */
public final class UploadReceiver {

  /** The multipart field the image travels in. */
  public static final String FIELD = "image";

  private final HttpServerRequest request;
  private final Vertx vertx;
  private final long idleMs;
  private final Promise<Upload> promise = Promise.promise();
  /** Fires when no byte of the body came for {@code idleMs}: the client stalled. */
  private long idleTimer = -1;
  private UploadSink sink;
  private String contentType;
  private boolean sawImage;
  /** Multipart chunks are views into the decoder's own buffer, which it reuses: they are copied. */
  private boolean copyChunks;

  private UploadReceiver(HttpServerRequest request, Vertx vertx, long idleMs) {
    this.request = request;
    this.vertx = vertx;
    this.idleMs = idleMs;
    promise.future().onComplete(done -> vertx.cancelTimer(idleTimer));
  }

  /**
   * The whole upload, or a failure with the code to answer: among them 408 when the body makes no
   * progress for {@code idleMs}.
   */
  public static Future<Upload> receive(RoutingContext ctx, long maxBytes, long idleMs, UploadBudget budget) {
    Declared declared;
    try {
      declared = ContentLengthGate.check(ctx.request(), maxBytes);
    } catch (ServiceException e) {
      return Future.failedFuture(e);
    }
    // No byte may arrive before the sink is ready (a spool file opens asynchronously).
    ctx.request().pause();
    UploadReceiver receiver = new UploadReceiver(ctx.request(), ctx.vertx(), idleMs);
    return UploadSink.open(ctx, declared.length(), maxBytes, budget)
        .compose(sink -> receiver.start(sink, declared));
  }

  private Future<Upload> start(UploadSink sink, Declared declared) {
    this.sink = sink;
    if (declared.multipart()) {
      request.setExpectMultipart(true);
      request.uploadHandler(this::onFile);
    } else {
      contentType = declared.type();
      sawImage = true;
      request.handler(chunk -> onChunk(chunk, request));
    }
    request.exceptionHandler(err -> promise.tryFail(Malformed.ofBody(err)));
    request.endHandler(v -> onEnd());
    progressed();
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
    copyChunks = true;
    contentType = ContentLengthGate.mediaType(file.contentType());
    file.handler(chunk -> onChunk(chunk, file));
  }

  private void onChunk(Buffer chunk, ReadStream<?> source) {
    if (promise.future().isComplete()) {
      return;
    }
    progressed();
    try {
      sink.accept(copyChunks ? chunk.copy() : chunk, source);
    } catch (ServiceException e) {
      promise.tryFail(e);
    }
  }

  private void onEnd() {
    if (promise.future().isComplete()) {
      return;
    }
    if (!sawImage || sink.received() == 0) {
      promise.tryFail(missing());
      return;
    }
    String sha256 = sink.sha256();
    MultiMap fields = request.isExpectMultipart() ? request.formAttributes() : MultiMap.caseInsensitiveMultiMap();
    sink.bytes()
        .map(bytes -> new Upload(bytes, sha256, contentType, fields))
        .onComplete(promise);
  }

  /** Restarts the wait for the next byte. */
  private void progressed() {
    vertx.cancelTimer(idleTimer);
    idleTimer = vertx.setTimer(idleMs, t -> promise.tryFail(new ServiceException(ErrorCode.REQUEST_TIMEOUT,
        "no byte of the upload arrived for " + idleMs + " ms; the connection is closed, send it again")));
  }

  static ServiceException missing() {
    return new ServiceException(ErrorCode.MISSING_IMAGE,
        "no image in the request: send it as multipart/form-data field '" + FIELD
            + "' or as a raw body with an image/* Content-Type");
  }
}
