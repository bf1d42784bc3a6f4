package nws.watermark.api.http;

import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import java.util.Locale;
import java.util.regex.Pattern;
import nws.watermark.api.Variants;
import nws.watermark.api.cache.CacheKey;
import nws.watermark.shared.ErrorCode;
import nws.watermark.shared.ImageOptions;
import nws.watermark.shared.ServiceException;

/** {@code GET /images/<sha256>?<options>}: any variant of an original uploaded before. */
record ImagesHandler(RequestOptions options, Variants variants, ImageResponder images, ErrorResponder errors)
    implements Handler<RoutingContext> {

  static final String ID = "id";
  private static final Pattern SHA256 = Pattern.compile("[0-9a-fA-F]{64}");

  @Override
  public void handle(RoutingContext ctx) {
    sha256(ctx.pathParam(ID))
        .compose(sha256 -> options.ofQuery(ctx).compose(o -> serve(ctx, sha256, o)))
        .onFailure(err -> errors.respond(ctx, err));
  }

  private Future<Void> serve(RoutingContext ctx, String sha256, ImageOptions o) {
    CacheKey key = CacheKey.of(sha256, o);
    if (ImageResponder.matches(ctx, key)) {
      images.notModified(ctx, key);
      return Future.succeededFuture();
    }
    return variants.fromStore(sha256, o).map(served -> {
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
