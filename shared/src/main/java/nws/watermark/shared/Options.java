package nws.watermark.shared;

import io.vertx.core.MultiMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Every processing option, each declared once with its default and range, and the one parser for
 * them. The same names are query parameters, form fields and event-bus headers; anything unknown
 * or out of range is refused, never ignored.
 */
public final class Options {

  public static final int MIN_SIZE = 1;
  public static final int MAX_SIZE = 8192;
  public static final int MIN_QUALITY = 1;
  public static final int MAX_QUALITY = 100;
  public static final int MAX_WATERMARK_LENGTH = 200;
  /** The value of {@link #Q} until a format's own default replaces it: "the format's default quality". */
  public static final int FORMAT_QUALITY = 0;

  /** Width of the target box in pixels. */
  public static final Option<Integer> W = Option.integer(0, "w", MIN_SIZE, MAX_SIZE, 1024);
  /** Height of the target box in pixels. */
  public static final Option<Integer> H = Option.integer(1, "h", MIN_SIZE, MAX_SIZE, 1024);
  /** How the image fits the box; see {@link Fit}. */
  public static final Option<Fit> FIT = Option.choice(2, "fit", Fit.values(), Fit::id, Fit.INSIDE);
  /** {@code true} to allow upscaling images smaller than the box. */
  public static final Option<Boolean> ENLARGE = Option.bool(3, "enlarge", false);
  /** Encoder quality of whichever format is written; unset ({@value #FORMAT_QUALITY}), that format's own default. */
  public static final Option<Integer> Q = Option.integer(4, "q", MIN_QUALITY, MAX_QUALITY, Options.FORMAT_QUALITY);
  /** Output encoding; see {@link OutputFormat}. */
  public static final Option<OutputFormat> FORMAT =
      Option.choice(5, "format", OutputFormat.values(), OutputFormat::id, OutputFormat.JPEG);
  /** Watermark text; empty for none. */
  public static final Option<String> WM = Option.text(6, "wm", "NWS Watermark", Options::watermark,
      "printable text of at most " + MAX_WATERMARK_LENGTH + " characters");
  /** Watermark position; see {@link Position}. */
  public static final Option<Position> POS = Option.choice(7, "pos", Position.values(), Position::id, Position.BR);
  /** Watermark opacity. */
  public static final Option<Double> OPACITY = Option.fraction(8, "opacity", 0.5);
  /** {@code true} for a progressive JPEG (smaller, shown coarse-to-fine; twice the encode time); JPEG only. */
  public static final Option<Boolean> PROGRESSIVE = Option.bool(9, "progressive", false);

  /** Every option, in documentation order (and index order). */
  public static final List<Option<?>> ALL = List.of(W, H, FIT, ENLARGE, Q, FORMAT, WM, POS, OPACITY, PROGRESSIVE);

  /** Every option name, in documentation order. */
  public static final List<String> NAMES = ALL.stream().map(Option::name).toList();

  /**
   * The order of the canonical form: free text ({@link #WM}) last, so no text can pass for
   * another option.
   */
  static final List<Option<?>> CANONICAL = List.of(W, H, FIT, ENLARGE, Q, FORMAT, PROGRESSIVE, POS, OPACITY, WM);

  /** Every option at its built-in default. */
  public static final ImageOptions DEFAULTS = defaults();

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
      if (!NAMES.contains(name) && !ignored.contains(name.toLowerCase(Locale.ROOT))) {
        throw invalid("unknown option '" + clip(name) + "'; known options are " + String.join(", ", NAMES));
      }
      if (NAMES.contains(name) && params.getAll(name).stream().distinct().count() > 1) {
        throw invalid(name + " was given more than once with different values: " + params.getAll(name).stream()
            .map(v -> "'" + clip(v) + "'").collect(Collectors.joining(", ")));
      }
    }
    ImageOptions options = defaults;
    for (Option<?> option : ALL) {
      String raw = params.get(option.name());
      if (raw != null) {
        options = options.withParsed(option, raw);
      }
    }
    return options;
  }

  /** {@link #parse(MultiMap, ImageOptions, Set)} with no ignored names. */
  public static ImageOptions parse(MultiMap params, ImageOptions defaults) {
    return parse(params, defaults, Set.of());
  }

  private static ImageOptions defaults() {
    List<Object> values = new ArrayList<>();
    for (Option<?> option : ALL) {
      values.add(option.fallback());
    }
    return new ImageOptions(values.toArray());
  }

  private static String watermark(String raw) {
    if (raw.length() > MAX_WATERMARK_LENGTH) {
      throw invalid(WM + " must be at most " + MAX_WATERMARK_LENGTH + " characters, got " + raw.length());
    }
    if (raw.chars().anyMatch(Character::isISOControl)) {
      throw invalid(WM + " must be printable text without control characters, got '" + clip(raw) + "'");
    }
    return raw.strip();
  }

  static ServiceException invalid(String message) {
    return new ServiceException(ErrorCode.INVALID_OPTION, message);
  }

  /** Echoes what the client sent, but never a megabyte of it and never control characters. */
  static String clip(String raw) {
    String printable = raw.codePoints()
        .map(c -> Character.isISOControl(c) ? '?' : c)
        .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
        .toString();
    return printable.length() > 40 ? printable.substring(0, 40) + "..." : printable;
  }
}
