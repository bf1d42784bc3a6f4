package nws.watermark.shared;

import io.vertx.core.MultiMap;
import java.util.Locale;

/** One processing request, every field resolved (no defaults left to apply). */
public record ImageOptions(
    int width,
    int height,
    Fit fit,
    boolean enlarge,
    int quality,
    OutputFormat format,
    String watermark,
    Position position,
    double opacity) {

  /**
   * The options as one string with every field in a fixed order, so two requests that mean the
   * same thing have the same cache key ({@code q=80} and {@code q=080}, field order, defaults).
   */
  public String canonical() {
    return String.join("&",
        Options.W + "=" + width,
        Options.H + "=" + height,
        Options.FIT + "=" + fit.id(),
        Options.ENLARGE + "=" + enlarge,
        Options.Q + "=" + quality,
        Options.FORMAT + "=" + format.id(),
        Options.POS + "=" + position.id(),
        Options.OPACITY + "=" + String.format(Locale.ROOT, "%.3f", opacity),
        Options.WM + "=" + watermark);
  }

  /** The options as event-bus headers, one per option name; {@link Options#parse} reads them back. */
  public MultiMap toHeaders() {
    return MultiMap.caseInsensitiveMultiMap()
        .add(Options.W, Integer.toString(width))
        .add(Options.H, Integer.toString(height))
        .add(Options.FIT, fit.id())
        .add(Options.ENLARGE, Boolean.toString(enlarge))
        .add(Options.Q, Integer.toString(quality))
        .add(Options.FORMAT, format.id())
        .add(Options.WM, watermark)
        .add(Options.POS, position.id())
        .add(Options.OPACITY, Double.toString(opacity));
  }
}
