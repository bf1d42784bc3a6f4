package nws.watermark.api.http;

import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import nws.watermark.api.Original;
import nws.watermark.api.Variants.Served;
import nws.watermark.api.access.AccessControl;
import nws.watermark.api.access.Client;
import nws.watermark.api.admission.UploadBudget;
import nws.watermark.api.format.Accept;
import nws.watermark.api.format.Formats;
import nws.watermark.api.http.upload.Upload;
import nws.watermark.api.http.upload.UploadReceiver;
import nws.watermark.api.storage.OriginalStore;
import nws.watermark.shared.ImageOptions;
import nws.watermark.shared.config.HttpConfig;

/** {@code POST /upload}: receive and hash, parse the options, render (or hit), answer. */
record UploadHandler(RequestOptions options, HttpConfig http, long maxUploadBytes, Formats formats,
    OriginalStore originals, UploadBudget uploads, ClientUploads clients, AccessControl access, ImageResponder images,
    ErrorResponder errors)
    implements Handler<RoutingContext> {

  @Override
  public void handle(RoutingContext ctx) {
    // Query options are checked before a byte is read: a typo costs the client nothing.
    options.ofQuery(ctx)
        .compose(query -> admitted(ctx).compose(v -> UploadReceiver.receive(ctx, maxUploadBytes,
            http.bodyIdleTimeoutMs(), uploads)).compose(upload -> render(ctx, query, upload)))
        .onSuccess(served -> images.send(ctx, served))
        .onFailure(err -> errors.respond(ctx, err));
  }

  /** One more upload in progress for this client, unless it has its share already. */
  private Future<Void> admitted(RoutingContext ctx) {
    try {
      clients.take(ctx, Client.of(ctx).id());
      return Future.succeededFuture();
    } catch (RuntimeException e) {
      return Future.failedFuture(e);
    }
  }

  private Future<Served> render(RoutingContext ctx, ImageOptions query, Upload upload) {
    Future<ImageOptions> all = upload.fields().isEmpty()
        ? Future.succeededFuture(query)
        : access.formOptions().compose(v -> options.ofQueryAndForm(ctx, upload.fields()));
    Original original = Original.uploaded(upload.sha256(), () -> upload.bytes().whole(ctx.vertx()),
        upload.contentType(), originals);
    Accept accept = Accept.of(ctx.request().getHeader(HttpHeaders.ACCEPT));
    return all.compose(o -> formats.serve(original, o, accept, access.renders(ctx)))
        .recover(original::refused);
  }
}
