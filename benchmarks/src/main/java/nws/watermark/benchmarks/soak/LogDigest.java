package nws.watermark.benchmarks.soak;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What the cluster's logs say: the WARN and ERROR lines of every log in the run folder, grouped
 * by their message with numbers of two digits or more and ids blanked out (so a thousand "redis get failed" read as one
 * line with a count), and the lines that name the request ids of the requests lost.
 */
final class LogDigest {

  private static final Pattern LEVEL = Pattern.compile("\\b(WARN|ERROR)\\b");
  /** Ids, times, ports and counts; single digits stay ("attempt 2", "delivery 3 of at most 3"). */
  private static final Pattern VARIABLE = Pattern.compile("[0-9a-f]{8,}|\\d{2,}");
  private static final int TOP = 12;

  private final Path runDir;

  LogDigest(Path runDir) {
    this.runDir = runDir;
  }

  /** Per log file, its most frequent WARN and ERROR messages, as "count  message". */
  String warnings() {
    StringBuilder out = new StringBuilder();
    for (Path log : logs()) {
      Map<String, Integer> counts = new LinkedHashMap<>();
      for (String line : lines(log)) {
        var level = LEVEL.matcher(line);
        if (level.find()) {
          // the logger and the message, without the time and thread in front
          String message = VARIABLE.matcher(line.substring(level.start())).replaceAll("#").replaceAll("\\s+", " ");
          counts.merge(message.substring(0, Math.min(160, message.length())), 1, Integer::sum);
        }
      }
      out.append(String.format("%s: %d WARN/ERROR lines%n", runDir.relativize(log),
          counts.values().stream().mapToInt(Integer::intValue).sum()));
      counts.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(TOP)
          .forEach(e -> out.append(String.format("  %6d  %s%n", e.getValue(), e.getKey())));
    }
    return out.toString();
  }

  /** The log lines (file: line) naming any of {@code ids}. */
  List<String> mentioning(Set<String> ids) {
    List<String> found = new ArrayList<>();
    for (Path log : logs()) {
      for (String line : lines(log)) {
        for (String id : ids) {
          if (line.contains("id=" + id + " ") || line.contains(id + "\"") || line.endsWith(id)) {
            found.add(runDir.relativize(log) + ": " + line);
            break;
          }
        }
      }
    }
    return found;
  }

  private List<Path> logs() {
    try (Stream<Path> files = Files.walk(runDir, 4)) {
      return files.filter(p -> p.toString().endsWith(".log") && !p.getFileName().toString().startsWith("restart-"))
          .sorted(Comparator.comparing(Path::toString)).toList();
    } catch (IOException e) {
      return List.of();
    }
  }

  private static List<String> lines(Path log) {
    try {
      return new String(Files.readAllBytes(log), StandardCharsets.UTF_8).lines().toList();
    } catch (IOException e) {
      return List.of();
    }
  }
}
