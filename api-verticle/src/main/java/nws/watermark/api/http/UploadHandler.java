package nws.watermark.api.http;

import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import nws.watermark.api.Original;
import nws.watermark.api.Variants.Served;
import nws.watermark.api.admission.UploadBudget;
import nws.watermark.api.format.Accept;
import nws.watermark.api.format.Formats;
import nws.watermark.api.http.upload.Upload;
import nws.watermark.api.http.upload.UploadReceiver;
import nws.watermark.api.storage.OriginalStore;
import nws.watermark.shared.ImageOptions;

/** {@code POST /upload}: receive and hash, parse the options, render (or hit), answer. */
record UploadHandler(RequestOptions options, long maxUploadBytes, Formats formats, OriginalStore originals,
    UploadBudget uploads, ImageResponder images, ErrorResponder errors) implements Handler<RoutingContext> {

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
    Original original = Original.uploaded(upload.sha256(), () -> upload.bytes().whole(ctx.vertx()),
        upload.contentType(), originals);
    return all.compose(o -> formats.serve(original, o, Accept.of(ctx.request().getHeader(HttpHeaders.ACCEPT))));
  }
}
