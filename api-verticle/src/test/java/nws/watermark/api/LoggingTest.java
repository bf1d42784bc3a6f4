package nws.watermark.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import nws.watermark.shared.config.HttpConfig;
import nws.watermark.shared.config.LogConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What an operator reads: {@code ApiMain} run as a process of its own, as {@code java -jar} runs
 * it, with the production logback configuration. One line per request, the configuration once at
 * start, and {@code NWS_LOG_FORMAT=json} giving one JSON object per line.
 */
class LoggingTest {

  private final HttpClient http = HttpClient.newBuilder().proxy(HttpClient.Builder.NO_PROXY).build();
  private ServiceProcess service;

  @AfterEach
  void stop() {
    if (service != null) {
      service.close();
    }
  }

  @Test
  void json_format_gives_one_object_per_line_with_the_request_fields() throws Exception {
    int port = start(Map.of(LogConfig.FORMAT.name(), "json"));
    List<String> lines = service.lines();

    HttpResponse<byte[]> health = send(HttpRequest.newBuilder(uri(port, "/health")).header("X-Request-Id", "probe-1").GET());
    HttpResponse<byte[]> upload = send(HttpRequest.newBuilder(uri(port, "/upload?w=100"))
        .header("Content-Type", "image/jpeg")
        .POST(HttpRequest.BodyPublishers.ofByteArray(Service.corpus("photo_03mp_rocket.jpg"))));
    assertEquals("probe-1", health.headers().firstValue("X-Request-Id").orElseThrow(), "the id is echoed");
    String uploadId = upload.headers().firstValue("X-Request-Id").orElseThrow();

    JsonObject healthLine = new JsonObject(awaitLine(l -> new JsonObject(l).getString("id", "").equals("probe-1")));
    assertEquals("GET", healthLine.getString("method"));
    assertEquals("/health", healthLine.getString("path"));
    assertEquals(200, healthLine.getInteger("status"));
    assertEquals(health.body().length, healthLine.getLong("bytes"));
    assertEquals("-", healthLine.getString("cache"));
    assertEquals("127.0.0.1", healthLine.getString("client"));
    assertEquals("-", healthLine.getString("key"));
    assertTrue(healthLine.getLong("ms") >= 0);

    JsonObject uploadLine = new JsonObject(awaitLine(l -> new JsonObject(l).getString("id", "").equals(uploadId)));
    assertEquals("POST", uploadLine.getString("method"));
    assertEquals("/upload", uploadLine.getString("path"));
    assertEquals(200, uploadLine.getInteger("status"));
    assertEquals("MISS", uploadLine.getString("cache"));
    assertEquals(upload.body().length, uploadLine.getLong("bytes"));

    for (String line : lines) {
      assertTrue(line.startsWith("{") && line.endsWith("}"), "every line is one JSON object: " + line);
      new JsonObject(line);
    }
    List<String> configuration = lines.stream().filter(l -> new JsonObject(l).getString("message").startsWith("configuration ")).toList();
    assertEquals(1, configuration.size(), "the configuration is logged once");
    assertTrue(configuration.get(0).contains(LogConfig.FORMAT + "=json"), configuration.get(0));
  }

  @Test
  void text_format_is_one_readable_line_per_request() throws Exception {
    int port = start(Map.of());
    List<String> lines = service.lines();

    send(HttpRequest.newBuilder(uri(port, "/no-such-page")).header("X-Request-Id", "probe-2").GET());

    String line = awaitLine(l -> l.contains("id=probe-2"));
    assertTrue(line.matches(".*id=probe-2 method=GET path=/no-such-page status=404 bytes=\\d+ ms=\\d+ cache=- client=127\\.0\\.0\\.1 key=-$"), line);
    assertEquals(1, lines.stream().filter(l -> l.contains(" - configuration {" + HttpConfig.HOST + "=")).count(),
        "the configuration is logged once: " + lines);
  }

  @Test
  void an_unknown_log_format_stops_the_start_and_names_the_variable() throws Exception {
    service = ServiceProcess.launch(Map.of(LogConfig.FORMAT.name(), "xml"));
    assertTrue(service.process.waitFor(ServiceProcess.WAIT_MS, TimeUnit.MILLISECONDS), "the process exits");
    assertEquals(2, service.process.exitValue());
    awaitLine(l -> l.contains("NWS_LOG_FORMAT must be text or json, got 'xml'"));
  }

  /** Starts ApiMain and waits for the port it listens on. */
  private int start(Map<String, String> env) {
    service = ServiceProcess.launch(env);
    return service.port();
  }

  private String awaitLine(java.util.function.Predicate<String> match) {
    return service.awaitLine(match);
  }

  private HttpResponse<byte[]> send(HttpRequest.Builder request) throws Exception {
    return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  private static URI uri(int port, String path) {
    return URI.create("http://127.0.0.1:" + port + path);
  }
}
