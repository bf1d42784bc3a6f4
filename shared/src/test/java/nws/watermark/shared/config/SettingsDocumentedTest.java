package nws.watermark.shared.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import nws.watermark.shared.Config;
import nws.watermark.shared.ErrorCode;
import nws.watermark.shared.Options;
import org.junit.jupiter.api.Test;

/**
 * The README's configuration tables and the code say the same: every setting the code reads has a
 * row with its default, and every row names a setting the code reads. Likewise every option has a
 * row in the options table, and every error code one in the error table.
 */
class SettingsDocumentedTest {

  static final Path README = Path.of("..", "README.md");
  /** A table row whose first cell is one variable: {@code | `NWS_X` | default | meaning |}. */
  private static final Pattern ROW = Pattern.compile("^\\|\\s*`(NWS_[A-Z0-9_]+)`\\s*\\|([^|]*)\\|.*$");
  private static final Pattern CODE = Pattern.compile("`([^`]*)`");

  @Test
  void every_setting_has_a_readme_row_with_its_default_and_every_row_a_setting() throws IOException {
    Map<String, List<String>> rows = new TreeMap<>();
    for (String line : Files.readAllLines(README)) {
      Matcher m = ROW.matcher(line);
      if (m.matches()) {
        rows.computeIfAbsent(m.group(1), k -> new ArrayList<>()).add(m.group(2).trim());
      }
    }
    List<Setting<?>> settings = Config.settings();
    Set<String> names = settings.stream().map(Setting::name).collect(Collectors.toSet());
    assertEquals(names.size(), settings.size(), "no setting is read twice");
    for (Setting<?> setting : settings) {
      List<String> documented = rows.get(setting.name());
      assertTrue(documented != null, setting.name() + " has a row in a README configuration table");
      for (String cell : documented) {
        assertEquals(setting.documentedDefault(), shownDefault(setting, cell), "README default of " + setting.name());
      }
    }
    Set<String> unknown = new java.util.TreeSet<>(rows.keySet());
    unknown.removeAll(names);
    assertTrue(unknown.isEmpty(), "README rows for settings the code does not read: " + unknown);
  }

  @Test
  void every_option_has_a_row_in_the_readme_options_table() throws IOException {
    String readme = Files.readString(README);
    int start = readme.indexOf("## Options");
    assertFalse(start < 0, "README has a section '## Options'");
    String section = readme.substring(start, readme.indexOf("\n## ", start + 1));
    for (String name : Options.NAMES) {
      assertTrue(section.contains("| `" + name + "`") || section.contains(", `" + name + "`"),
          "option " + name + " has a row in the README's options table");
    }
  }

  @Test
  void every_error_code_has_a_row_with_its_status_in_the_readme_error_table() throws IOException {
    String readme = Files.readString(README);
    for (ErrorCode code : ErrorCode.values()) {
      assertTrue(readme.contains("| " + code.status() + " | `" + code.name() + "` |"),
          code + " has a row '| " + code.status() + " | `" + code.name() + "` |' in the README's error table");
    }
  }

  /** The cell as a whole when it words the default, else its first code span: `33554432` (32 MiB). */
  private static String shownDefault(Setting<?> setting, String cell) {
    if (cell.equals(setting.documentedDefault())) {
      return cell;
    }
    Matcher code = CODE.matcher(cell);
    return code.find() ? code.group(1) : cell;
  }
}
