package nws.watermark.shared.config;

import java.util.Locale;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * One {@code NWS_*} environment variable: its name, its default, how its text is read, and the
 * range it must be in. Declared once, as a constant of the config record of its concern; the
 * README's configuration tables list the same names and defaults, and a test keeps them in step.
 *
 * @param <T> the type of the value
 */
public record Setting<T>(
    String name,
    T fallback,
    Function<String, T> parse,
    String kind,
    Predicate<T> valid,
    String expected,
    Function<T, Object> shown,
    String documented) {

  /** A whole number that fits an int. */
  public static Setting<Integer> integer(String name, int fallback) {
    return new Setting<>(name, fallback, Setting::toInt, "an integer", v -> true, null, v -> v, null);
  }

  /** A whole number (bytes, milliseconds, seconds). */
  public static Setting<Long> number(String name, long fallback) {
    return new Setting<>(name, fallback, Setting::toLong, "an integer", v -> true, null, v -> v, null);
  }

  /** Free text, taken as it is. */
  public static Setting<String> text(String name, String fallback) {
    return new Setting<>(name, fallback, raw -> raw, "text", v -> true, null, v -> v, null);
  }

  /** Text with the surrounding white space removed. */
  public static Setting<String> trimmed(String name, String fallback) {
    return new Setting<>(name, fallback, String::trim, "text", v -> true, null, v -> v, null);
  }

  /** {@code true} or {@code false}, in any case. */
  public static Setting<Boolean> bool(String name, boolean fallback) {
    return new Setting<>(name, fallback, Setting::toBool, "true or false", v -> true, null, v -> v, null);
  }

  /** A value of another kind: {@code parse} gives null for text that is not one, {@code kind} says what is. */
  public static <T> Setting<T> parsed(String name, T fallback, Function<String, T> parse, String kind) {
    return new Setting<>(name, fallback, parse, kind, v -> true, null, v -> v, null);
  }

  /** Only values that pass {@code valid} are accepted; {@code expected} says which, for the message. */
  public Setting<T> accepting(Predicate<T> valid, String expected) {
    return new Setting<>(name, fallback, parse, kind, valid, expected, shown, documented);
  }

  /** At least {@code min}: "at least 1", or the wording given. */
  public Setting<T> atLeast(long min) {
    return atLeast(min, "at least " + min);
  }

  /** At least {@code min}, worded as {@code expected} (such as "0 (off) or more"). */
  public Setting<T> atLeast(long min, String expected) {
    return accepting(v -> ((Number) v).longValue() >= min, expected);
  }

  /** From {@code min} to {@code max}: "1..100". */
  public Setting<T> between(long min, long max) {
    return accepting(v -> ((Number) v).longValue() >= min && ((Number) v).longValue() <= max, min + ".." + max);
  }

  /** How the value appears in the startup log line (a secret hidden, a password taken out). */
  public Setting<T> shownAs(Function<T, Object> shown) {
    return new Setting<>(name, fallback, parse, kind, valid, expected, shown, documented);
  }

  /** A secret: the log line says only whether it is set. */
  public Setting<T> secret() {
    return shownAs(v -> v == null || v.toString().isEmpty() ? "(unset)" : "(set)");
  }

  /** The default as the README words it, when it is not a literal value (such as "number of cores"). */
  public Setting<T> documentedAs(String documentedDefault) {
    return new Setting<>(name, fallback, parse, kind, valid, expected, shown, documentedDefault);
  }

  /** The default as the README's configuration tables give it. */
  public String documentedDefault() {
    return documented != null ? documented : String.valueOf(fallback);
  }

  /** The value of {@code raw} (null: not set), or a refusal that names this variable. */
  T read(String raw) {
    if (raw == null) {
      return fallback;
    }
    T value = parse.apply(raw);
    if (value == null) {
      throw new IllegalArgumentException(name + " must be " + kind + ", got '" + raw.trim() + "'");
    }
    if (!valid.test(value)) {
      throw refused(expected, value instanceof String ? "'" + value + "'" : value);
    }
    return value;
  }

  /** The refusal "NAME must be EXPECTED, got GOT", for checks that span several settings. */
  public IllegalArgumentException refused(String expected, Object got) {
    return new IllegalArgumentException(name + " must be " + expected + ", got " + got);
  }

  /** Throws {@link #refused} unless {@code ok}. */
  public void require(boolean ok, String expected, Object got) {
    if (!ok) {
      throw refused(expected, got);
    }
  }

  @Override
  public String toString() {
    return name;
  }

  private static Integer toInt(String raw) {
    Long value = toLong(raw);
    return value == null || value != value.intValue() ? null : value.intValue();
  }

  private static Long toLong(String raw) {
    try {
      return Long.parseLong(raw.trim());
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static Boolean toBool(String raw) {
    return switch (raw.trim().toLowerCase(Locale.ROOT)) {
      case "true" -> true;
      case "false" -> false;
      default -> null;
    };
  }
}
