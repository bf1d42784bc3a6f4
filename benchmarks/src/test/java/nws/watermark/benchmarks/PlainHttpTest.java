package nws.watermark.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PlainHttpTest {

  @Test
  void answer_carries_status_headers_and_the_error_code() throws IOException {
    try (ScriptedServer server = new ScriptedServer(ScriptedServer.answer(503, "Retry-After: 2\r\n",
        "{\"error\": \"BUSY\", \"message\": \"try later\"}"));
        PlainHttp http = new PlainHttp(server.port())) {
      HttpAnswer answer = http.exchange("GET", "/images/x", Map.of("X-Request-Id", "t-1"), null, new byte[0]);
      assertEquals(503, answer.status());
      assertEquals("2", answer.header("Retry-After"));
      assertEquals("BUSY", answer.errorCode());
    }
  }

  @Test
  void a_kept_alive_connection_the_server_closed_is_sent_again_once() throws IOException {
    try (ScriptedServer server = new ScriptedServer(ScriptedServer.answer(200, "", "a"), null,
        ScriptedServer.answer(200, "", "b"));
        PlainHttp http = new PlainHttp(server.port())) {
      assertEquals(200, http.get("/"));
      assertEquals(200, http.get("/"));
      assertEquals(1, http.reconnects());
      assertEquals(2, server.connections.get());
    }
  }

  @Test
  void a_fresh_connection_closed_without_an_answer_is_a_failure_not_retried() throws IOException {
    try (ScriptedServer server = new ScriptedServer((String) null, ScriptedServer.answer(200, "", "late"));
        PlainHttp http = new PlainHttp(server.port())) {
      assertThrows(IOException.class, () -> http.get("/"));
      assertEquals(0, http.reconnects());
      assertEquals(1, server.requests.get());
    }
  }

  @Test
  void no_server_is_a_failure() throws IOException {
    int port;
    try (ServerSocket free = new ServerSocket(0)) {
      port = free.getLocalPort();
    }
    try (PlainHttp http = new PlainHttp(port)) {
      assertThrows(IOException.class, () -> http.get("/"));
    }
  }
}
