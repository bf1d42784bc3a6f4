package nws.watermark.api.cluster;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.core.shareddata.AsyncMap;
import java.util.function.Supplier;
import nws.watermark.api.cache.CacheKey;
import nws.watermark.api.cache.Rendered;
import nws.watermark.api.cache.RenderedCodec;
import nws.watermark.api.cache.SharedResults;
import nws.watermark.optimizer.boot.Members;
import nws.watermark.shared.Config;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Results shared by the API nodes of a cluster, on Vert.x shared data: two clustered
 * {@link AsyncMap}s that Hazelcast partitions over the members, bounded in {@code cluster.xml}.
 * <ul>
 *   <li>{@value #RENDERED}: cache key to rendered variant, so any API node serves what another
 *       rendered. Entries expire after {@code NWS_SHARED_CACHE_TTL_SECONDS}.
 *   <li>{@value #RENDERING}: cache key to the id of the node rendering it: a claim taken with
 *       {@code putIfAbsent}, so identical misses on different nodes are rendered once. The others
 *       poll for the result every {@value #POLL_MS} ms; if the claimant fails or leaves the
 *       cluster they claim in turn. A claim expires by itself after twice the job timeout.
 * </ul>
 * Shared data failing (a partition in migration, the cluster shutting down) costs a miss or a
 * second rendering, never a request.
 */
final class ClusterResults implements SharedResults {

  /** Clustered map of rendered variants. */
  public static final String RENDERED = "nws.rendered";
  /** Clustered map of single-flight claims. */
  public static final String RENDERING = "nws.rendering";

  static final long POLL_MS = 50;

  private static final Logger log = LoggerFactory.getLogger(ClusterResults.class);

  private final Vertx vertx;
  private final String nodeId;
  private final AsyncMap<String, Buffer> rendered;
  private final AsyncMap<String, String> rendering;
  private final long ttlMs;
  private final long claimMs;
  private long hits;
  private long renders;
  private long waits;

  private ClusterResults(Vertx vertx, Config config, AsyncMap<String, Buffer> rendered,
      AsyncMap<String, String> rendering) {
    this.vertx = vertx;
    this.nodeId = Members.nodeId(vertx);
    this.rendered = rendered;
    this.rendering = rendering;
    this.ttlMs = config.cluster().sharedCacheTtlSeconds() * 1000;
    this.claimMs = 2 * config.limits().jobTimeoutMs() + 5_000;
  }

  static Future<ClusterResults> start(Vertx vertx, Config config) {
    Future<AsyncMap<String, Buffer>> renderedMap = vertx.sharedData().getAsyncMap(RENDERED);
    Future<AsyncMap<String, String>> renderingMap = vertx.sharedData().getAsyncMap(RENDERING);
    return Future.all(renderedMap, renderingMap)
        .map(all -> new ClusterResults(vertx, config, renderedMap.result(), renderingMap.result()));
  }

  @Override
  public Future<Rendered> get(CacheKey key) {
    return find(key).onSuccess(found -> hits += found == null ? 0 : 1);
  }

  private Future<Rendered> find(CacheKey key) {
    return rendered.get(key.value())
        .map(bytes -> bytes == null ? null : RenderedCodec.decode(bytes))
        .otherwise(err -> {
          log.warn("shared cache read failed ({}); treating it as a miss", err.toString());
          return null;
        });
  }

  @Override
  public Future<Rendered> renderOnce(CacheKey key, Supplier<Future<Rendered>> work) {
    return claim(key).compose(owner -> owner == null
        ? renderUnlessShared(key, work)
        : awaitOther(key, owner, work, 1));
  }

  /** Looks once more with the claim held: another node may have finished between our miss and our claim. */
  private Future<Rendered> renderUnlessShared(CacheKey key, Supplier<Future<Rendered>> work) {
    return find(key).compose(found -> found == null
        ? render(key, work)
        : rendering.removeIfPresent(key.value(), nodeId).otherwise(false).map(found));
  }

  /** Null when this node now holds the claim, else the node that does. */
  private Future<String> claim(CacheKey key) {
    return rendering.putIfAbsent(key.value(), nodeId, claimMs)
        .otherwise(err -> {
          log.warn("single-flight claim failed ({}); rendering without it", err.toString());
          return null;
        });
  }

  private Future<Rendered> render(CacheKey key, Supplier<Future<Rendered>> work) {
    renders++;
    return work.get()
        .compose(result -> share(key, result))
        .andThen(done -> rendering.removeIfPresent(key.value(), nodeId));
  }

  /** Shares the result before the claim goes, so a waiter that sees no claim finds the result. */
  private Future<Rendered> share(CacheKey key, Rendered result) {
    return rendered.put(key.value(), RenderedCodec.encode(result), ttlMs)
        .otherwise(err -> {
          log.warn("shared cache write failed ({}); other nodes will render it again", err.toString());
          return null;
        })
        .map(result);
  }

  /**
   * Waits for {@code owner} to share its result. If its claim goes without a result (it failed)
   * or it left the cluster, claims in turn; after the claim's lifetime, renders here regardless.
   */
  private Future<Rendered> awaitOther(CacheKey key, String owner, Supplier<Future<Rendered>> work, int round) {
    waits += round == 1 ? 1 : 0;
    long deadline = System.currentTimeMillis() + claimMs;
    return poll(key, owner, deadline).compose(found -> {
      if (found != null) {
        return Future.succeededFuture(found);
      }
      if (round >= 3 || System.currentTimeMillis() > deadline) {
        return render(key, work);
      }
      return claim(key).compose(next -> next == null
          ? renderUnlessShared(key, work)
          : awaitOther(key, next, work, round + 1));
    });
  }

  /** The shared result once there; null when the owner's claim is gone without one. */
  private Future<Rendered> poll(CacheKey key, String owner, long deadline) {
    return tick()
        .compose(v -> find(key))
        .compose(found -> found != null ? Future.succeededFuture(found) : pollIfBusy(key, owner, deadline));
  }

  private Future<Rendered> pollIfBusy(CacheKey key, String owner, long deadline) {
    return stillRendering(key, owner).compose(busy -> busy && System.currentTimeMillis() < deadline
        ? poll(key, owner, deadline)
        : Future.succeededFuture());
  }

  private Future<Void> tick() {
    Promise<Void> tick = Promise.promise();
    vertx.setTimer(POLL_MS, t -> tick.complete());
    return tick.future();
  }

  /** Whether {@code owner} still holds the claim and is still a member; drops a dead node's claim. */
  private Future<Boolean> stillRendering(CacheKey key, String owner) {
    if (!Members.nodeIds(vertx).contains(owner)) {
      return rendering.removeIfPresent(key.value(), owner).map(false).otherwise(false);
    }
    return rendering.get(key.value()).map(owner::equals).otherwise(false);
  }

  /** What {@code /ready} shows of the sharing. */
  JsonObject stats() {
    return new JsonObject()
        .put("sharedHits", hits)
        .put("renders", renders)
        .put("waitedForOtherNode", waits);
  }
}
