package nws.watermark.api.http;

import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.net.impl.ConnectionBase;
import io.vertx.ext.web.RoutingContext;
import java.util.HashMap;
import java.util.Map;

/**
 * Closes a connection whose request headers do not arrive in time: within
 * {@code NWS_HEADER_TIMEOUT_MS} of connecting, and within the keep-alive idle time plus that after
 * the previous answer. A client dripping a header line a byte at a time (slowloris) so holds a
 * connection for seconds, not forever. Confined to the API verticle's event loop.
 */
final class HeaderDeadline implements Handler<RoutingContext> {

  private final Vertx vertx;
  private final long headerMs;
  private final long idleMs;
  private final Map<HttpConnection, Long> timers = new HashMap<>();
  private long cutOff;

  HeaderDeadline(Vertx vertx, long headerMs, long idleMs) {
    this.vertx = vertx;
    this.headerMs = headerMs;
    this.idleMs = idleMs;
  }

  /** For {@code HttpServer.connectionHandler}: the first request's headers must come in time. */
  void connected(HttpConnection connection) {
    arm(connection, headerMs);
    connection.closeHandler(v -> disarm(connection));
  }

  /** First in every route: the headers are in; the next request's deadline starts with this answer. */
  @Override
  public void handle(RoutingContext ctx) {
    HttpConnection connection = ctx.request().connection();
    disarm(connection);
    // A connection closed by then is disarmed again by its close handler.
    ctx.addEndHandler(done -> arm(connection, idleMs + headerMs));
    ctx.next();
  }

  /** Connections closed for headers that never came, since start. */
  long cutOff() {
    return cutOff;
  }

  private void arm(HttpConnection connection, long ms) {
    disarm(connection);
    timers.put(connection, vertx.setTimer(ms, t -> {
      if (timers.remove(connection) != null) {
        cutOff++;
        cut(connection);
      }
    }));
  }

  /**
   * Closes the socket itself. {@code HttpConnection.close()} is a graceful shutdown that, on HTTP/1.1,
   * waits for the request in progress to end: a request whose headers never end would keep it open.
   */
  private static void cut(HttpConnection connection) {
    if (connection instanceof ConnectionBase base) {
      base.channel().close();
    } else {
      connection.close();
    }
  }

  private void disarm(HttpConnection connection) {
    Long timer = timers.remove(connection);
    if (timer != null) {
      vertx.cancelTimer(timer);
    }
  }
}
