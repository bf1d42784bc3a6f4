package nws.watermark.shared;

import io.vertx.core.MultiMap;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Option names, limits and the one parser for them. The same names are query parameters, form
 * fields and event-bus headers; anything unknown or out of range is refused, never ignored.
 */
public final class Options {

  /** Width of the target box in pixels, {@value #MIN_SIZE}..{@value #MAX_SIZE}. */
  public static final String W = "w";
  /** Height of the target box in pixels, {@value #MIN_SIZE}..{@value #MAX_SIZE}. */
  public static final String H = "h";
  /** {@code inside}, {@code cover} or {@code fill}; see {@link Fit}. */
  public static final String FIT = "fit";
  /** {@code true} to allow upscaling images smaller than the box. */
  public static final String ENLARGE = "enlarge";
  /** Encoder quality {@value #MIN_QUALITY}..{@value #MAX_QUALITY}. */
  public static final String Q = "q";
  /** Output encoding: {@code jpeg} or {@code png}. */
  public static final String FORMAT = "format";
  /** Watermark text; empty for none. At most {@value #MAX_WATERMARK_LENGTH} characters. */
  public static final String WM = "wm";
  /** Watermark position: {@code tl t tr l c r bl b br tile}. */
  public static final String POS = "pos";
  /** Watermark opacity 0..1. */
  public static final String OPACITY = "opacity";

  /** Every option name, in documentation order. */
  public static final List<String> NAMES = List.of(W, H, FIT, ENLARGE, Q, FORMAT, WM, POS, OPACITY);

  public static final int MIN_SIZE = 1;
  public static final int MAX_SIZE = 8192;
  public static final int MIN_QUALITY = 1;
  public static final int MAX_QUALITY = 100;
  public static final int MAX_WATERMARK_LENGTH = 200;

  private static final Set<String> KNOWN = Set.copyOf(NAMES);

  private Options() {}

  /**
   * Reads options from query parameters, form fields or event-bus headers. Names not given take
   * the value of {@code defaults}; {@code ignored} names (such as the {@code image} form field)
   * are skipped.
   *
   * @throws ServiceException {@link ErrorCode#INVALID_OPTION} naming the option, the allowed
   *     values and what was received
   */
  public static ImageOptions parse(MultiMap params, ImageOptions defaults, Set<String> ignored) {
    for (String name : params.names()) {
      if (!KNOWN.contains(name) && !ignored.contains(name.toLowerCase(Locale.ROOT))) {
        throw invalid("unknown option '" + clip(name) + "'; known options are " + String.join(", ", NAMES));
      }
      if (KNOWN.contains(name) && params.getAll(name).stream().distinct().count() > 1) {
        throw invalid(name + " was given more than once with different values: " + params.getAll(name).stream()
            .map(v -> "'" + clip(v) + "'").collect(Collectors.joining(", ")));
      }
    }
    return new ImageOptions(
        integer(params, W, MIN_SIZE, MAX_SIZE, defaults.width()),
        integer(params, H, MIN_SIZE, MAX_SIZE, defaults.height()),
        choice(params, FIT, Fit.values(), Fit::id, defaults.fit()),
        bool(params, ENLARGE, defaults.enlarge()),
        integer(params, Q, MIN_QUALITY, MAX_QUALITY, defaults.quality()),
        choice(params, FORMAT, OutputFormat.values(), OutputFormat::id, defaults.format()),
        watermark(params, defaults.watermark()),
        choice(params, POS, Position.values(), Position::id, defaults.position()),
        opacity(params, defaults.opacity()));
  }

  /** {@link #parse(MultiMap, ImageOptions, Set)} with no ignored names. */
  public static ImageOptions parse(MultiMap params, ImageOptions defaults) {
    return parse(params, defaults, Set.of());
  }

  private static int integer(MultiMap params, String name, int min, int max, int fallback) {
    String raw = params.get(name);
    if (raw == null) {
      return fallback;
    }
    String expected = name + " must be an integer " + min + ".." + max + ", got '" + clip(raw) + "'";
    if (!raw.matches("\\d{1,9}")) {
      throw invalid(expected);
    }
    int value = Integer.parseInt(raw);
    if (value < min || value > max) {
      throw invalid(expected);
    }
    return value;
  }

  private static boolean bool(MultiMap params, String name, boolean fallback) {
    String raw = params.get(name);
    if (raw == null) {
      return fallback;
    }
    return switch (raw.toLowerCase(Locale.ROOT)) {
      case "true", "1", "yes" -> true;
      case "false", "0", "no" -> false;
      default -> throw invalid(name + " must be true or false, got '" + clip(raw) + "'");
    };
  }

  private static <E> E choice(MultiMap params, String name, E[] values, Function<E, String> id, E fallback) {
    String raw = params.get(name);
    if (raw == null) {
      return fallback;
    }
    for (E value : values) {
      if (id.apply(value).equals(raw.toLowerCase(Locale.ROOT))) {
        return value;
      }
    }
    String allowed = Arrays.stream(values).map(id).collect(Collectors.joining(", "));
    throw invalid(name + " must be one of " + allowed + ", got '" + clip(raw) + "'");
  }

  private static double opacity(MultiMap params, double fallback) {
    String raw = params.get(OPACITY);
    if (raw == null) {
      return fallback;
    }
    String expected = OPACITY + " must be a number 0..1, got '" + clip(raw) + "'";
    if (!raw.matches("\\d{0,3}(\\.\\d{0,6})?") || raw.equals(".") || raw.isEmpty()) {
      throw invalid(expected);
    }
    double value = Double.parseDouble(raw);
    if (value < 0 || value > 1) {
      throw invalid(expected);
    }
    return value;
  }

  private static String watermark(MultiMap params, String fallback) {
    String raw = params.get(WM);
    if (raw == null) {
      return fallback;
    }
    if (raw.length() > MAX_WATERMARK_LENGTH) {
      throw invalid(WM + " must be at most " + MAX_WATERMARK_LENGTH + " characters, got " + raw.length());
    }
    if (raw.chars().anyMatch(Character::isISOControl)) {
      throw invalid(WM + " must be printable text without control characters, got '" + clip(raw) + "'");
    }
    return raw.strip();
  }

  private static ServiceException invalid(String message) {
    return new ServiceException(ErrorCode.INVALID_OPTION, message);
  }

  /** Echoes what the client sent, but never a megabyte of it and never control characters. */
  private static String clip(String raw) {
    String printable = raw.codePoints()
        .map(c -> Character.isISOControl(c) ? '?' : c)
        .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
        .toString();
    return printable.length() > 40 ? printable.substring(0, 40) + "..." : printable;
  }
}
