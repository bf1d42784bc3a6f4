package nws.watermark.api.http;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.StaticHandler;
import java.util.function.Supplier;
import nws.watermark.api.Renderer;
import nws.watermark.api.dispatch.Admission;
import nws.watermark.api.metrics.Metrics;
import nws.watermark.shared.Config;

/** Every HTTP route of the API, in one table. */
public final class Routes {

  private Routes() {}

  /**
   * @param readiness the {@code /ready} body; its {@code status} field is {@code ready} or not
   * @param metrics what {@code /metrics} shows
   */
  public static Router create(Vertx vertx, Config config, Renderer renderer, Admission admission,
      Supplier<JsonObject> readiness, Metrics metrics) {
    ErrorResponder errors = new ErrorResponder(config.retryAfterSeconds());
    ImageResponder images = new ImageResponder(config.cacheMaxAgeSeconds());
    Router router = Router.router(vertx);
    router.route().handler(new RequestLog());

    router.post("/upload").handler(new UploadHandler(config, renderer, admission, images, errors));
    router.get("/images/:" + ImagesHandler.ID).handler(new ImagesHandler(config, renderer, images, errors));
    router.get("/health").handler(ctx -> json(ctx, 200, new JsonObject().put("status", "up")));
    router.get("/ready").handler(ctx -> {
      JsonObject body = readiness.get();
      json(ctx, "ready".equals(body.getString("status")) ? 200 : 503, body);
    });
    router.get("/metrics").handler(metrics.scrapeHandler());
    router.get("/*").handler(StaticHandler.create("webroot").setCachingEnabled(true).setMaxAgeSeconds(300));

    router.route().failureHandler(errors::handle);
    router.errorHandler(404, errors::handle);
    router.errorHandler(405, errors::handle);
    router.errorHandler(500, errors::handle);
    return router;
  }

  private static void json(RoutingContext ctx, int status, JsonObject body) {
    ctx.response()
        .setStatusCode(status)
        .putHeader(HttpHeaders.CONTENT_TYPE, "application/json; charset=utf-8")
        .putHeader(HttpHeaders.CACHE_CONTROL, "no-store")
        .end(body.encode());
  }
}
