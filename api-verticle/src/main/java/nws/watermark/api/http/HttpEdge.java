package nws.watermark.api.http;

import io.netty.handler.codec.http.QueryStringDecoder;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import java.util.concurrent.TimeUnit;
import nws.watermark.api.http.upload.CrHoldBack;
import nws.watermark.api.http.upload.FramingGuard;
import nws.watermark.api.http.upload.Malformed;
import nws.watermark.shared.Config;
import nws.watermark.shared.ErrorCode;
import nws.watermark.shared.ServiceException;

/**
 * The HTTP server itself: the routes, and what reaches no route because it is not HTTP enough to
 * route (a request line or header too long, broken framing: a JSON 400 and the connection closed),
 * the deadline on request headers, and the keep-alive idle time.
 */
public final class HttpEdge {

  private HttpEdge() {}

  /** Listens on the configured host and port with every route of {@link Routes}. */
  public static Future<HttpServer> listen(Vertx vertx, Config config, Routes.Parts parts) {
    HeaderDeadline deadline = new HeaderDeadline(vertx, config.http().headerTimeoutMs(), config.http().idleTimeoutMs());
    HttpServerOptions options = new HttpServerOptions()
        .setHost(config.http().host())
        .setPort(config.http().port())
        .setCompressionSupported(true)
        // HTTP/1.1 only: with h2c on, Vert.x sets a connection up only once its first request's
        // headers are in, too late to put a deadline on them.
        .setHttp2ClearTextEnabled(false)
        .setIdleTimeout((int) Math.min(Integer.MAX_VALUE, config.http().idleTimeoutMs()))
        .setIdleTimeoutUnit(TimeUnit.MILLISECONDS);
    Router router = Routes.create(vertx, config, parts, deadline);
    return vertx.createHttpServer(options)
        .connectionHandler(connection -> {
          deadline.connected(connection);
          CrHoldBack.install(connection);
          FramingGuard.install(connection);
        })
        .invalidRequestHandler(HttpEdge::invalid)
        .requestHandler(request -> {
          String broken = unroutable(request);
          if (broken == null) {
            router.handle(request);
          } else {
            refuse(request, Malformed.of(broken));
          }
        })
        .listen();
  }

  /**
   * Why the request cannot be routed (no Host on HTTP/1.1, a path or query with a broken
   * percent-escape), or null. Checked before routing: the router would fail on it while matching,
   * where no handler can answer it properly.
   */
  private static String unroutable(HttpServerRequest request) {
    if (request.version() == HttpVersion.HTTP_1_1 && request.getHeader(HttpHeaders.HOST) == null) {
      return "an HTTP/1.1 request needs a Host header";
    }
    try {
      QueryStringDecoder.decodeComponent(request.path());
      request.params();
      return null;
    } catch (IllegalArgumentException e) {
      return "its path or query does not decode (" + e.getMessage() + ")";
    }
  }

  /** A request the HTTP decoder could not make sense of: answered in JSON, then the connection goes. */
  private static void invalid(HttpServerRequest request) {
    Throwable cause = request.decoderResult() == null ? null : request.decoderResult().cause();
    refuse(request, Malformed.of(cause == null || cause.getMessage() == null
        ? "it is not valid HTTP/1.1" : cause.getMessage()));
  }

  private static void refuse(HttpServerRequest request, ServiceException error) {
    request.response()
        .setStatusCode(ErrorCode.MALFORMED_REQUEST.status())
        .putHeader(HttpHeaders.CONTENT_TYPE, "application/json; charset=utf-8")
        .putHeader(HttpHeaders.CONNECTION, "close")
        .end(new JsonObject().put("error", error.code().name()).put("message", error.getMessage()).encode())
        .onComplete(done -> request.connection().close());
  }
}
