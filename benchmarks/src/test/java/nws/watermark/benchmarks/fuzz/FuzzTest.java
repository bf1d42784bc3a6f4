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

  @Test
  void two_thousand_seeded_cases_each_get_an_image_or_a_json_client_error() throws Exception {
    Path storage = Files.createTempDirectory("nws-fuzz-");
    Vertx vertx = Metrics.vertxBuilder().build();
    try {
      ApiVerticle api = ApiMain.deploy(vertx, Config.fromEnv(Map.of(HttpConfig.HOST.name(), "127.0.0.1",
          HttpConfig.PORT.name(), "0", StorageConfig.DIR.name(), storage.toString()))).await();
      Path corpus = Path.of(System.getProperty("nws.corpus.dir", "../../shared/corpus"));
      // The bound on time is a safety net, not the measure: a run cut short fails below.
      FuzzSettings settings = new FuzzSettings(api.port(), CASES, SEED, 0, Path.of("target", "fuzz-test"), corpus,
          30_000, 900, 3, 250, ProcessHandle.current().pid(), 0, null);
      Tally tally = new FuzzRun(settings, System.out).run();
      assertEquals(CASES, tally.cases(), "the run was cut short by its time bound");
      assertEquals(0, tally.failures(), () -> tally.failures() + " failures:\n" + String.join("\n", tally.failureKinds()));
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
