package nws.watermark.api.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The README's signers, run as a user would run them: the shell one in bash with openssl, the
 * Python one in python3, the JavaScript one in node, and the service jar's {@code sign} command.
 * Each must give the test vector's {@code sig}, the same one the service checks.
 */
class SigningSnippetsTest {

  static final Path README = Path.of("..", "README.md");
  static final String SECTION = "#### Signing in other languages";
  private static final Pattern VECTOR = Pattern.compile("\\| `sig` \\| `([A-Za-z0-9_-]{43})` \\|");
  private static final Map<String, List<String>> RUNNERS = Map.of(
      "sh", List.of("bash", "-e"), "python", List.of("python3"), "js", List.of("node"));

  @Test
  void every_snippet_prints_the_test_vector_signature() throws Exception {
    String readme = Files.readString(README);
    String sig = vector(readme);
    assertEquals(sig, SignerVector.SIG, "the README's vector is the one SignerTest checks");
    int start = readme.indexOf(SECTION);
    assertTrue(start >= 0, "README has '" + SECTION + "'");
    String section = readme.substring(start, readme.indexOf("\n### ", start));
    Matcher block = Pattern.compile("```(sh|python|js)\\n(.*?)```", Pattern.DOTALL).matcher(section);
    List<String> ran = new ArrayList<>();
    while (block.find()) {
      String output = run(RUNNERS.get(block.group(1)), block.group(2));
      assertEquals(sig, output.trim(), block.group(1) + " snippet");
      ran.add(block.group(1));
    }
    assertEquals(List.of("sh", "python", "js"), ran);
  }

  @Test
  void the_sign_command_signs_the_vector_and_refuses_without_a_key() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    String url = SignerVector.UNSIGNED;
    int status = SignCommand.run(new String[] {"sign", url}, Map.of("NWS_SIGNING_KEYS", SignerVector.KEY),
        new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    assertEquals(0, status, err.toString(StandardCharsets.UTF_8));
    assertEquals(url + "&sig=" + SignerVector.SIG, out.toString(StandardCharsets.UTF_8).trim());

    ByteArrayOutputStream none = new ByteArrayOutputStream();
    assertEquals(2, SignCommand.run(new String[] {"sign", url}, Map.of(), new PrintStream(out), new PrintStream(none, true,
        StandardCharsets.UTF_8)));
    assertTrue(none.toString(StandardCharsets.UTF_8).contains("NWS_SIGNING_KEYS is not set"));
    assertEquals(2, SignCommand.run(new String[] {"sign"}, Map.of("NWS_SIGNING_KEYS", SignerVector.KEY),
        new PrintStream(out), new PrintStream(none)));
  }

  private static String vector(String readme) {
    Matcher m = VECTOR.matcher(readme);
    assertTrue(m.find(), "README gives the test vector's sig");
    return m.group(1);
  }

  private static String run(List<String> runner, String script) throws IOException, InterruptedException {
    Path file = Files.createTempFile("nws-snippet-", ".txt");
    try {
      Files.writeString(file, script);
      List<String> command = new ArrayList<>(runner);
      command.add(file.toString());
      Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
      assertTrue(p.waitFor(30, TimeUnit.SECONDS), runner + " finished");
      String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertEquals(0, p.exitValue(), runner + ": " + output);
      return output;
    } finally {
      Files.deleteIfExists(file);
    }
  }
}
