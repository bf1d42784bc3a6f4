package nws.watermark.shared;

import io.vertx.core.MultiMap;
import java.util.ArrayList;
import java.util.Arrays;
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
  public static final int MAX_DPR = 4;
  /** A logo's name: its PNG's file name without {@code .png}. */
  public static final String LOGO_NAME = "[A-Za-z0-9_-]{1,64}";
  /** The parameter that names a preset: expanded into options before parsing, never an option itself. */
  public static final String PRESET = "preset";
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

  /** Where a {@code fit=cover} crop falls; see {@link Gravity}. Other fits show the whole image. */
  public static final Option<Gravity> GRAVITY =
      Option.choice(10, "gravity", Gravity.values(), Gravity::id, Gravity.CENTER);
  /** A focal point the {@code fit=cover} crop is centred on as far as the box allows; overrides {@link #GRAVITY}. */
  public static final Option<Focus> FOCUS = Option.point(11, "focus");
  /** Device pixel ratio: multiplies {@link #W} and {@link #H} (folded into them when parsed). */
  public static final Option<Double> DPR = Option.number(12, "dpr", 1, MAX_DPR, 1.0);
  /** A logo drawn as the watermark (one of this service's {@code NWS_WATERMARK_DIR}); empty for none. */
  public static final Option<String> WMIMG = Option.text(13, "wmimg", "", Options::logo,
      "the name of one of this service's logos (GET /options lists them)");
  /** The logo's width as a fraction of the output's. */
  public static final Option<Double> WMSCALE = Option.number(14, "wmscale", 0.01, 1, 0.2);

  /** Every option, in documentation order (and index order). */
  public static final List<Option<?>> ALL =
      List.of(W, H, FIT, ENLARGE, Q, FORMAT, WM, POS, OPACITY, PROGRESSIVE, GRAVITY, FOCUS, DPR, WMIMG, WMSCALE);

  /**
   * Options added after the first release: the canonical form and the event-bus headers carry them
   * only when they differ from their default, so cache keys made before them stay valid and a node
   * that predates them still reads every request that does not use them.
   */
  static final Set<Option<?>> WRITTEN_WHEN_SET = Set.of(GRAVITY, FOCUS, DPR, WMIMG, WMSCALE);

  /** Every option name, in documentation order. */
  public static final List<String> NAMES = ALL.stream().map(Option::name).toList();

  /**
   * The order of the canonical form: free text ({@link #WM}) last, so no text can pass for
   * another option.
   */
  static final List<Option<?>> CANONICAL =
      List.of(W, H, FIT, ENLARGE, Q, FORMAT, PROGRESSIVE, POS, OPACITY, GRAVITY, FOCUS, WMIMG, WMSCALE, WM);

  /** Every option at its built-in default. */
  public static final ImageOptions DEFAULTS = defaults();

  private Options() {}

  /**
   * Reads options from query parameters, form fields or event-bus headers. Names not given take
   * the value of {@code defaults}; {@code ignored} names (such as the {@code image} form field)
   * are skipped. The result is resolved, so two requests for the same picture are equal: {@link
   * #DPR} is multiplied into the box, {@link #GRAVITY} and {@link #FOCUS} are dropped where the fit
   * does not crop (and gravity where a focus is given), and a logo without {@code wm} in the
   * request draws no default text.
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
    return resolved(options, params.contains(WM.name()));
  }

  private static ImageOptions resolved(ImageOptions options, boolean textGiven) {
    ImageOptions o = options;
    double dpr = o.get(DPR);
    if (dpr != 1) {
      o = o.with(W, timesDpr(W, o.get(W), dpr)).with(H, timesDpr(H, o.get(H), dpr)).with(DPR, 1.0);
    }
    if (o.get(FIT) != Fit.COVER) {
      o = o.with(GRAVITY, Gravity.CENTER).with(FOCUS, Focus.NONE);
    } else if (o.get(FOCUS).isSet()) {
      // A focus on the centre or on an edge's middle or a corner is that gravity: one cache key.
      Focus focus = o.get(FOCUS);
      Gravity same = Arrays.stream(Gravity.values()).filter(g -> g != Gravity.SMART && g.point().equals(focus))
          .findFirst().orElse(null);
      o = same == null ? o.with(GRAVITY, Gravity.CENTER) : o.with(GRAVITY, same).with(FOCUS, Focus.NONE);
    }
    if (o.get(WMIMG).isEmpty()) {
      o = o.with(WMSCALE, WMSCALE.fallback());
    } else if (!textGiven) {
      o = o.with(WM, "");
    }
    return o;
  }

  private static int timesDpr(Option<Integer> side, int size, double dpr) {
    long scaled = Math.round(size * dpr);
    if (scaled > MAX_SIZE) {
      throw invalid(side + " x " + DPR + " must be at most " + MAX_SIZE + ", got " + size + " x " + dpr + " = " + scaled);
    }
    return (int) scaled;
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

  private static String logo(String raw) {
    if (!raw.isEmpty() && !raw.matches(LOGO_NAME)) {
      throw invalid(WMIMG + " must be a logo's name (letters, digits, - and _, at most 64), got '" + clip(raw) + "'");
    }
    return raw;
  }

  static ServiceException invalid(String message) {
    return new ServiceException(ErrorCode.INVALID_OPTION, message);
  }

  /** Echoes what the client sent, but never a megabyte of it and never control characters. */
  public static String clip(String raw) {
    String printable = raw.codePoints()
        .map(c -> Character.isISOControl(c) ? '?' : c)
        .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
        .toString();
    return printable.length() > 40 ? printable.substring(0, 40) + "..." : printable;
  }
}
