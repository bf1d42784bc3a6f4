package nws.watermark.benchmarks.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertx.core.Vertx;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;
import nws.watermark.api.ApiMain;
import nws.watermark.api.ApiVerticle;
import nws.watermark.api.metrics.Metrics;
import nws.watermark.shared.Config;
import nws.watermark.shared.config.HttpConfig;
import nws.watermark.shared.config.StorageConfig;
import org.junit.jupiter.api.Test;

/**
 * The fuzzer against the production deployment in this JVM (API and optimizers, a temporary
 * storage folder, a free loopback port): 2000 seeded cases across every family must each get an
 * image that decodes or a JSON client error, and the service must stay healthy with its upload
 * memory drained. On failure it lists each kind with its first case and the replay file under
 * target/fuzz-test. {@code scripts/fuzz.sh} runs the same against the fat jar, for longer runs.
 * Alone: {@code ./mvnw -o test -pl benchmarks -am -Dtest=FuzzTest -Dsurefire.failIfNoSpecifiedTests=false}
 * ({@code -am}, so the service is this checkout's, not whatever was last installed in ~/.m2).
 */
class FuzzTest {

  private static final long CASES = 2000;
  private static final long SEED = 42;

  /**
   * Cases of the 50,000-case run (same seed) that once broke the service, made again from their
   * number: a still WebP with a garbage alpha chunk that held an optimizer thread for minutes
   * (12106), a JPEG whose ICC header asked for gigabytes (737), a part typed multipart/mixed
   * (260), broken chunked framing (17, 88), HTTP/9.9 (434), the HTTP/2 preface (287), no Host
   * (769), an odd Transfer-Encoding (666), an empty boundary (778). Each must be answered in time.
   */
  private static final long[] ONCE_BROKEN = {12106, 737, 260, 17, 88, 434, 287, 769, 666, 778};

  @Test
  void two_thousand_seeded_cases_each_get_an_image_or_a_json_client_error() throws Exception {
    withService(port -> {
      // The bound on time is a safety net, not the measure: a run cut short fails below.
      Tally tally = new FuzzRun(settings(port, 0, CASES, 30_000), System.out).run();
      assertEquals(CASES, tally.cases(), "the run was cut short by its time bound");
      assertEquals(0, tally.failures(), () -> tally.failures() + " failures:\n" + String.join("\n", tally.failureKinds()));
    });
  }

  @Test
  void the_cases_that_once_broke_the_service_are_answered_within_ten_seconds() throws Exception {
    withService(port -> {
      for (long number : ONCE_BROKEN) {
        Tally tally = new FuzzRun(settings(port, number, 1, 10_000), System.out).run();
        assertEquals(0, tally.failures(), () -> "case " + number + ": " + String.join("\n", tally.failureKinds()));
      }
    });
  }

  private static FuzzSettings settings(int port, long first, long cases, long timeoutMillis) {
    Path corpus = Path.of(System.getProperty("nws.corpus.dir", "../../shared/corpus"));
    return new FuzzSettings(port, cases, SEED, first, Path.of("target", "fuzz-test"), corpus, timeoutMillis, 900, 3, 250,
        ProcessHandle.current().pid(), 0, null);
  }

  private interface Run {
    void on(int port) throws Exception;
  }

  /** The production deployment in this JVM on a free loopback port, with a temporary storage folder. */
  private static void withService(Run run) throws Exception {
    Path storage = Files.createTempDirectory("nws-fuzz-");
    Vertx vertx = Metrics.vertxBuilder().build();
    try {
      ApiVerticle api = ApiMain.deploy(vertx, Config.fromEnv(Map.of(HttpConfig.HOST.name(), "127.0.0.1",
          HttpConfig.PORT.name(), "0", StorageConfig.DIR.name(), storage.toString()))).await();
      run.on(api.port());
    } finally {
      vertx.close().await();
      delete(storage);
    }
  }

  private static void delete(Path dir) throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }
}
