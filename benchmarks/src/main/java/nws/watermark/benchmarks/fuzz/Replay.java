package nws.watermark.benchmarks.fuzz;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * Sends one saved case again: the {@code .http} file's bytes as they are, sent and judged as the
 * {@code .txt} beside it says (how many answers, half-close or not). Prints what came back and the
 * verdict.
 */
final class Replay {

  private Replay() {}

  /** The lines of a case's {@code .txt} that replaying it needs. */
  static String sidecar(RawRequest request) {
    return "targets: " + String.join(" ", request.targets()) + "\n"
        + "halfClose: " + request.halfClose() + "\n"
        + "answerRequired: " + request.answerRequired() + "\n";
  }

  /** Sends the case; answers true when the verdict is a pass. */
  static boolean run(Path http, RawExchange exchange, PrintStream out) throws IOException {
    byte[] bytes = Files.readAllBytes(http);
    Path txt = http.resolveSibling(http.getFileName().toString().replaceFirst("\\.http$", ".txt"));
    List<String> lines = Files.exists(txt) ? Files.readAllLines(txt) : List.of();
    List<String> targets = Arrays.asList(field(lines, "targets", "/upload").split(" "));
    RawRequest request = new RawRequest(bytes, targets, Boolean.parseBoolean(field(lines, "halfClose", "false")),
        Boolean.parseBoolean(field(lines, "answerRequired", "true")), field(lines, "request", http.toString()));
    out.println("replaying " + http + " (" + bytes.length + " bytes): " + request.summary());
    Exchange result = exchange.send(request);
    for (Answer a : result.answers()) {
      out.println("  " + a.statusLine() + " " + a.headers() + " " + a.bodyStart());
    }
    out.println("  then " + result.end() + " after " + result.millis() + " ms"
        + (result.error() == null ? "" : ": " + result.error()));
    Verdict.Failure failure = Verdict.judge(request, result);
    out.println(failure == null ? "PASS" : "FAIL " + failure.kind() + ": " + failure.detail());
    return failure == null;
  }

  private static String field(List<String> lines, String name, String fallback) {
    return lines.stream().filter(l -> l.startsWith(name + ": ")).map(l -> l.substring(name.length() + 2))
        .findFirst().orElse(fallback);
  }
}
