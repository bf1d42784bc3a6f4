package nws.watermark.shared;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * One processing option: its name (a query parameter, form field and event-bus header alike), its
 * built-in default, what it accepts (in words, as a refusal says it, and as a schema for
 * {@code GET /options}) and how its value is written in the canonical form of a request.
 * Declared once, in {@link Options}.
 *
 * @param <T> the type of the value
 */
public record Option<T>(
    int index,
    String name,
    T fallback,
    Function<String, T> parser,
    Function<T, String> formatter,
    String accepts,
    JsonObject schema) {

  private static final Pattern DECIMAL = Pattern.compile("\\d{0,3}(\\.\\d{0,6})?");

  public Option {
    schema = schema.put("name", name).put("accepts", accepts);
  }

  static Option<Integer> integer(int index, String name, int min, int max, int fallback) {
    return new Option<>(index, name, fallback, raw -> {
      if (!raw.matches("\\d{1,9}")) {
        return null;
      }
      int value = Integer.parseInt(raw);
      return value < min || value > max ? null : value;
    }, v -> Integer.toString(v), "an integer " + min + ".." + max,
        new JsonObject().put("type", "integer").put("min", min).put("max", max));
  }

  static Option<Double> fraction(int index, String name, double fallback) {
    return number(index, name, 0, 1, fallback);
  }

  /** A number {@code min..max} written with at most 3 decimals (more are rounded away). */
  static Option<Double> number(int index, String name, double min, double max, double fallback) {
    String range = Option.plain(min) + ".." + Option.plain(max);
    return new Option<>(index, name, fallback, raw -> decimal(raw, min, max),
        v -> String.format(Locale.ROOT, "%.3f", v), "a number " + range,
        new JsonObject().put("type", "number").put("min", json(min)).put("max", json(max)));
  }

  /**
   * {@code raw} as a plain decimal in {@code min..max}, rounded to the 3 decimals the canonical
   * form writes (so the cache key says what is drawn); null when it is anything else.
   */
  static Double decimal(String raw, double min, double max) {
    if (!DECIMAL.matcher(raw).matches() || raw.equals(".") || raw.isEmpty()) {
      return null;
    }
    double value = Math.round(Double.parseDouble(raw) * 1000) / 1000.0;
    return value < min || value > max ? null : value;
  }

  /** A focal point {@code x,y}; see {@link Focus}. */
  static Option<Focus> point(int index, String name) {
    return new Option<>(index, name, Focus.NONE, raw -> raw.isEmpty() ? Focus.NONE : Focus.parse(raw), Focus::format,
        "two numbers 0..1 as x,y (fractions of the width and height)", new JsonObject().put("type", "point"));
  }

  static Option<Boolean> bool(int index, String name, boolean fallback) {
    return new Option<>(index, name, fallback, raw -> switch (raw.toLowerCase(Locale.ROOT)) {
      case "true", "1", "yes" -> true;
      case "false", "0", "no" -> false;
      default -> null;
    }, v -> Boolean.toString(v), "true or false", new JsonObject().put("type", "boolean"));
  }

  static <E extends Enum<E>> Option<E> choice(int index, String name, E[] values, Function<E, String> id, E fallback) {
    List<String> ids = Arrays.stream(values).map(id).toList();
    return new Option<>(index, name, fallback, raw -> {
      int at = ids.indexOf(raw.toLowerCase(Locale.ROOT));
      return at < 0 ? null : values[at];
    }, id, "one of " + String.join(", ", ids), new JsonObject().put("type", "choice").put("choices", new JsonArray(ids)));
  }

  /** Free text: {@code check} throws its own refusal, so the message can say what is wrong. */
  static Option<String> text(int index, String name, String fallback, Function<String, String> check, String accepts) {
    return new Option<>(index, name, fallback, check, v -> v, accepts, new JsonObject().put("type", "text"));
  }

  private static String plain(double v) {
    return json(v).toString();
  }

  /** 1 rather than 1.0, as a person writes it. */
  private static Number json(double v) {
    return v == Math.rint(v) ? (Number) (long) v : (Number) v;
  }

  /** Name, kind, range or choices, for the page and other clients ({@code GET /options}). */
  public JsonObject describe() {
    return schema.copy();
  }

  /**
   * The value {@code raw} stands for.
   *
   * @throws ServiceException {@link ErrorCode#INVALID_OPTION} naming this option, what it accepts
   *     and what was received
   */
  public T parse(String raw) {
    T value = parser.apply(raw);
    if (value == null) {
      throw Options.invalid(name + " must be " + accepts + ", got '" + Options.clip(raw) + "'");
    }
    return value;
  }

  /** This option's value in {@code options} as JSON has it: a number or boolean as such, else its text. */
  public Object json(ImageOptions options) {
    T value = options.get(this);
    return value instanceof Number || value instanceof Boolean ? value : formatter.apply(value);
  }

  /** The value as the canonical form and the event-bus headers write it. */
  String format(Object value) {
    @SuppressWarnings("unchecked")
    T typed = (T) value;
    return formatter.apply(typed);
  }

  @Override
  public String toString() {
    return name;
  }
}
