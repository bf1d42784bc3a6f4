package nws.watermark.api.http;

import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import java.util.Locale;
import java.util.regex.Pattern;
import nws.watermark.api.Original;
import nws.watermark.api.access.AccessControl;
import nws.watermark.api.cache.CacheKey;
import nws.watermark.api.format.Accept;
import nws.watermark.api.format.Formats;
import nws.watermark.api.storage.OriginalStore;
import nws.watermark.shared.ErrorCode;
import nws.watermark.shared.ImageOptions;
import nws.watermark.shared.Options;
import nws.watermark.shared.OutputFormat;
import nws.watermark.shared.ServiceException;
import nws.watermark.shared.config.FormatsConfig;

/** {@code GET /images/<sha256>?<options>}: any variant of an original uploaded before. */
record ImagesHandler(RequestOptions options, FormatsConfig formatsConfig, Formats formats, OriginalStore originals,
    AccessControl access, ImageResponder images, ErrorResponder errors) implements Handler<RoutingContext> {

  static final String ID = "id";
  private static final Pattern SHA256 = Pattern.compile("[0-9a-fA-F]{64}");

  @Override
  public void handle(RoutingContext ctx) {
    sha256(ctx.pathParam(ID))
        .compose(sha256 -> options.ofQuery(ctx).compose(o -> serve(ctx, sha256, o)))
        .onFailure(err -> errors.respond(ctx, err));
  }

  private Future<Void> serve(RoutingContext ctx, String sha256, ImageOptions o) {
    if (o.get(Options.FORMAT) != OutputFormat.AUTO) {
      // A named format has one key: a client holding it gets 304 before anything is looked up.
      CacheKey key = CacheKey.of(sha256, formatsConfig.resolved(o));
      if (ImageResponder.matches(ctx, key)) {
        images.notModified(ctx, key);
        return Future.succeededFuture();
      }
    }
    Accept accept = Accept.of(ctx.request().getHeader(HttpHeaders.ACCEPT));
    return formats.serve(Original.stored(sha256, originals), o, accept, access.renders(ctx)).map(served -> {
      images.send(ctx, served);
      return null;
    });
  }

  private static Future<String> sha256(String id) {
    return SHA256.matcher(id).matches()
        ? Future.succeededFuture(id.toLowerCase(Locale.ROOT))
        : Future.failedFuture(new ServiceException(ErrorCode.INVALID_ID,
            "the image id must be 64 hexadecimal characters (the SHA-256 of the upload, as in X-Image-Id), got "
                + id.length() + " characters"));
  }
}
