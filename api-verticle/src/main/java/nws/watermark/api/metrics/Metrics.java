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
import java.util.UUID;
import java.util.stream.LongStream;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
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

  /** Lookups per cache tier that found the variant; tag {@value #TIER}. */
  public static final String CACHE_HITS = "nws.cache.hits";
  /** Lookups per cache tier that did not; tag {@value #TIER}. */
  public static final String CACHE_MISSES = "nws.cache.misses";
  /** Bytes a cache tier holds; tag {@value #TIER}. */
  public static final String CACHE_BYTES = "nws.cache.bytes";
  /** Jobs sent to the optimizers (a retried job counts once); tag {@value #OUTCOME}. */
  public static final String OPTIMIZER_JOBS = "nws.optimizer.jobs";
  /** Time from sending a job to its answer, retry included; tag {@value #OUTCOME}. */
  public static final String OPTIMIZER_JOB_DURATION = "nws.optimizer.job.duration";
  /** Jobs sent a second time after a timeout or a lost optimizer. */
  public static final String OPTIMIZER_RETRIES = "nws.optimizer.retries";
  /** Requests that joined an identical job already running instead of starting one. */
  public static final String SINGLE_FLIGHT_JOINS = "nws.singleflight.joins";
  /** Optimizer jobs this node holds now (the admission bound). */
  public static final String JOBS_IN_FLIGHT = "nws.jobs.in.flight";
  /** Upload bytes this node holds in memory now (the admission bound). */
  public static final String BYTES_IN_FLIGHT = "nws.upload.bytes.in.flight";
  /** 1 while a backend (storage, redis) answers, 0 while it does not; tag {@value #BACKEND}. */
  public static final String BACKEND_UP = "nws.backend.up";

  public static final String TIER = "tier";
  public static final String OUTCOME = "outcome";
  public static final String BACKEND = "backend";
  /** The {@value #OUTCOME} of a job that produced an image; failures carry their error code. */
  public static final String OK = "ok";

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
  public void cacheTier(String tier, LongSupplier hits, LongSupplier misses, LongSupplier bytes) {
    FunctionCounter.builder(CACHE_HITS, hold(hits), LongSupplier::getAsLong).tag(TIER, tier).register(registry);
    FunctionCounter.builder(CACHE_MISSES, hold(misses), LongSupplier::getAsLong).tag(TIER, tier).register(registry);
    if (bytes != null) {
      Gauge.builder(CACHE_BYTES, hold(bytes), LongSupplier::getAsLong).tag(TIER, tier).register(registry);
    }
  }

  /** Counts and times one optimizer job by how it ended; returns {@code job} unchanged. */
  public <T> Future<T> optimizerJob(Future<T> job) {
    Timer.Sample sample = Timer.start(registry);
    return job.andThen(done -> {
      String outcome = done.succeeded() ? OK : ErrorCode.of(done.cause()).name();
      Counter.builder(OPTIMIZER_JOBS).tag(OUTCOME, outcome).register(registry).increment();
      sample.stop(Timer.builder(OPTIMIZER_JOB_DURATION).tag(OUTCOME, outcome).register(registry));
    });
  }

  /** Retries, read from the optimizer client's own count. */
  public void retries(LongSupplier retries) {
    FunctionCounter.builder(OPTIMIZER_RETRIES, hold(retries), LongSupplier::getAsLong).register(registry);
  }

  /** Single-flight joins, read from the single flight's own count. */
  public void singleFlightJoins(LongSupplier joins) {
    FunctionCounter.builder(SINGLE_FLIGHT_JOINS, hold(joins), LongSupplier::getAsLong).register(registry);
  }

  /** The work this node holds, read from admission control. */
  public void inFlight(LongSupplier jobs, LongSupplier bytes) {
    Gauge.builder(JOBS_IN_FLIGHT, hold(jobs), LongSupplier::getAsLong).register(registry);
    Gauge.builder(BYTES_IN_FLIGHT, hold(bytes), LongSupplier::getAsLong).register(registry);
  }

  /** A backend's state, asked at each scrape: the answer must be known already, never waited for. */
  public void backendUp(String name, Supplier<Boolean> up) {
    Gauge.builder(BACKEND_UP, hold(up), u -> Boolean.TRUE.equals(u.get()) ? 1 : 0).tag(BACKEND, name).register(registry);
  }

  private <T> T hold(T state) {
    held.add(state);
    return state;
  }
}
