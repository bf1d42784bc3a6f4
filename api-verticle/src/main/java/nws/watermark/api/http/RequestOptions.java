package nws.watermark.api.http;

import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.ext.web.RoutingContext;
import java.util.Set;
import nws.watermark.api.http.upload.Malformed;
import nws.watermark.api.http.upload.UploadReceiver;
import nws.watermark.optimizer.logo.Logos;
import nws.watermark.shared.Config;
import nws.watermark.shared.ImageOptions;
import nws.watermark.shared.Options;
import nws.watermark.shared.Signer;

/**
 * The options of one request: its query parameters (and an upload's form fields), a preset
 * expanded, over this service's defaults. A logo is checked against this node's when it has any
 * (a clustered API node without {@code NWS_WATERMARK_DIR} leaves that to the optimizer).
 */
final class RequestOptions {

  private static final Set<String> NOT_OPTIONS = Set.of(UploadReceiver.FIELD, Signer.SIG, Signer.EXP);
  private final Config config;
  private final Logos logos;

  RequestOptions(Config config, Logos logos) {
    this.config = config;
    this.logos = logos;
  }

  /** The query's options, or a failure naming the option at fault. */
  Future<ImageOptions> ofQuery(RoutingContext ctx) {
    return query(ctx).compose(this::parsed);
  }

  /** The query's and the form's options together; a form field may repeat a query parameter only with its value. */
  Future<ImageOptions> ofQueryAndForm(RoutingContext ctx, MultiMap fields) {
    return query(ctx).compose(q -> parsed(MultiMap.caseInsensitiveMultiMap().addAll(q).addAll(fields)));
  }

  /** The query parameters, decoded; a broken escape such as {@code %zz} is the client's error. */
  private static Future<MultiMap> query(RoutingContext ctx) {
    try {
      return Future.succeededFuture(ctx.queryParams());
    } catch (IllegalArgumentException e) {
      return Future.failedFuture(Malformed.of("its query string does not decode (" + e.getMessage() + ")"));
    }
  }

  private Future<ImageOptions> parsed(MultiMap params) {
    try {
      // The image field, and a signed URL's own parameters (checked before this), are not options.
      ImageOptions options = config.options(params, NOT_OPTIONS, true);
      if (logos != Logos.NONE) {
        logos.check(options.get(Options.WMIMG));
      }
      return Future.succeededFuture(options);
    } catch (RuntimeException e) {
      return Future.failedFuture(e);
    }
  }
}
