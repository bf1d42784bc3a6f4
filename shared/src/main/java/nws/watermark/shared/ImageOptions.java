package nws.watermark.shared;

import io.vertx.core.MultiMap;
import java.util.Arrays;
import java.util.stream.Collectors;

/** One processing request, every option resolved (no defaults left to apply). Immutable. */
public final class ImageOptions {

  private final Object[] values;

  ImageOptions(Object[] values) {
    this.values = values;
  }

  /** The value of {@code option}. */
  @SuppressWarnings("unchecked")
  public <T> T get(Option<T> option) {
    return (T) values[option.index()];
  }

  /** These options with {@code option} set to {@code value}. */
  public <T> ImageOptions with(Option<T> option, T value) {
    Object[] copy = values.clone();
    copy[option.index()] = value;
    return new ImageOptions(copy);
  }

  ImageOptions withParsed(Option<?> option, String raw) {
    Object[] copy = values.clone();
    copy[option.index()] = option.parse(raw);
    return new ImageOptions(copy);
  }

  /**
   * The options as one string with every field in a fixed order, so two requests that mean the
   * same thing have the same cache key ({@code q=80} and {@code q=080}, field order, defaults).
   */
  public String canonical() {
    return Options.CANONICAL.stream()
        .filter(this::written)
        .map(o -> o.name() + "=" + o.format(values[o.index()]))
        .collect(Collectors.joining("&"));
  }

  /**
   * The options as event-bus headers, one per option name; {@link Options#parse} reads them back.
   * A quality left to the format's default is left out, so the optimizer applies its own.
   */
  public MultiMap toHeaders() {
    MultiMap headers = MultiMap.caseInsensitiveMultiMap();
    for (Option<?> option : Options.ALL) {
      Object value = values[option.index()];
      if (written(option) && (option != Options.Q || !value.equals(Options.FORMAT_QUALITY))) {
        headers.add(option.name(), option.format(value));
      }
    }
    return headers;
  }

  /** False for an option added later that is at its default ({@link Options#WRITTEN_WHEN_SET}). */
  private boolean written(Option<?> option) {
    return !Options.WRITTEN_WHEN_SET.contains(option) || !values[option.index()].equals(option.fallback());
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof ImageOptions o && Arrays.equals(values, o.values);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(values);
  }

  @Override
  public String toString() {
    return canonical();
  }
}
