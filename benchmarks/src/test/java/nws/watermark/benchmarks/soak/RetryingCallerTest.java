package nws.watermark.benchmarks.soak;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.util.Map;
import nws.watermark.benchmarks.ScriptedServer;
import org.junit.jupiter.api.Test;

class RetryingCallerTest {

  private static final String BUSY = ScriptedServer.answer(503, "Retry-After: 0.2\r\n", "{\"error\": \"BUSY\"}");
  private static final String OK = ScriptedServer.answer(200, "X-Cache: HIT\r\n", "image");
  private static final Call ID_HIT = Call.get(Kind.ID_HIT, "/images/abc?w=1", Map.of(), 0, "w=1");

  private static Outcome call(ScriptedServer server, double budgetSeconds) {
    return new RetryingCaller(server.port(), 5, budgetSeconds, System.nanoTime()).call(7, ID_HIT, (c, a) -> { });
  }

  @Test
  void a_503_with_retry_after_that_succeeds_on_retry_is_answered_not_lost() throws IOException {
    try (ScriptedServer server = new ScriptedServer(BUSY, BUSY, OK)) {
      Outcome outcome = call(server, 10);
      assertNull(outcome.lost());
      assertEquals(200, outcome.status());
      assertEquals(2, outcome.busy());
      assertEquals("soak-7-1,soak-7-2,soak-7-3", outcome.requestIds());
    }
  }

  @Test
  void a_503_past_the_retry_budget_is_lost() throws IOException {
    try (ScriptedServer server = new ScriptedServer(BUSY, BUSY, BUSY, BUSY, BUSY, BUSY, BUSY, BUSY)) {
      Outcome outcome = call(server, 0.5);
      assertNotNull(outcome.lost());
      assertEquals(503, outcome.status());
    }
  }

  @Test
  void a_5xx_other_than_503_is_lost_and_not_retried() throws IOException {
    try (ScriptedServer server = new ScriptedServer(
        ScriptedServer.answer(502, "", "{\"error\": \"OPTIMIZER_UNAVAILABLE\"}"), OK)) {
      Outcome outcome = call(server, 10);
      assertEquals("502 OPTIMIZER_UNAVAILABLE", outcome.lost());
      assertEquals(1, server.requests.get());
    }
  }

  @Test
  void no_answer_is_lost() throws IOException {
    try (ScriptedServer server = new ScriptedServer((String) null)) {
      Outcome outcome = call(server, 10);
      assertEquals(-1, outcome.status());
      assertNotNull(outcome.lost());
    }
  }

  @Test
  void a_wrong_status_is_answered_but_unexpected() throws IOException {
    try (ScriptedServer server = new ScriptedServer(ScriptedServer.answer(404, "", "{\"error\": \"NOT_FOUND\"}"))) {
      Outcome outcome = call(server, 10);
      assertNull(outcome.lost());
      assertEquals(true, outcome.unexpected());
    }
  }
}
