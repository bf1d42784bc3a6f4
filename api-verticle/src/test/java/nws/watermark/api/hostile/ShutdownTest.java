package nws.watermark.api.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import nws.watermark.api.Service;
import nws.watermark.api.ServiceProcess;
import nws.watermark.api.cache.CacheKey;

/**
 * SIGTERM on a standalone node in the middle of a burst, as a rolling restart sends it: every
 * upload it accepted is answered and its original stored, then the process ends.
 */
class ShutdownTest {

  @org.junit.jupiter.api.Test
  void sigterm_answers_every_upload_in_flight_and_keeps_their_originals() throws Exception {
    try (ServiceProcess service = ServiceProcess.started(Map.of())) {
      int port = service.port();
      HttpClient http = HttpClient.newBuilder().proxy(HttpClient.Builder.NO_PROXY).build();
      byte[] photo = Service.corpus("photo_8mp_picos.jpg");
      List<byte[]> uploads = new ArrayList<>();
      List<CompletableFuture<HttpResponse<byte[]>>> answers = new ArrayList<>();
      for (int i = 0; i < 6; i++) {
        // One trailing byte apiece: six distinct originals, each decoded like the photo.
        byte[] distinct = java.util.Arrays.copyOf(photo, photo.length + 1);
        distinct[photo.length] = (byte) i;
        uploads.add(distinct);
        answers.add(http.sendAsync(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/upload?w=900"))
            .timeout(Duration.ofSeconds(90)).header("Content-Type", "image/jpeg")
            .POST(HttpRequest.BodyPublishers.ofByteArray(distinct)).build(), HttpResponse.BodyHandlers.ofByteArray()));
      }
      long answeredBefore = awaitAccepted(http, port, distinctLength(photo), answers);
      service.terminate();
      assertTrue(answeredBefore < answers.size(), "some uploads were still in progress at SIGTERM");
      for (CompletableFuture<HttpResponse<byte[]>> answer : answers) {
        HttpResponse<byte[]> r = answer.get(90, TimeUnit.SECONDS);
        assertEquals(200, r.statusCode(), () -> new String(r.body()) + "; log:\n" + String.join("\n", service.lines()));
        assertEquals("image/jpeg", r.headers().firstValue("Content-Type").orElse(""));
      }
      assertTrue(service.process.waitFor(60, TimeUnit.SECONDS), "the process ends after draining");
      for (byte[] upload : uploads) {
        String sha256 = HexFormat.of().formatHex(CacheKey.digest().digest(upload));
        assertTrue(Files.isRegularFile(service.storage.resolve("original").resolve(sha256)), () -> "original " + sha256 + " kept; log:\n" + String.join("\n", service.lines()));
      }
      service.awaitLine(l -> l.contains("stopped"));
    }
  }

  private static long distinctLength(byte[] photo) {
    return photo.length + 1;
  }

  /**
   * Waits until every upload is either answered or whole in the service's hands (its bytes in
   * flight): all accepted. Returns how many were answered by then.
   */
  private static long awaitAccepted(HttpClient http, int port, long size,
      List<CompletableFuture<HttpResponse<byte[]>>> answers) throws Exception {
    long deadline = System.currentTimeMillis() + 60_000;
    while (System.currentTimeMillis() < deadline) {
      HttpResponse<String> ready = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/ready"))
          .build(), HttpResponse.BodyHandlers.ofString());
      long answered = answers.stream().filter(CompletableFuture::isDone).count();
      if (new JsonObject(ready.body()).getLong("bytesInFlight") + answered * size >= answers.size() * size) {
        return answered;
      }
      Thread.sleep(20);
    }
    throw new AssertionError("the uploads were not all accepted within 60 s");
  }
}
