package nws.watermark.api.http;

import io.vertx.core.Handler;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import nws.watermark.api.access.AccessControl;
import java.util.List;
import nws.watermark.optimizer.logo.Logos;
import nws.watermark.shared.Config;
import nws.watermark.shared.ImageOptions;
import nws.watermark.shared.Option;
import nws.watermark.shared.Options;

/**
 * {@code GET /options}: every processing option with what it accepts and this service's default,
 * so the upload page (and any client) shows the defaults the service really applies instead of a
 * copy of them; what access needs (an API key to upload, signed URLs), so it can ask for a key;
 * and the logos and presets this node offers.
 */
final class OptionsHandler implements Handler<RoutingContext> {

  private final JsonObject body;

  OptionsHandler(Config config, AccessControl access, Logos logos) {
    ImageOptions defaults = config.defaultOptions();
    JsonArray options = new JsonArray();
    for (Option<?> option : Options.ALL) {
      options.add(option.describe().put("default", option.json(defaults)));
    }
    this.body = new JsonObject().put("options", options).put("access", access.describe())
        .put("logos", new JsonArray(List.copyOf(logos.names())))
        .mergeIn(config.presets().presets().describe());
  }

  @Override
  public void handle(RoutingContext ctx) {
    Routes.json(ctx, 200, body);
  }
}
