package nws.watermark.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs the README's curl examples, so they cannot rot: each {@code sh} block of the sections
 * "Try it" and "curl examples" runs in bash against a service on a free port, in a folder holding the files the
 * README names. A command ending in {@code # <status> [<ERROR_CODE>]} must answer exactly that; a
 * block whose first line is {@code # with NWS_X=... } runs against a service started that way.
 */
class ReadmeTest {

  static final Path README = Path.of("..", "README.md");
  /** The sections whose {@code sh} blocks are run: the first steps, and the examples. */
  static final List<String> SECTIONS = List.of("## Try it", "## curl examples");
  private static final Pattern CHECKED = Pattern.compile("^(curl .*?)\\s+#\\s+(\\d{3})(?:\\s+([A-Z_]{3,}))?\\b.*$");
  private static final Pattern WITH = Pattern.compile("^#\\s+with\\s+(.*)$");
  private static final String MARK = "@@status ";
  /** What the examples upload, by the name the README gives it. */
  private static final Map<String, String> FILES = Map.of(
      "photo.jpg", "photo_2mp_storm.jpg",
      "small.jpg", "photo_03mp_rocket.jpg",
      "big.webp", "wallpaper_wood_4096.webp",
      "notes.txt", "not_an_image.jpg",
      "truncated.jpg", "truncated.jpg",
      "bomb.png", "bomb_30000.png");

  private static Path folder;

  record Block(int number, Map<String, String> env, List<String> lines) {
    @Override
    public String toString() {
      return "block " + number + (env.isEmpty() ? "" : " with " + env);
    }
  }

  @BeforeAll
  static void files() throws IOException {
    assertTrue(Files.isExecutable(Path.of("/usr/bin/curl")), "the README examples need curl (.ci/run installs it)");
    folder = Files.createTempDirectory("nws-readme-");
    for (Map.Entry<String, String> f : FILES.entrySet()) {
      Files.copy(Service.CORPUS.resolve(f.getValue()), folder.resolve(f.getKey()));
    }
    // Over the default 32 MiB limit; curl asks "Expect: 100-continue" first, so it is never sent.
    try (var out = Files.newOutputStream(folder.resolve("huge.jpg"))) {
      out.write(new byte[33 * 1024 * 1024]);
    }
  }

  @AfterAll
  static void clean() throws IOException {
    try (var files = Files.walk(folder)) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }

  static Stream<Block> blocks() throws IOException {
    List<String> lines = Files.readAllLines(README);
    List<Block> blocks = new ArrayList<>();
    for (String section : SECTIONS) {
      int start = lines.indexOf(section);
      assertTrue(start >= 0, "README.md has a section '" + section + "'");
      int before = blocks.size();
      List<String> current = null;
      for (String line : lines.subList(start + 1, lines.size())) {
        if (line.startsWith("## ")) {
          break;
        }
        if (line.equals("```sh")) {
          current = new ArrayList<>();
        } else if (line.equals("```") && current != null) {
          blocks.add(block(blocks.size() + 1, current));
          current = null;
        } else if (current != null) {
          current.add(line);
        }
      }
      assertTrue(blocks.size() > before, "the section '" + section + "' has examples");
    }
    return blocks.stream();
  }

  private static Block block(int number, List<String> lines) {
    Map<String, String> env = new HashMap<>();
    Matcher with = lines.isEmpty() ? null : WITH.matcher(lines.get(0));
    if (with != null && with.matches()) {
      for (String pair : with.group(1).trim().split("\\s+")) {
        String[] kv = pair.split("=", 2);
        env.put(kv[0], kv[1]);
      }
    }
    return new Block(number, env, lines);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("blocks")
  void each_example_answers_what_the_readme_says(Block block) throws Exception {
    try (Service service = Service.start(block.env())) {
      List<String[]> expected = new ArrayList<>();
      StringBuilder script = new StringBuilder("set -eu\n");
      for (String line : block.lines()) {
        String local = line.replace("http://localhost:8080", "http://127.0.0.1:" + service.port);
        Matcher m = CHECKED.matcher(local);
        if (m.matches()) {
          expected.add(new String[] {line, m.group(2), m.group(3)});
          script.append(m.group(1)).append(" -s -w '\\n").append(MARK).append("%{http_code}\\n'\n");
        } else {
          script.append(local).append('\n');
        }
      }
      String out = bash(script.toString());
      String[] answers = out.split(Pattern.quote(MARK), -1);
      assertEquals(expected.size() + 1, answers.length, () -> "every checked command ran:\n" + out);
      for (int i = 0; i < expected.size(); i++) {
        String[] e = expected.get(i);
        String body = i == 0 ? answers[0] : answers[i].substring(answers[i].indexOf('\n') + 1);
        String status = answers[i + 1].substring(0, 3);
        assertEquals(e[1], status, e[0] + "\n" + body);
        if (e[2] != null) {
          assertTrue(body.replace(" ", "").contains("\"error\":\"" + e[2] + "\""), e[0] + " answers " + e[2] + ", got:\n" + body);
        }
      }
    }
  }

  /** The event-bus client the README shows is the program {@code ClusterIT} runs, to the letter. */
  @org.junit.jupiter.api.Test
  void the_readme_event_bus_client_is_the_program_the_cluster_test_runs() throws IOException {
    String readme = Files.readString(README);
    int start = readme.indexOf("```java\npackage nws.watermark.example;");
    assertTrue(start >= 0, "README shows the event-bus client");
    String shown = readme.substring(start + "```java\n".length(), readme.indexOf("\n```", start));
    String program = Files.readString(Path.of("src/test/java/nws/watermark/example/OptimizeFile.java"));
    assertEquals(program.strip(), shown.strip());
  }

  private static String bash(String script) throws Exception {
    Process p = new ProcessBuilder("bash", "-c", script)
        .directory(folder.toFile())
        .redirectErrorStream(true)
        .start();
    byte[] out = p.getInputStream().readAllBytes();
    assertTrue(p.waitFor(120, TimeUnit.SECONDS), "the block finishes");
    String text = new String(out, StandardCharsets.UTF_8);
    assertEquals(0, p.exitValue(), () -> "the block failed:\n" + script + "\n" + text);
    return text;
  }
}
