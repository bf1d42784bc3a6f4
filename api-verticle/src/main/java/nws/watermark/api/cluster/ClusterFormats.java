package nws.watermark.api.cluster;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.core.shareddata.AsyncMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import nws.watermark.api.format.WritableFormats;
import nws.watermark.optimizer.Optimizers;
import nws.watermark.optimizer.boot.Members;
import nws.watermark.shared.OutputFormat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The formats the live optimizer nodes of the cluster write: each announces its own in a
 * clustered map ({@link Optimizers#FORMATS_MAP}) when it starts; this node reads the map every
 * {@value #REFRESH_MS} ms and keeps the union over the nodes still members.
 */
final class ClusterFormats implements WritableFormats {

  static final long REFRESH_MS = 2_000;

  private static final Logger log = LoggerFactory.getLogger(ClusterFormats.class);

  private final Vertx vertx;
  private final AsyncMap<String, JsonObject> announced;
  private volatile Set<OutputFormat> writable = EnumSet.noneOf(OutputFormat.class);
  private volatile Map<OutputFormat, String> missing = Map.of();
  private long timer;

  private ClusterFormats(Vertx vertx, AsyncMap<String, JsonObject> announced) {
    this.vertx = vertx;
    this.announced = announced;
  }

  static Future<ClusterFormats> start(Vertx vertx) {
    return vertx.sharedData().<String, JsonObject>getAsyncMap(Optimizers.FORMATS_MAP)
        .map(map -> new ClusterFormats(vertx, map))
        .compose(formats -> formats.refresh().map(formats))
        .onSuccess(formats -> formats.timer = vertx.setPeriodic(REFRESH_MS, t -> formats.refresh()));
  }

  void close() {
    vertx.cancelTimer(timer);
  }

  @Override
  public Set<OutputFormat> now() {
    return writable;
  }

  @Override
  public String whyNot(OutputFormat format) {
    return missing.getOrDefault(format, "no optimizer node writes it");
  }

  private Future<Void> refresh() {
    return announced.entries()
        .onSuccess(this::update)
        .<Void>mapEmpty()
        .otherwise(err -> {
          log.warn("could not read the optimizers' formats: {}", err.toString());
          return null;
        });
  }

  private void update(Map<String, JsonObject> byNode) {
    List<String> live = Members.nodeIds(vertx);
    Set<OutputFormat> writes = EnumSet.noneOf(OutputFormat.class);
    Map<OutputFormat, String> why = new HashMap<>();
    byNode.forEach((node, formats) -> {
      if (!live.contains(node)) {
        return;
      }
      formats.getJsonArray("write").forEach(f -> writes.add(OutputFormat.valueOf(f.toString().toUpperCase(Locale.ROOT))));
      formats.getJsonObject("missing").forEach(e -> {
        if (e.getKey().endsWith(" output")) {
          String id = e.getKey().substring(0, e.getKey().indexOf(' ')).toUpperCase(Locale.ROOT);
          why.putIfAbsent(OutputFormat.valueOf(id), String.valueOf(e.getValue()));
        }
      });
    });
    writable = writes;
    missing = Map.copyOf(why);
  }
}
