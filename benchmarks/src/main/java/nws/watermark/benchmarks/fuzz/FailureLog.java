package nws.watermark.benchmarks.fuzz;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Prints each failure on one line and saves its input for replay: {@code <variant>-<case>.http}
 * holds the bytes exactly as sent, {@code .txt} beside it what the case was, what came back and
 * how to send it again. The first few of each kind are saved (a known bug can fail thousands of
 * cases); every case can be made again from its seed and index anyway.
 */
final class FailureLog {

  private final Path dir;
  private final long seed;
  private final int port;
  private final PrintStream out;
  private final int savePerKind;
  private final Map<String, Integer> saved = new HashMap<>();

  FailureLog(Path dir, long seed, int port, PrintStream out, int savePerKind) {
    this.dir = dir;
    this.seed = seed;
    this.port = port;
    this.out = out;
    this.savePerKind = savePerKind;
  }

  /** Prints the failure; answers the replay file, or null when enough of its kind are saved already. */
  synchronized Path record(FuzzCase c, Verdict.Failure failure, Exchange exchange) {
    String key = key(c, failure);
    Path file = null;
    if (saved.merge(key, 1, Integer::sum) <= savePerKind) {
      file = save(c, failure, exchange);
    }
    out.printf("FAIL case %d %s %s: %s | %s | %s%n", c.index(), c.family().label, c.variant(), failure.kind(),
        clip(failure.detail()), file != null ? "replay " + file
            : "again: --seed " + seed + " --first " + c.index() + " --cases 1");
    return file;
  }

  static String key(FuzzCase c, Verdict.Failure failure) {
    return c.variant() + " -> " + failure.kind();
  }

  private Path save(FuzzCase c, Verdict.Failure failure, Exchange exchange) {
    try {
      Files.createDirectories(dir);
      String name = c.variant().replaceAll("[^A-Za-z0-9_-]+", "_") + "-" + c.index();
      Path http = dir.resolve(name + ".http").toAbsolutePath();
      Files.write(http, c.request().bytes());
      Files.writeString(dir.resolve(name + ".txt"), c.describe(seed)
          + "failure: " + failure.kind() + ": " + failure.detail() + "\n"
          + "answers: " + exchange.answers().stream().map(a -> a.statusLine() + " " + a.bodyStart())
              .collect(Collectors.joining(" || ")) + " (then " + exchange.end() + ", " + exchange.millis() + " ms)\n"
          + Replay.sidecar(c.request())
          + "replay: scripts/fuzz.sh --url http://127.0.0.1:" + port + " --replay " + http + "\n");
      return http;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot save the failing case under " + dir, e);
    }
  }

  private static String clip(String s) {
    String line = s.replaceAll("[\\r\\n]+", " ");
    return line.length() > 240 ? line.substring(0, 240) + "..." : line;
  }
}
