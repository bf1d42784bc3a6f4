package nws.watermark.shared;

import java.util.Locale;

/**
 * A focal point of the upright source image, in fractions of its width ({@code x}, 0 left) and
 * height ({@code y}, 0 top): the {@code focus} option, which a {@code fit=cover} crop is centred on
 * as far as the box allows. {@link #NONE} when the request gives none.
 */
public record Focus(double x, double y) {

  /** No focal point: the crop follows {@code gravity}. */
  public static final Focus NONE = new Focus(-1, -1);

  public boolean isSet() {
    return !equals(NONE);
  }

  /** {@code "x,y"} as the option gives it, rounded to 3 decimals; null when it is not two fractions 0..1. */
  static Focus parse(String raw) {
    String[] parts = raw.split(",", -1);
    if (parts.length != 2) {
      return null;
    }
    Double x = Option.decimal(parts[0].trim(), 0, 1);
    Double y = Option.decimal(parts[1].trim(), 0, 1);
    return x == null || y == null ? null : new Focus(x, y);
  }

  /** As the canonical form writes it; {@link #NONE} is the empty text. */
  String format() {
    return isSet() ? String.format(Locale.ROOT, "%.3f,%.3f", x, y) : "";
  }
}
