package nws.watermark.api.format;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import nws.watermark.shared.OutputFormat;

/**
 * What {@code format=auto} answers, best first: AVIF when the request names {@code image/avif},
 * WebP when it names {@code image/webp} (in the order of their q-values, AVIF first on a tie),
 * then the plain fallback: JPEG, or PNG for an image with transparency. Only formats some
 * optimizer can write are offered.
 */
public final class FormatChoice {

  private FormatChoice() {}

  /**
   * The modern formats the request takes, best first; the caller appends the fallback (JPEG or PNG,
   * by transparency) when this is empty or the client also takes that.
   */
  public static List<OutputFormat> modern(Accept accept, Set<OutputFormat> writable) {
    List<OutputFormat> out = new ArrayList<>();
    for (OutputFormat f : List.of(OutputFormat.AVIF, OutputFormat.WEBP)) {
      if (writable.contains(f) && accept.named(f.contentType()) > 0) {
        out.add(f);
      }
    }
    out.sort(Comparator.comparingDouble((OutputFormat f) -> -accept.named(f.contentType())));
    return out;
  }

  /** The plain format for an image: PNG when it has transparency, else JPEG. */
  public static OutputFormat fallback(boolean alpha) {
    return alpha ? OutputFormat.PNG : OutputFormat.JPEG;
  }

  /** Whether the request takes {@code format} at all (named, or through a wildcard). */
  public static boolean takes(Accept accept, OutputFormat format) {
    return accept.q(format.contentType()) > 0;
  }
}
