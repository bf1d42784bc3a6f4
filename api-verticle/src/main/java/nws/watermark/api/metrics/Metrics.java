package nws.watermark.api.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.VertxBuilder;
import io.vertx.core.VertxOptions;
import io.vertx.core.internal.VertxInternal;
import io.vertx.ext.web.RoutingContext;
import io.vertx.micrometer.Label;
import io.vertx.micrometer.MicrometerMetricsFactory;
import io.vertx.micrometer.MicrometerMetricsOptions;
import io.vertx.micrometer.PrometheusScrapingHandler;
import io.vertx.micrometer.VertxPrometheusOptions;
import io.vertx.micrometer.impl.MicrometerMetrics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import java.util.stream.LongStream;
import nws.watermark.shared.ErrorCode;

/**
 * The service's own meters, in the same Prometheus registry as what Vert.x measures itself
 * (HTTP requests by route and status with latency histograms, event bus, pools), all shown by
 * {@code GET /metrics}. Every name is written once, here; the README lists them.
 *
 * <p>Meters fed by a counter that already exists (retries, single-flight joins, work in flight)
 * read it at scrape time, so the request path does no extra work for them.
 */
public final class Metrics {

  /** Metric tags. */
  private static final String TIER = "tier";
  private static final String OUTCOME = "outcome";
  private static final String BACKEND = "backend";
  private static final String REASON = "reason";
  private static final String KEY = "key";
  /** The outcome of a job that produced an image; failures carry their error code. */
  private static final String OK = "ok";

  /** Latency histogram buckets of every timer, in milliseconds: from a cache hit to a 20 MP job. */
  private static final long[] BUCKETS_MS = {1, 2, 5, 10, 25, 50, 100, 250, 500, 1000, 2500, 5000, 10000, 30000};

  private final PrometheusMeterRegistry registry;
  /** Micrometer holds what a gauge reads only weakly; these stay reachable as long as the metrics. */
  private final List<Object> held = new ArrayList<>();

  private Metrics(PrometheusMeterRegistry registry) {
    this.registry = registry;
  }

  /**
   * A Vert.x builder whose HTTP server, event bus and pools report to a Prometheus registry of
   * their own; {@link #of(Vertx)} finds it again. Requests are labelled by route, never by path,
   * so {@code /images/<sha256>} is one series and not one per image.
   */
  public static VertxBuilder vertxBuilder() {
    return vertxBuilder(new VertxOptions());
  }

  /** {@link #vertxBuilder()} with other options too, such as a clustered event bus's. */
  public static VertxBuilder vertxBuilder(VertxOptions base) {
    MicrometerMetricsOptions metrics = new MicrometerMetricsOptions()
        .setEnabled(true)
        .setRegistryName("nws-" + UUID.randomUUID())
        .setJvmMetricsEnabled(true)
        .addLabels(Label.HTTP_ROUTE)
        .setPrometheusOptions(new VertxPrometheusOptions().setEnabled(true));
    return Vertx.builder()
        .with(new VertxOptions(base).setMetricsOptions(metrics))
        .withMetrics(new MicrometerMetricsFactory(newRegistry()));
  }

  /** A registry whose timers are histograms with a few fixed buckets, not a summary per node. */
  private static PrometheusMeterRegistry newRegistry() {
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    DistributionStatisticConfig buckets = DistributionStatisticConfig.builder()
        .serviceLevelObjectives(LongStream.of(BUCKETS_MS).mapToDouble(ms -> Duration.ofMillis(ms).toNanos()).toArray())
        .build();
    registry.config().meterFilter(new MeterFilter() {
      @Override
      public DistributionStatisticConfig configure(Meter.Id id, DistributionStatisticConfig config) {
        return id.getType() == Meter.Type.TIMER ? buckets.merge(config) : config;
      }
    });
    return registry;
  }

  /**
   * The metrics of {@code vertx}: its own registry when it was built by {@link #vertxBuilder()},
   * otherwise a fresh one that holds only the service's meters.
   */
  public static Metrics of(Vertx vertx) {
    if (((VertxInternal) vertx).metrics() instanceof MicrometerMetrics m
        && m.registry() instanceof PrometheusMeterRegistry prometheus) {
      return new Metrics(prometheus);
    }
    return new Metrics(newRegistry());
  }

