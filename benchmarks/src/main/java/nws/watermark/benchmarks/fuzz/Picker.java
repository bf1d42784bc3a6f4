package nws.watermark.benchmarks.fuzz;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Draws from fixed lists of hostile values and remembers what it drew, so a case's description
 * names the odd value it sent (which chunk size, which Content-Length), shown with its control
 * characters visible and its length when long.
 */
final class Picker {

  private final Random random;
  private final List<String> picked = new ArrayList<>();

  Picker(Random random) {
    this.random = random;
  }

  @SafeVarargs
  final <T> T pick(T... choices) {
    T choice = choices[random.nextInt(choices.length)];
    picked.add("'" + visible(String.valueOf(choice)) + "'");
    return choice;
  }

  Random random() {
    return random;
  }

  /** What was drawn, quoted (an empty value shows as ''), in order; empty when nothing was. */
  String picked() {
    return String.join(", ", picked);
  }

  /** {@code s} with CR, LF, NUL and other control characters escaped, cut to 60 characters. */
  static String visible(String s) {
    StringBuilder out = new StringBuilder();
    for (char c : s.substring(0, Math.min(s.length(), 60)).toCharArray()) {
      switch (c) {
        case '\r' -> out.append("\\r");
        case '\n' -> out.append("\\n");
        case '\t' -> out.append("\\t");
        default -> out.append(c < 0x20 || c == 0x7f ? String.format("\\x%02x", (int) c) : String.valueOf(c));
      }
    }
    return s.length() > 60 ? out + "...(" + s.length() + " chars)" : out.toString();
  }
}
