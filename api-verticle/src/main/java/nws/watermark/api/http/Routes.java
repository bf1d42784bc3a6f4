package nws.watermark.api.http;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.StaticHandler;
import java.time.Clock;
import nws.watermark.api.access.AccessControl;
import nws.watermark.api.admission.UploadBudget;
import nws.watermark.api.format.Formats;
import nws.watermark.api.health.Readiness;
import nws.watermark.api.metrics.Metrics;
import nws.watermark.api.storage.OriginalStore;
import nws.watermark.optimizer.logo.Logos;
import nws.watermark.shared.Config;

/** Every HTTP route of the API, in one table. */
public final class Routes {

  private Routes() {}

  /** The parts of the service the routes serve from. */
  public record Parts(Formats formats, OriginalStore originals, UploadBudget uploads, Readiness readiness,
      Metrics metrics, Logos logos) {}

  public static Router create(Vertx vertx, Config config, Parts parts) {
    return create(vertx, config, parts, new HeaderDeadline(vertx, config.http().headerTimeoutMs(),
        config.http().idleTimeoutMs()));
  }

  static Router create(Vertx vertx, Config config, Parts parts, HeaderDeadline deadline) {
    ErrorResponder errors = new ErrorResponder(config.limits().retryAfterSeconds());
    ImageResponder images = new ImageResponder(config.http().cacheMaxAgeSeconds());
    RequestOptions options = new RequestOptions(config, parts.logos());
    ClientUploads clients = new ClientUploads(config.http().maxUploadsPerClient(), config.limits().retryAfterSeconds(),
        parts.metrics());
    AccessControl access = new AccessControl(config.access(), parts.metrics(), Clock.systemUTC());
    Router router = Router.router(vertx);
    router.route().handler(deadline);
    router.route().handler(new RequestLog());
    router.route().handler(access.securityHeaders());
    router.route().handler(access.cors());
    router.route().handler(access.identify());

    // Each refusal before any work: the rate first (key guessing counts too, by address), then the
    // key before the body is read.
    router.post("/upload").handler(access.requestRate()).handler(access.uploadKey()).handler(access.signedUploads())
        .handler(new UploadHandler(options, config.http(), config.limits().maxUploadBytes(), parts.formats(),
            parts.originals(), parts.uploads(), clients, access, images, errors));
    router.get("/images/:" + ImagesHandler.ID).handler(access.requestRate()).handler(access.signedImages())
        .handler(new ImagesHandler(options, config.formats(), parts.formats(), parts.originals(), access, images, errors));
    router.get("/options").handler(access.requestRate()).handler(new OptionsHandler(config, access, parts.logos()));
    // Operations endpoints are not rate limited: a load balancer's probes must always get through.
    router.get("/health").handler(ctx -> json(ctx, 200, new JsonObject().put("status", "up")));
    router.get("/ready").handler(ctx -> json(ctx, parts.readiness().ready() ? 200 : 503, parts.readiness().describe()));
    router.get("/metrics").handler(parts.metrics().scrapeHandler());
    router.get("/*").handler(access.requestRate())
        .handler(StaticHandler.create("webroot").setCachingEnabled(true).setMaxAgeSeconds(300));

    router.route().failureHandler(errors::handle);
    // A path or query that does not decode fails while routing, before any handler: 400.
    router.errorHandler(400, errors::handle);
    router.errorHandler(404, errors::handle);
    router.errorHandler(405, errors::handle);
    router.errorHandler(500, errors::handle);
    return router;
  }

  static void json(RoutingContext ctx, int status, JsonObject body) {
    ctx.response()
        .setStatusCode(status)
        .putHeader(HttpHeaders.CONTENT_TYPE, "application/json; charset=utf-8")
        .putHeader(HttpHeaders.CACHE_CONTROL, "no-store")
        .end(body.encode());
  }
}
