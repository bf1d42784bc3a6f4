package nws.watermark.api.access;

import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.net.HostAndPort;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.CorsHandler;
import java.net.URI;
import java.time.Clock;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import nws.watermark.api.admission.RenderGate;
import nws.watermark.api.metrics.Metrics;
import nws.watermark.shared.ErrorCode;
import nws.watermark.shared.ServiceException;
import nws.watermark.shared.config.AccessConfig;

/**
 * Who may do what ({@code NWS_SIGNING_KEYS}, {@code NWS_API_KEYS}, {@code NWS_RATE_LIMIT},
 * {@code NWS_RENDER_RATE_LIMIT}, {@code NWS_TRUSTED_PROXIES}, {@code NWS_CORS_ORIGINS}): the route
 * handlers that check it, each passing straight through when its setting is off. Every refusal
 * comes before any work: before an upload's body is read, before anything is looked up.
 */
public final class AccessControl {

  private final AccessConfig config;
  private final TrustedProxies proxies;
  private final ApiKeys keys;
  private final RateLimits requests;
  private final RateLimits renders;
  private final SignedUrls signed;
  private final AtomicLong unauthorized = new AtomicLong();
  private final Metrics metrics;

  public AccessControl(AccessConfig config, Metrics metrics, Clock clock) {
    this.config = config;
    this.metrics = metrics;
    this.proxies = new TrustedProxies(config.trustedProxies());
    this.keys = new ApiKeys(config.apiKeys());
    this.requests = new RateLimits(config.rateLimit(), "requests");
    this.renders = new RateLimits(config.renderRateLimit(), "renders");
    this.signed = config.signs() ? new SignedUrls(config.signingKeys(), clock) : null;
    metrics.accessRefused("unauthorized", unauthorized::get);
    metrics.accessRefused("invalid_signature", signed == null ? () -> 0 : signed::refused);
    metrics.accessRefused("request_rate", requests::refused);
    metrics.accessRefused("render_rate", renders::refused);
  }

  /** Every request: the headers that keep a browser safe. */
  public Handler<RoutingContext> securityHeaders() {
    return new SecurityHeaders();
  }

  /** Every request, when origins are configured: CORS, preflights answered here. */
  public Handler<RoutingContext> cors() {
    if (config.corsOrigins().isEmpty()) {
      return RoutingContext::next;
    }
    CorsHandler cors = (config.corsOrigins().contains("*")
        ? CorsHandler.create()
        : CorsHandler.create().addOrigins(config.corsOrigins()))
        .allowedMethods(Set.of(HttpMethod.GET, HttpMethod.POST))
        .allowedHeaders(Set.of("Authorization", ApiKeys.X_API_KEY, "Content-Type", "If-None-Match", "X-Request-Id"))
        .exposedHeaders(Set.of("ETag", "X-Cache", "X-Image-Id", "X-Image-Width", "X-Image-Height", "X-Request-Id",
            "Retry-After"))
        .maxAgeSeconds(600);
    return ctx -> {
      // Answers differ by Origin (CORS headers or none): a shared cache must keep them apart.
      ctx.response().headers().add(HttpHeaders.VARY, HttpHeaders.ORIGIN);
      // The service's own page sends Origin too (on a POST): it is not a cross-origin call.
      String origin = ctx.request().getHeader(HttpHeaders.ORIGIN);
      if (origin == null || sameHost(origin, ctx.request().authority())) {
        ctx.next();
      } else {
        cors.handle(ctx);
      }
    };
  }

  /**
   * Whether {@code origin} names the host and port the request was sent to. The scheme is not
   * compared (behind a TLS proxy the page is https, the request here http), so a default port
   * on one side matches 80 or 443 on the other.
   */
  private static boolean sameHost(String origin, HostAndPort authority) {
    if (authority == null) {
      return false;
    }
    try {
      URI uri = URI.create(origin);
      int o = uri.getPort();
      int h = authority.port();
      return uri.getHost() != null && uri.getHost().equalsIgnoreCase(authority.host())
          && (o == h || (o < 0 && (h == 80 || h == 443)) || (h < 0 && (o == 80 || o == 443)));
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  /** Every request: who it comes from (address, and the key id when it shows a valid key). */
  public Handler<RoutingContext> identify() {
    return ctx -> {
      new Client(proxies.clientOf(ctx.request()), keys.keyIdOf(ctx.request())).putIn(ctx);
      ctx.next();
    };
  }

  /** Routes that do work: one request from the client's allowance ({@code NWS_RATE_LIMIT}). */
  public Handler<RoutingContext> requestRate() {
    return ctx -> {
      requests.take(Client.of(ctx).id());
      ctx.next();
    };
  }

  /** {@code POST /upload}: a valid API key, when keys are configured; 401 before the body is read. */
  public Handler<RoutingContext> uploadKey() {
    return ctx -> {
      String keyId = Client.of(ctx).keyId();
      if (keys.required() && keyId == null) {
        unauthorized.incrementAndGet();
        throw new ServiceException(ErrorCode.UNAUTHORIZED, ApiKeys.presented(ctx.request())
            ? "the API key is not valid here"
            : "uploads need an API key: send Authorization: Bearer <key> (or X-API-Key: <key>)");
      }
      if (keyId != null) {
        metrics.uploadByKey(keyId);
      }
      ctx.next();
    };
  }

  /** {@code GET /images}: a signed URL, when signing keys are configured. */
  public Handler<RoutingContext> signedImages() {
    return signed == null ? RoutingContext::next : signed;
  }

  /**
   * {@code POST /upload}'s query: signed too, when {@code NWS_SIGNED_UPLOAD_OPTIONS} says so. An
   * upload with no query asks for the service's defaults, which need no guarding (and form fields
   * are refused in this mode): the upload page, which holds no key, uploads that way.
   */
  public Handler<RoutingContext> signedUploads() {
    if (signed == null || !config.signedUploadOptions()) {
      return RoutingContext::next;
    }
    return ctx -> {
      String query = ctx.request().query();
      if (query == null || query.isEmpty()) {
        ctx.next();
      } else {
        signed.handle(ctx);
      }
    };
  }

  /**
   * Whether an upload may carry options as form fields: not when upload options must be signed,
   * since only the query is.
   */
  public Future<Void> formOptions() {
    return signed == null || !config.signedUploadOptions() ? Future.succeededFuture()
        : Future.failedFuture(new ServiceException(ErrorCode.INVALID_SIGNATURE,
            "this service takes upload options only in the signed query, not as form fields"));
  }

  /** The gate a request's renders pass ({@code NWS_RENDER_RATE_LIMIT}), for its client. */
  public RenderGate renders(RoutingContext ctx) {
    if (!renders.limits()) {
      return RenderGate.OPEN;
    }
    String client = Client.of(ctx).id();
    return () -> {
      try {
        renders.take(client);
        return Future.succeededFuture();
      } catch (ServiceException e) {
        return Future.failedFuture(e);
      }
    };
  }

  /** What a client needs to know to call this service, for {@code GET /options}. */
  public JsonObject describe() {
    return new JsonObject()
        .put("apiKey", keys.required())
        .put("signedUrls", config.signs())
        .put("signedUploadOptions", config.signs() && config.signedUploadOptions());
  }
}
