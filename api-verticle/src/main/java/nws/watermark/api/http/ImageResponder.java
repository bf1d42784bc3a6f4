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
  /** How long caches keep an interim answer of {@code format=auto}: the better format is on its way. */
  static final int INTERIM_MAX_AGE_SECONDS = 60;

  private final String cacheControl;

  ImageResponder(long maxAgeSeconds) {
    // Content-addressed: a key's bytes never change, so caches may keep them as long as they like.
    this.cacheControl = "public, max-age=" + maxAgeSeconds + ", immutable";
  }

  /** The image, or 304 when the client holds it already (If-None-Match with its ETag). */
  void send(RoutingContext ctx, Served served) {
    if (matches(ctx, served.key())) {
      headers(ctx, served).setStatusCode(304).end();
      return;
    }
    HttpServerResponse response = headers(ctx, served)
        .putHeader(HttpHeaders.CONTENT_TYPE, served.image().contentType())
        .putHeader(X_CACHE, served.hit() ? "HIT" : "MISS")
        .putHeader(X_IMAGE_WIDTH, Integer.toString(served.image().width()))
        .putHeader(X_IMAGE_HEIGHT, Integer.toString(served.image().height()))
        // Images are compressed already: gzip would cost CPU and save nothing.
        .putHeader(HttpHeaders.CONTENT_ENCODING, HttpHeaders.IDENTITY);
    response.end(served.image().bytes());
  }

  /** 304 for a client that already holds this variant: nothing is loaded or decoded. */
  void notModified(RoutingContext ctx, CacheKey key) {
    vary(common(ctx, key).putHeader(HttpHeaders.CACHE_CONTROL, cacheControl), "Accept-Encoding")
        .setStatusCode(304).end();
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

  private HttpServerResponse headers(RoutingContext ctx, Served served) {
    HttpServerResponse response = common(ctx, served.key())
        .putHeader(HttpHeaders.CACHE_CONTROL, served.interim()
            ? "public, max-age=" + INTERIM_MAX_AGE_SECONDS
            : cacheControl);
    // Under format=auto the same URL answers by Accept: caches must keep one copy per Accept.
    return vary(response, served.negotiated() ? "Accept, Accept-Encoding" : "Accept-Encoding");
  }

  /** Adds to {@code Vary}, keeping what is there (CORS puts {@code Origin} in it). */
  private static HttpServerResponse vary(HttpServerResponse response, String headers) {
    String already = response.headers().get(HttpHeaders.VARY);
    return response.putHeader(HttpHeaders.VARY, already == null ? headers : already + ", " + headers);
  }

  private static HttpServerResponse common(RoutingContext ctx, CacheKey key) {
    return ctx.response()
        .putHeader(HttpHeaders.ETAG, key.etag())
        .putHeader(X_IMAGE_ID, key.sha256());
  }
}
