package nws.watermark.api.http;

import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.MultiMap;
import io.vertx.ext.web.RoutingContext;
import java.util.Set;
import nws.watermark.api.Renderer;
import nws.watermark.api.Renderer.Served;
import nws.watermark.api.dispatch.Admission;
import nws.watermark.shared.Config;
import nws.watermark.shared.ImageOptions;
import nws.watermark.shared.Options;

/** {@code POST /upload}: receive and hash, parse the options, render (or hit), answer. */
final class UploadHandler implements Handler<RoutingContext> {

  private final Config config;
  private final Renderer renderer;
  private final Admission admission;
  private final ImageResponder images;
  private final ErrorResponder errors;

  UploadHandler(Config config, Renderer renderer, Admission admission, ImageResponder images, ErrorResponder errors) {
    this.config = config;
    this.renderer = renderer;
    this.admission = admission;
    this.images = images;
    this.errors = errors;
  }

  @Override
  public void handle(RoutingContext ctx) {
    ImageOptions queryOptions;
    try {
      // Query options are checked before a byte is read: a typo costs the client nothing.
      queryOptions = Options.parse(ctx.queryParams(), config.defaultOptions());
    } catch (RuntimeException e) {
      errors.respond(ctx, e);
      return;
    }
    UploadReceiver.receive(ctx, config.maxUploadBytes(), admission)
        .compose(upload -> render(ctx, queryOptions, upload))
        .onSuccess(served -> images.send(ctx, served))
        .onFailure(err -> errors.respond(ctx, err));
  }

  private Future<Served> render(RoutingContext ctx, ImageOptions queryOptions, Upload upload) {
    ImageOptions options = upload.fields().isEmpty()
        ? queryOptions
        : Options.parse(merged(ctx.queryParams(), upload.fields()), config.defaultOptions(), Set.of(UploadReceiver.FIELD));
    return renderer.fromUpload(upload.sha256(), () -> upload.bytes().whole(ctx.vertx()), upload.contentType(), options);
  }

  private static MultiMap merged(MultiMap query, MultiMap fields) {
    return MultiMap.caseInsensitiveMultiMap().addAll(query).addAll(fields);
  }
}
