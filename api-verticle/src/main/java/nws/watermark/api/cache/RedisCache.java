package nws.watermark.api.cache;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.core.net.NetClientOptions;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.RedisClientType;
import io.vertx.redis.client.RedisOptions;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;
import java.util.Locale;
import nws.watermark.api.health.CircuitBreaker;
import nws.watermark.api.metrics.Metrics;
import nws.watermark.shared.config.CacheConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The L2 cache: rendered variants shared by every API node through Redis, as binary values
 * ({@link RenderedCodec}) under {@code NWS_REDIS_KEY_PREFIX + key}, expiring after
 * {@code NWS_REDIS_TTL_SECONDS}. It never fails: an error or a timeout is logged, counted and read
 * as a miss, and while Redis is down it is not called at all (see {@link CircuitBreaker}).
 *
 * <p>The pooled client opens a new connection for a command when the old one died, so once Redis
 * is back the next command reconnects; the probe (PING with backoff) decides when to try.
 *
 * <p>An outage is logged by the breaker alone: one WARN when Redis goes down, one INFO when it is
 * back. The failed commands and broken connections it causes are counted ({@code errors},
 * {@code failures}), not logged each.
 */
public final class RedisCache implements L2Cache {

  private static final Logger log = LoggerFactory.getLogger(RedisCache.class);

  private final Redis client;
  private final CacheConfig config;
  private CircuitBreaker redis;
  private long hits;
  private long misses;
  private long writes;
  private long errors;

  private RedisCache(Redis client, CacheConfig config) {
    this.client = client;
    this.config = config;
  }

  /** The L2 for {@code config}: Redis at {@code NWS_REDIS_URL}, or {@link L2Cache#NONE} when it is unset. */
  public static L2Cache create(Vertx vertx, CacheConfig config) {
    if (!config.redisEnabled()) {
      return L2Cache.NONE;
    }
    RedisCache cache = new RedisCache(Redis.createClient(vertx, options(config)), config);
    cache.redis = CircuitBreaker.of(vertx, "redis", config.redisTimeoutMs(), () -> cache.send(Request.cmd(Command.PING)));
    return cache;
  }

  /** Client options: one endpoint or several (sentinel, cluster), a bounded pool, bounded waits. */
  static RedisOptions options(CacheConfig config) {
    RedisOptions options = new RedisOptions()
        .setType(RedisClientType.valueOf(config.redisType().toUpperCase(Locale.ROOT)))
        .setMasterName(config.redisMasterName())
        .setMaxPoolSize(8)
        .setMaxPoolWaiting(256)
        .setMaxWaitingHandlers(1024)
        .setNetClientOptions(new NetClientOptions()
            .setConnectTimeout((int) Math.min(Integer.MAX_VALUE, config.redisTimeoutMs()))
            .setTcpNoDelay(true)
            .setTcpKeepAlive(true));
    config.redisEndpoints().forEach(options::addConnectionString);
    return options;
  }

  /** The cached variant, or null on a miss, an error, a timeout, or while Redis is down. */
  @Override
  public Future<Rendered> get(CacheKey key) {
    return redis.call(() -> send(Request.cmd(Command.GET).arg(redisKey(key))))
        .map(this::rendered)
        .otherwise(err -> {
          failed("get", err);
          return null;
        });
  }

  /**
   * Stores {@code value} with the TTL. Callers do not wait on it: the future is only for tests and
   * never fails.
   */
  @Override
  public Future<Void> put(CacheKey key, Rendered value) {
    Request set = Request.cmd(Command.SET).arg(redisKey(key)).arg(RenderedCodec.encode(value)).arg("EX").arg(config.redisTtlSeconds());
    return redis.call(() -> send(set))
        .<Void>map(ok -> {
          writes++;
          return null;
        })
        .otherwise(err -> {
          failed("set", err);
          return null;
        });
  }

  /** The Redis key of a variant: the namespace then the cache key. */
  public String redisKey(CacheKey key) {
    return config.redisKeyPrefix() + key.value();
  }

  /**
   * {@link Redis#send}, on a pooled connection whose failures go to the breaker: without a handler
   * of ours, the client logs each broken connection as an ERROR with a stack trace.
   */
  private Future<Response> send(Request request) {
    return client.connect().compose(connection -> {
      connection.exceptionHandler(redis::markDown);
      return connection.send(request).eventually(connection::close);
    });
  }

  private Rendered rendered(Response response) {
    Rendered found = response == null ? null : RenderedCodec.decode(response.toBuffer());
    if (found == null) {
      misses++;
    } else {
      hits++;
    }
    return found;
  }

  private void failed(String op, Throwable err) {
    if (err instanceof CircuitBreaker.Open) {
      return;
    }
    errors++;
    // A failure that took Redis down is the breaker's one WARN; only one that left it up is news.
    if (redis.isUp()) {
      log.warn("redis {} failed ({}); going on without L2", op, err.toString());
    }
  }

  @Override
  public void observe(Metrics metrics) {
    metrics.cacheTier("redis", () -> hits, () -> misses);
    metrics.backendUp("redis", redis::isUp);
  }

  @Override
  public JsonObject health() {
    return redis.health().put("hits", hits).put("misses", misses).put("writes", writes).put("errors", errors);
  }

  @Override
  public Future<Void> close() {
    redis.close();
    return client.close();
  }
}
