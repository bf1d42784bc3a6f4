package nws.watermark.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import nws.watermark.api.storage.OriginalStore;
import nws.watermark.shared.Config;
import nws.watermark.shared.ErrorCode;
import nws.watermark.shared.ServiceException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Which refused uploads lose their original: junk does, a HEIC refused by a node without libheif
 * does not (another node, or this one with the codec installed, reads it).
 */
class OriginalTest {

  private static Vertx vertx;

  @BeforeAll
  static void start() {
    vertx = Vertx.vertx();
  }

  @AfterAll
  static void stop() {
    vertx.close().await();
  }

  private static boolean keptAfterRefusal(Path dir, String sha256, byte[] bytes, ErrorCode code) throws Exception {
    OriginalStore store = OriginalStore.open(vertx, Config.fromEnv(Map.of("NWS_STORAGE_DIR", dir.toString())).storage()).await();
    Original original = Original.uploaded(sha256, () -> Future.succeededFuture(Buffer.buffer(bytes)), "image/heic", store);
    original.bytes().await();
    assertTrue(Files.exists(dir.resolve("original").resolve(sha256)), "stored before processing");
    original.refused(new ServiceException(code, "refused")).otherwiseEmpty().await();
    Thread.sleep(300); // the delete is not waited for by the answer
    return Files.exists(dir.resolve("original").resolve(sha256));
  }

  @Test
  void junk_refused_as_unsupported_is_removed(@TempDir Path dir) throws Exception {
    byte[] text = "hello, I am not an image".getBytes(StandardCharsets.UTF_8);
    assertEquals(false, keptAfterRefusal(dir, "a".repeat(64), text, ErrorCode.UNSUPPORTED_FORMAT));
  }

  @Test
  void a_heic_refused_for_want_of_libheif_is_kept(@TempDir Path dir) throws Exception {
    byte[] heic = new byte[64];
    System.arraycopy(new byte[] {0, 0, 0, 24, 'f', 't', 'y', 'p', 'h', 'e', 'i', 'c'}, 0, heic, 0, 12);
    assertEquals(true, keptAfterRefusal(dir, "b".repeat(64), heic, ErrorCode.UNSUPPORTED_FORMAT));
    assertEquals(false, keptAfterRefusal(dir, "c".repeat(64), heic, ErrorCode.UNDECODABLE_IMAGE),
        "a HEIC whose bytes do not decode is junk all the same");
  }
}
