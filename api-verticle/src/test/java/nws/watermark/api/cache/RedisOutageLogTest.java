package nws.watermark.api.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import nws.watermark.api.Service;
import nws.watermark.api.peers.Burst;
import nws.watermark.api.peers.Peer;
import nws.watermark.api.peers.Photos;
import nws.watermark.api.peers.RedisServer;
import nws.watermark.shared.config.CacheConfig;
import nws.watermark.shared.config.ImagesConfig;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * What an operator reads when Redis dies under traffic and comes back: one WARN line when it goes
 * down, one INFO line when it is back, and no ERROR and no stack trace from the Redis client,
 * however many requests and pooled connections met the outage.
 */
class RedisOutageLogTest {

  @Test
  void a_redis_outage_is_one_warn_line_and_its_end_one_info_line() {
    ListAppender<ILoggingEvent> log = new ListAppender<>();
    log.start();
    Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    root.addAppender(log);
    try (RedisServer redis = RedisServer.started()) {
      Service service = Service.start(Map.of(CacheConfig.REDIS_URL.name(), redis.url(),
          ImagesConfig.OPTIMIZER_INSTANCES.name(), "1"));
      try {
        // Eight at a time, so that several pooled connections are busy when Redis is killed.
        Burst.run(List.of(service), 48, 8, i -> Photos.distinct(5_000 + i), 16, redis::kill)
            .forEach(o -> assertEquals(200, o.status(), o.body()));
        assertEquals("down", Burst.dependency(service, "redis").getString("state"));
        redis.start();
        Peer.await(Duration.ofSeconds(20), () -> "up".equals(Burst.dependency(service, "redis").getString("state")),
            "the node to use Redis again");
        Burst.run(List.of(service), 16, 8, i -> Photos.distinct(5_100 + i), 0, null)
            .forEach(o -> assertEquals(200, o.status(), o.body()));
        assertEquals(1L, Burst.dependency(service, "redis").getLong("outages"), "one outage");
      } finally {
        service.close();
      }
    } finally {
      root.detachAppender(log);
    }
    List<ILoggingEvent> redisLines = log.list.stream()
        .filter(e -> e.getLoggerName().startsWith("io.vertx.redis") || e.getFormattedMessage().contains("redis"))
        .filter(e -> e.getLevel().isGreaterOrEqual(Level.WARN) || e.getFormattedMessage().contains("is back"))
        .toList();
    List<String> lines = redisLines.stream()
        .map(e -> e.getLevel() + " " + e.getLoggerName() + " - " + e.getFormattedMessage()
            + (e.getThrowableProxy() == null ? "" : " [stack trace of " + e.getThrowableProxy().getClassName() + "]"))
        .toList();
    assertEquals(2, lines.size(), "one WARN line and one INFO line:\n" + String.join("\n", lines));
    assertEquals(Level.WARN, redisLines.get(0).getLevel(), lines.get(0));
    assertEquals(Level.INFO, redisLines.get(1).getLevel(), lines.get(1));
    redisLines.forEach(e -> assertEquals(null, e.getThrowableProxy(), "no stack trace"));
  }
}
