package nws.watermark.api.health;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertx.core.MultiMap;
import java.util.Arrays;
import java.util.Map;
import nws.watermark.api.Service;
import nws.watermark.api.metrics.Scrape;
import nws.watermark.api.peers.RawHttp;
import nws.watermark.shared.config.LimitsConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code NWS_IDLE_GC_SECONDS}: one full collection once the node has been quiet that long after
 * work, one per quiet spell, and none while an upload is still arriving. Read from
 * {@code nws_idle_collections_total}, as an operator would.
 */
class IdleCollectorTest {

  private static final String PHOTO = "photo_03mp_rocket.jpg";
  private static final String COUNTER = "nws_idle_collections_total";
  /** Several quiet spells of {@code NWS_IDLE_GC_SECONDS=1}: what "nothing happened" is checked over. */
  private static final long WINDOW_MS = 3_500;

  @RegisterExtension
  static final Service service = Service.start(Map.of(LimitsConfig.IDLE_GC_SECONDS.name(), "1"));

  @Test
  void one_collection_follows_a_quiet_spell_after_work_and_no_second_without_more_work() {
    long before = waitForQuiet();
    assertEquals(200, service.upload(PHOTO, Service.corpus(PHOTO), "?w=200").statusCode());
    assertEquals(before + 1, awaitCount(before + 1), "one collection after the upload's quiet spell");
    assertEquals(before + 1, countAfter(WINDOW_MS), "no second collection without more work");

    assertEquals(200, service.upload(PHOTO, Service.corpus(PHOTO), "?w=201").statusCode());
    assertEquals(before + 2, awaitCount(before + 2), "more work, another quiet spell, another collection");
  }

  @Test
  void no_collection_while_an_upload_is_arriving() {
    long before = waitForQuiet();
    byte[] photo = Service.corpus(PHOTO);
    try (RawHttp client = new RawHttp(service.port)) {
      client.send("POST /upload?w=202 HTTP/1.1\r\nHost: x\r\nContent-Type: image/jpeg\r\nContent-Length: "
          + photo.length + "\r\n\r\n").send(Arrays.copyOf(photo, 1024));
      assertEquals(before, countAfter(WINDOW_MS), "nothing while the upload holds its memory");
      client.send(Arrays.copyOfRange(photo, 1024, photo.length));
      assertEquals(200, client.read(30_000).status());
    }
    assertEquals(before + 1, awaitCount(before + 1), "one collection once the upload is answered");
  }

  /** The count once any collection owed to an earlier test has run. */
  private static long waitForQuiet() {
    long count = count();
    for (int i = 0; i < 5; i++) {
      long later = countAfter(WINDOW_MS);
      if (later == count) {
        return count;
      }
      count = later;
    }
    throw new AssertionError("the node collects again and again with nothing to do: " + count);
  }

  /** Polls until the counter reaches {@code expected}, for at most ten seconds; the count then. */
  private static long awaitCount(long expected) {
    long deadline = System.currentTimeMillis() + 10_000;
    long count = count();
    while (count < expected && System.currentTimeMillis() < deadline) {
      pause(100);
      count = count();
    }
    return count;
  }

  /** The counter after {@code ms}. */
  private static long countAfter(long ms) {
    pause(ms);
    return count();
  }

  private static long count() {
    return (long) Scrape.parse(service.get("/metrics", MultiMap.caseInsensitiveMultiMap()).bodyAsString()).sum(COUNTER);
  }

  private static void pause(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
