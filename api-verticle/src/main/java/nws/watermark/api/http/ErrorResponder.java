package nws.watermark.api.http;

import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import nws.watermark.api.http.upload.Malformed;
import nws.watermark.shared.ErrorCode;
import nws.watermark.shared.Options;
import nws.watermark.shared.ServiceException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes every failure the same way: the code's status and {@code {"error", "message"}}, with no
 * stack trace or path in the body. A request whose body was not read to the end gets
 * {@code Connection: close}, so an unread upload can never be taken for the next request.
 */
public final class ErrorResponder {

  private static final Logger log = LoggerFactory.getLogger(ErrorResponder.class);

  /** How long an answered request's unread body is drained before the connection is closed. */
  private static final long LINGER_MS = 1000;

  private final int retryAfterSeconds;

  public ErrorResponder(int retryAfterSeconds) {
    this.retryAfterSeconds = retryAfterSeconds;
  }

  /** Router failure handler: a thrown or failed error, or a bare status from the router. */
  public void handle(RoutingContext ctx) {
    Throwable err = ctx.failure();
    // Vert.x's CORS handler refuses an origin with a bare 403 and an exception of its own.
    if (err == null || (ctx.statusCode() == 403 && !(err instanceof ServiceException))) {
      respond(ctx, fromStatus(ctx));
    } else {
      respond(ctx, err);
    }
  }

  public void respond(RoutingContext ctx, Throwable err) {
    if (ctx.response().closed()) {
      // The client left: there is nobody to answer, and nothing went wrong here.
      return;
    }
    err = Malformed.or(err);
    ErrorCode code = ErrorCode.of(err);
    if (code == ErrorCode.INTERNAL) {
      log.error("{} {} failed", ctx.request().method(), ctx.request().path(), err);
    }
    HttpServerResponse response = ctx.response();
    if (response.headWritten()) {
      ctx.request().connection().close();
      return;
    }
    response.setStatusCode(code.status())
        .putHeader(HttpHeaders.CONTENT_TYPE, "application/json; charset=utf-8")
        .putHeader(HttpHeaders.CACHE_CONTROL, "no-store");
    int retryAfter = err instanceof ServiceException se && se.retryAfterSeconds() > 0 ? se.retryAfterSeconds()
        : retryAfterSeconds;
    if (code == ErrorCode.BUSY || code == ErrorCode.RATE_LIMITED) {
      response.putHeader(HttpHeaders.RETRY_AFTER, Integer.toString(retryAfter));
    }
    if (code == ErrorCode.UNAUTHORIZED) {
      response.putHeader("WWW-Authenticate", "Bearer");
    }
    boolean stalled = code == ErrorCode.REQUEST_TIMEOUT;
    boolean bodyUnread = hasUnreadBody(ctx);
    if (bodyUnread || stalled) {
      response.putHeader(HttpHeaders.CONNECTION, "close");
    }
    String body = new JsonObject()
        .put("error", code.name())
        .put("message", ServiceException.publicMessage(err))
        .encode();
    if (stalled) {
      // A client that stopped sending gets its answer, then the connection goes: nothing to wait for.
      response.end(body).onComplete(done -> ctx.request().connection().close());
    } else {
      response.end(body);
      if (bodyUnread) {
        lingerThenClose(ctx);
      }
    }
  }

  /**
   * Reads and drops what the client is still sending for a moment before closing: closing a
   * socket with unread input resets it, and the client would lose the answer it was just sent.
   */
  private static void lingerThenClose(RoutingContext ctx) {
    var request = ctx.request();
    request.handler(ignored -> {});
    request.resume();
    ctx.vertx().setTimer(LINGER_MS, id -> request.connection().close());
  }

  private static boolean hasUnreadBody(RoutingContext ctx) {
    var request = ctx.request();
    String length = request.getHeader(HttpHeaders.CONTENT_LENGTH);
    boolean hasBody = (length != null && !length.trim().equals("0")) || request.getHeader(HttpHeaders.TRANSFER_ENCODING) != null;
    return hasBody && !request.isEnded();
  }

  private static ServiceException fromStatus(RoutingContext ctx) {
    String route = ctx.request().method() + " " + Options.clip(String.valueOf(ctx.request().path()));
    return switch (ctx.statusCode()) {
      case 404 -> new ServiceException(ErrorCode.NOT_FOUND, "no such route: " + route);
      case 405 -> new ServiceException(ErrorCode.METHOD_NOT_ALLOWED, "method not allowed: " + route);
      case 413 -> new ServiceException(ErrorCode.IMAGE_TOO_LARGE, "the request body is too large");
      case 403 -> new ServiceException(ErrorCode.ORIGIN_NOT_ALLOWED, "the origin "
          + Options.clip(String.valueOf(ctx.request().getHeader("Origin"))) + " is not in NWS_CORS_ORIGINS");
      case 400 -> Malformed.of("it could not be routed");
      default -> new ServiceException(ErrorCode.INTERNAL, "unexpected internal error; it has been logged");
    };
  }
}
