package nws.watermark.api.http;

import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import java.util.Locale;
import java.util.regex.Pattern;
import nws.watermark.api.Renderer;
import nws.watermark.api.cache.CacheKey;
import nws.watermark.shared.Config;
import nws.watermark.shared.ErrorCode;
import nws.watermark.shared.ImageOptions;
import nws.watermark.shared.Options;
import nws.watermark.shared.ServiceException;

/** {@code GET /images/<sha256>?<options>}: any variant of an original uploaded before. */
final class ImagesHandler implements Handler<RoutingContext> {

  static final String ID = "id";
  private static final Pattern SHA256 = Pattern.compile("[0-9a-fA-F]{64}");

  private final Config config;
  private final Renderer renderer;
  private final ImageResponder images;
  private final ErrorResponder errors;

  ImagesHandler(Config config, Renderer renderer, ImageResponder images, ErrorResponder errors) {
    this.config = config;
    this.renderer = renderer;
    this.images = images;
    this.errors = errors;
  }

  @Override
  public void handle(RoutingContext ctx) {
    String id = ctx.pathParam(ID);
    if (!SHA256.matcher(id).matches()) {
      errors.respond(ctx, new ServiceException(ErrorCode.INVALID_ID,
          "the image id must be 64 hexadecimal characters (the SHA-256 of the upload, as in X-Image-Id), got "
              + id.length() + " characters"));
      return;
    }
    String sha256 = id.toLowerCase(Locale.ROOT);
    ImageOptions options;
    try {
      options = Options.parse(ctx.queryParams(), config.defaultOptions());
    } catch (RuntimeException e) {
      errors.respond(ctx, e);
      return;
    }
    CacheKey key = CacheKey.of(sha256, options);
    if (ImageResponder.matches(ctx, key)) {
      images.notModified(ctx, key);
      return;
    }
    renderer.fromStore(sha256, options)
        .onSuccess(served -> images.send(ctx, served))
        .onFailure(err -> errors.respond(ctx, err));
  }
}
