package nws.watermark.api.http;

import io.vertx.core.net.SocketAddress;
import io.vertx.ext.web.RoutingContext;

/** Who a request comes from, for per-client bounds: the peer's address. */
final class ClientOf {

  private ClientOf() {}

  static String of(RoutingContext ctx) {
    SocketAddress peer = ctx.request().remoteAddress();
    return peer == null || peer.host() == null ? "unknown" : peer.host();
  }
}
