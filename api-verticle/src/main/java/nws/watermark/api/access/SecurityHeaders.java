package nws.watermark.api.access;

import io.vertx.core.Handler;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;

/**
 * Headers every answer carries so a browser cannot be turned against the service: no MIME
 * sniffing anywhere; on the page and JSON answers also a Content-Security-Policy that allows only
 * the page's own script, style and images (it has no inline script), no framing, and no referrer
 * sent to other sites. An image answer keeps only {@code nosniff}: there is nothing in it to run.
 */
final class SecurityHeaders implements Handler<RoutingContext> {

  static final String CSP = "default-src 'self'; img-src 'self' blob: data:; object-src 'none'; base-uri 'none'; "
      + "form-action 'self'; frame-ancestors 'none'";

  @Override
  public void handle(RoutingContext ctx) {
    ctx.addHeadersEndHandler(v -> {
      MultiMap headers = ctx.response().headers();
      headers.set("X-Content-Type-Options", "nosniff");
      String type = headers.get(HttpHeaders.CONTENT_TYPE);
      if (type == null || !type.startsWith("image/")) {
        headers.set("Content-Security-Policy", CSP);
        headers.set("Referrer-Policy", "no-referrer");
        headers.set("X-Frame-Options", "DENY");
      }
    });
    ctx.next();
  }
}
