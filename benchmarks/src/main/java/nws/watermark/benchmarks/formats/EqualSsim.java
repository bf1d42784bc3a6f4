package nws.watermark.benchmarks.formats;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * How many bytes our encoder needs to reach sharp's SSIM: our encoder is swept over a few
 * qualities, and log(bytes) and the quality are interpolated linearly in SSIM between the two
 * neighbouring qualities whose SSIMs bracket the target (bytes grow about exponentially with SSIM
 * near the top, so the log is the straighter line).
 */
final class EqualSsim {

  /** One quality of the sweep. */
  record Point(int quality, int bytes, double ssim) {}

  /**
   * Our bytes (and quality) at the target SSIM. {@code bound} is 0 when interpolated, -1 when even
   * the lowest quality swept beats the target (we need at most {@code bytes}), +1 when even the
   * highest falls short (we need more than {@code bytes}).
   */
  record Answer(double bytes, double quality, int bound) {

    /** "12,345 B (q 81.2), 0.97x sharp", or the bound when the target lies outside the sweep. */
    String describe(int sharpBytes) {
      String ratio = String.format(Locale.ROOT, "%.2fx sharp", bytes / sharpBytes);
      return switch (bound) {
        case 0 -> String.format(Locale.ROOT, "%,.0f B (q %.1f), %s", bytes, quality, ratio);
        case -1 -> String.format(Locale.ROOT, "at most %,.0f B (q %.0f already beats it), at most %s", bytes,
            quality, ratio);
        default -> String.format(Locale.ROOT, "more than %,.0f B (q %.0f falls short), more than %s", bytes,
            quality, ratio);
      };
    }
  }

  private EqualSsim() {}

  static Answer at(List<Point> sweep, double target) {
    List<Point> points = sweep.stream().sorted(Comparator.comparingInt(Point::quality)).toList();
    Point lowest = points.get(0);
    Point highest = points.get(points.size() - 1);
    for (int i = 0; i + 1 < points.size(); i++) {
      Point a = points.get(i);
      Point b = points.get(i + 1);
      if (a.ssim() <= target && target <= b.ssim() && a.ssim() < b.ssim()) {
        double t = (target - a.ssim()) / (b.ssim() - a.ssim());
        double logBytes = Math.log(a.bytes()) + t * (Math.log(b.bytes()) - Math.log(a.bytes()));
        return new Answer(Math.exp(logBytes), a.quality() + t * (b.quality() - a.quality()), 0);
      }
    }
    return target < lowest.ssim()
        ? new Answer(lowest.bytes(), lowest.quality(), -1)
        : new Answer(highest.bytes(), highest.quality(), 1);
  }
}
