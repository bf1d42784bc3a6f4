package nws.watermark.api.http;

import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import nws.watermark.api.Variants.Served;
import nws.watermark.api.cache.CacheKey;

/** Writes a rendered image with the headers a browser and a CDN need. */
final class ImageResponder {

  static final String X_CACHE = "X-Cache";
  static final String X_IMAGE_ID = "X-Image-Id";
  static final String X_IMAGE_WIDTH = "X-Image-Width";
  static final String X_IMAGE_HEIGHT = "X-Image-Height";

  private final String cacheControl;

  ImageResponder(long maxAgeSeconds) {
    // Content-addressed: a key's bytes never change, so caches may keep them as long as they like.
    this.cacheControl = "public, max-age=" + maxAgeSeconds + ", immutable";
  }

  void send(RoutingContext ctx, Served served) {
    HttpServerResponse response = headers(ctx, served.key())
        .putHeader(HttpHeaders.CONTENT_TYPE, served.image().contentType())
        .putHeader(X_CACHE, served.hit() ? "HIT" : "MISS")
        .putHeader(X_IMAGE_WIDTH, Integer.toString(served.image().width()))
        .putHeader(X_IMAGE_HEIGHT, Integer.toString(served.image().height()))
        // JPEG and PNG are compressed already: gzip would cost CPU and save nothing.
        .putHeader(HttpHeaders.CONTENT_ENCODING, HttpHeaders.IDENTITY);
    response.end(served.image().bytes());
  }

  /** 304 for a client that already holds this variant: nothing is loaded or decoded. */
  void notModified(RoutingContext ctx, CacheKey key) {
    headers(ctx, key).setStatusCode(304).end();
  }

  static boolean matches(RoutingContext ctx, CacheKey key) {
    String inm = ctx.request().getHeader(HttpHeaders.IF_NONE_MATCH);
    if (inm == null) {
      return false;
    }
    for (String tag : inm.split(",")) {
      String t = tag.trim();
      if (t.equals("*") || t.equals(key.etag()) || t.equals("W/" + key.etag())) {
        return true;
      }
    }
    return false;
  }

  private HttpServerResponse headers(RoutingContext ctx, CacheKey key) {
    return ctx.response()
        .putHeader(HttpHeaders.ETAG, key.etag())
        .putHeader(X_IMAGE_ID, key.sha256())
        .putHeader(HttpHeaders.CACHE_CONTROL, cacheControl)
        .putHeader(HttpHeaders.VARY, HttpHeaders.ACCEPT_ENCODING);
  }
}
