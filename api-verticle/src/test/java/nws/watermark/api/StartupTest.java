package nws.watermark.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertx.core.VertxOptions;
import io.vertx.core.internal.VertxInternal;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import nws.watermark.api.metrics.Metrics;
import nws.watermark.api.peers.RedisServer;
import nws.watermark.api.peers.S3Server;
import nws.watermark.shared.config.CacheConfig;
import nws.watermark.shared.config.ImagesConfig;
import nws.watermark.shared.config.StorageConfig;
import org.junit.jupiter.api.Test;

/**
 * Starting with S3 and Redis configured keeps the event loop free: the MinIO client is built, and
 * the bucket checked, on worker threads. Vert.x's blocked-thread checker, tightened to
 * {@value #LIMIT_MS} ms, records the stack of any event loop held longer; building a MinIO client
 * alone takes over 100 ms (it loads the JDK's trust store), so one built there is caught.
 */
class StartupTest {

  static final long LIMIT_MS = 50;

  @Test
  void starting_with_s3_and_redis_runs_nothing_of_theirs_on_the_event_loop() {
    List<String> blocked = new CopyOnWriteArrayList<>();
    var vertx = Metrics.vertxBuilder(new VertxOptions()
            .setMaxEventLoopExecuteTime(LIMIT_MS).setMaxEventLoopExecuteTimeUnit(TimeUnit.MILLISECONDS)
            .setBlockedThreadCheckInterval(10).setBlockedThreadCheckIntervalUnit(TimeUnit.MILLISECONDS))
        .build();
    ((VertxInternal) vertx).blockedThreadChecker().setThreadBlockedHandler(event -> {
      if (event.thread().getName().contains("eventloop")) {
        blocked.add(event.duration() / 1_000_000 + " ms:\n" + Arrays.stream(event.thread().getStackTrace())
            .map(f -> "  at " + f).collect(Collectors.joining("\n")));
      }
    });
    try (S3Server s3 = S3Server.started(); RedisServer redis = RedisServer.started()) {
      Service service = Service.start(Map.of(
          StorageConfig.S3_ENDPOINT.name(), s3.endpoint(),
          StorageConfig.S3_ACCESS_KEY.name(), S3Server.ACCESS_KEY,
          StorageConfig.S3_SECRET_KEY.name(), S3Server.SECRET_KEY,
          StorageConfig.S3_BUCKET.name(), "nws-startup",
          CacheConfig.REDIS_URL.name(), redis.url(),
          ImagesConfig.OPTIMIZER_INSTANCES.name(), "1"), vertx);
      try {
        assertEquals("up", service.client.get("/ready").send().await().bodyAsJsonObject()
            .getJsonObject("dependencies").getJsonObject("storage").getString("state"));
      } finally {
        service.close();
      }
    }
    List<String> storage = blocked.stream().filter(b -> b.contains("io.minio") || b.contains("okhttp3")).toList();
    assertEquals(List.of(), storage, "the S3 client held an event loop");
  }
}