  /** The {@code GET /metrics} handler, in the Prometheus text format. */
  public Handler<RoutingContext> scrapeHandler() {
    return PrometheusScrapingHandler.create(registry);
  }

  /** A tier that counts its own hits and misses, such as Caffeine's statistics, read at scrape time. */
  public void cacheTier(String tier, LongSupplier hits, LongSupplier misses) {
    FunctionCounter.builder("nws.cache.hits", hold(hits), LongSupplier::getAsLong).tag(TIER, tier).register(registry);
    FunctionCounter.builder("nws.cache.misses", hold(misses), LongSupplier::getAsLong).tag(TIER, tier).register(registry);
  }

  /** The bytes a tier holds, read at scrape time. */
  public void cacheBytes(String tier, LongSupplier bytes) {
    Gauge.builder("nws.cache.bytes", hold(bytes), LongSupplier::getAsLong).tag(TIER, tier).register(registry);
  }

  /** Counts and times one optimizer job by how it ended; returns {@code job} unchanged. */
  public <T> Future<T> optimizerJob(Future<T> job) {
    Timer.Sample sample = Timer.start(registry);
    return job.andThen(done -> {
      String outcome = done.succeeded() ? OK : ErrorCode.of(done.cause()).name();
      Counter.builder("nws.optimizer.jobs").tag(OUTCOME, outcome).register(registry).increment();
      sample.stop(Timer.builder("nws.optimizer.job.duration").tag(OUTCOME, outcome).register(registry));
    });
  }

  /** Retries, read from the optimizer client's own count. */
  public void retries(LongSupplier retries) {
    FunctionCounter.builder("nws.optimizer.retries", hold(retries), LongSupplier::getAsLong).register(registry);
  }

  /** Single-flight joins, read from the single flight's own count. */
  public void singleFlightJoins(LongSupplier joins) {
    FunctionCounter.builder("nws.singleflight.joins", hold(joins), LongSupplier::getAsLong).register(registry);
  }

  /** The background render queue: its length, and the renders queued, done, dropped (queue full) and failed. */
  public void backgroundRenders(LongSupplier waiting, LongSupplier queued, LongSupplier rendered, LongSupplier dropped,
      LongSupplier failed) {
    Gauge.builder("nws.background.waiting", hold(waiting), LongSupplier::getAsLong).register(registry);
    Map.of("queued", queued, "rendered", rendered, "dropped", dropped, "failed", failed).forEach((outcome, count) ->
        FunctionCounter.builder("nws.background.renders", hold(count), LongSupplier::getAsLong)
            .tag(OUTCOME, outcome).register(registry));
  }

  /** Full collections run after a quiet spell ({@code NWS_IDLE_GC_SECONDS}). */
  public void idleCollections(LongSupplier collections) {
    FunctionCounter.builder("nws.idle.collections", hold(collections), LongSupplier::getAsLong).register(registry);
  }

  /** The work this node holds, read from the job slots and the upload budget. */
  public void inFlight(LongSupplier jobs, LongSupplier bytes) {
    Gauge.builder("nws.jobs.in.flight", hold(jobs), LongSupplier::getAsLong).register(registry);
    Gauge.builder("nws.upload.bytes.in.flight", hold(bytes), LongSupplier::getAsLong).register(registry);
  }

  /** Requests refused by an access rule ({@code reason}: unauthorized, invalid_signature, a rate), read at scrape time. */
  public void accessRefused(String reason, LongSupplier refused) {
    FunctionCounter.builder("nws.access.refused", hold(refused), LongSupplier::getAsLong).tag(REASON, reason)
        .register(registry);
  }

  /** One upload accepted with the API key of this id (never the key itself). */
  public void uploadByKey(String keyId) {
    Counter.builder("nws.uploads.by.key").tag(KEY, keyId).register(registry).increment();
  }

  /** A backend's state, asked at each scrape: the answer must be known already, never waited for. */
  public void backendUp(String name, Supplier<Boolean> up) {
    Gauge.builder("nws.backend.up", hold(up), u -> Boolean.TRUE.equals(u.get()) ? 1 : 0).tag(BACKEND, name).register(registry);
  }

  private <T> T hold(T state) {
    held.add(state);
    return state;
  }
}
