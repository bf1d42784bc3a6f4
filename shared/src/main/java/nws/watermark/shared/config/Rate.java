package nws.watermark.shared.config;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A rate limit as written in a setting: {@code 600/m} is 600 a minute ({@code s}, {@code m},
 * {@code h} or {@code d}); empty or {@code 0} is no limit.
 */
public record Rate(long count, Duration per) {

  public static final Rate NONE = new Rate(0, Duration.ofSeconds(1));
  private static final Pattern TEXT = Pattern.compile("(\\d{1,9})\\s*/\\s*([smhd])");
  private static final Map<String, Duration> UNITS = Map.of(
      "s", Duration.ofSeconds(1), "m", Duration.ofMinutes(1), "h", Duration.ofHours(1), "d", Duration.ofDays(1));

  /** Whether there is a limit at all. */
  public boolean limits() {
    return count > 0;
  }

  /** The rate {@code text} says, or null when it says none that this reads. */
  public static Rate parse(String text) {
    String t = text.trim().toLowerCase(Locale.ROOT);
    if (t.isEmpty() || t.equals("0")) {
      return NONE;
    }
    Matcher m = TEXT.matcher(t);
    if (!m.matches() || Long.parseLong(m.group(1)) == 0) {
      return m.matches() ? NONE : null;
    }
    return new Rate(Long.parseLong(m.group(1)), UNITS.get(m.group(2)));
  }

  @Override
  public String toString() {
    if (!limits()) {
      return "";
    }
    String unit = UNITS.entrySet().stream().filter(e -> e.getValue().equals(per)).findFirst().orElseThrow().getKey();
    return count + "/" + unit;
  }
}
