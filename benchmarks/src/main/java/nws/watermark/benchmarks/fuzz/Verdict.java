package nws.watermark.benchmarks.fuzz;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/**
 * Judges one exchange. Acceptable: a 200 with an image that decodes as its Content-Type says
 * (JSON from {@code /health} and {@code /ready}); a 4xx, or a 503 with Retry-After, whose body is
 * JSON holding {@code error} and {@code message}; a close after such a 4xx; no answer at all only
 * where the request could not be complete. Anything else is a failure.
 */
final class Verdict {

  /** Why a case failed: {@code kind} groups failures (no case-specific detail in it). */
  record Failure(String kind, String detail) {}

  private static final List<String> JSON_PATHS = List.of("/health", "/ready");

  private Verdict() {}

  /** Null when the exchange is acceptable. */
  static Failure judge(RawRequest request, Exchange exchange) {
    List<Answer> answers = exchange.answers();
    for (int i = 0; i < answers.size(); i++) {
      Failure wrong = judge(answers.get(i), request.targets().get(i));
      if (wrong != null) {
        return wrong;
      }
    }
    if (answers.size() >= request.targets().size()) {
      return null;
    }
    boolean closedAfterClientError = !answers.isEmpty() && isClientError(answers.get(answers.size() - 1).status())
        && (exchange.end() == Exchange.End.CLOSED || exchange.end() == Exchange.End.RESET);
    boolean mayGoUnanswered = !request.answerRequired() && answers.isEmpty()
        && (exchange.end() == Exchange.End.CLOSED || exchange.end() == Exchange.End.RESET);
    if (closedAfterClientError || mayGoUnanswered) {
      return null;
    }
    String kind = switch (exchange.end()) {
      case TIMEOUT -> "no answer in time";
      case CLOSED -> "closed without an answer";
      case RESET -> "reset without an answer";
      case NOT_HTTP -> "not an HTTP answer";
      case ANSWERED -> "fewer answers than requests";
    };
    return new Failure(kind, answers.size() + " of " + request.targets().size() + " answers after "
        + exchange.millis() + " ms" + (exchange.error() == null ? "" : ": " + exchange.error()));
  }

  private static Failure judge(Answer a, String path) {
    int status = a.status();
    if (status == 200) {
      return JSON_PATHS.contains(path) ? jsonProblem(a, "200", false) : imageProblem(a);
    }
    if (isClientError(status) || status == 503) {
      Failure notJson = jsonProblem(a, String.valueOf(status), true);
      if (notJson != null) {
        return notJson;
      }
      return status == 503 && a.header("retry-after") == null
          ? new Failure("503 without Retry-After", a.bodyStart()) : null;
    }
    JsonObject json = json(a);
    String code = json == null ? "" : " " + json.getValue("error");
    return new Failure(status + code, a.statusLine() + " " + a.bodyStart());
  }

  private static Failure imageProblem(Answer a) {
    String problem = ImageCheck.problem(a);
    return problem == null ? null : new Failure("200 with a bad image", problem);
  }

  private static Failure jsonProblem(Answer a, String status, boolean errorFields) {
    String type = String.valueOf(a.header("content-type")).toLowerCase(Locale.ROOT);
    JsonObject json = json(a);
    if (!type.startsWith("application/json") || json == null) {
      return new Failure(status + " without a JSON body", "Content-Type " + a.header("content-type") + ", "
          + a.bodyStart());
    }
    boolean fields = json.getValue("error") instanceof String && json.getValue("message") instanceof String;
    return !errorFields || fields ? null
        : new Failure(status + " JSON without error and message", a.bodyStart());
  }

  private static JsonObject json(Answer a) {
    try {
      return new JsonObject(new String(a.body(), StandardCharsets.UTF_8));
    } catch (DecodeException | ClassCastException e) {
      return null;
    }
  }

  private static boolean isClientError(int status) {
    return status >= 400 && status < 500;
  }
}
