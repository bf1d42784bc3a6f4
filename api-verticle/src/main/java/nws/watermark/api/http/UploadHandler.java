package nws.watermark.api.http;

import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import nws.watermark.api.Variants.Served;
import nws.watermark.api.Variants;
import nws.watermark.api.admission.UploadBudget;
import nws.watermark.api.http.upload.Upload;
import nws.watermark.api.http.upload.UploadReceiver;
import nws.watermark.shared.ImageOptions;

/** {@code POST /upload}: receive and hash, parse the options, render (or hit), answer. */
record UploadHandler(RequestOptions options, long maxUploadBytes, Variants variants, UploadBudget uploads,
    ImageResponder images, ErrorResponder errors) implements Handler<RoutingContext> {

  @Override
  public void handle(RoutingContext ctx) {
    // Query options are checked before a byte is read: a typo costs the client nothing.
    options.ofQuery(ctx)
        .compose(query -> UploadReceiver.receive(ctx, maxUploadBytes, uploads)
            .compose(upload -> render(ctx, query, upload)))
        .onSuccess(served -> images.send(ctx, served))
        .onFailure(err -> errors.respond(ctx, err));
  }

  private Future<Served> render(RoutingContext ctx, ImageOptions query, Upload upload) {
    Future<ImageOptions> all = upload.fields().isEmpty()
        ? Future.succeededFuture(query)
        : options.ofQueryAndForm(ctx, upload.fields());
    return all.compose(o -> variants.fromUpload(upload.sha256(), () -> upload.bytes().whole(ctx.vertx()),
        upload.contentType(), o));
  }
}
