package nws.watermark.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.DoubleUnaryOperator;

/**
 * A line chart as inline SVG, for reports that must open anywhere without a network: series of
 * (x, y) points (a NaN y leaves a gap, as when a process was down), vertical markers (faults) and
 * a horizontal threshold (an objective). Axes are linear, or log 2 / log 10 where the values span
 * orders of magnitude (concurrency 1..256, latencies from 1 ms to seconds).
 */
public final class SvgChart {

  private static final String[] PALETTE =
      {"#2a6fdb", "#d9480f", "#2b8a3e", "#862e9c", "#e67700", "#0b7285", "#c2255c", "#495057"};
  private static final int WIDTH = 960;
  private static final int HEIGHT = 300;
  private static final int LEFT = 70;
  private static final int RIGHT = 170;
  private static final int TOP = 30;
  private static final int BOTTOM = 40;

  private record Series(String name, List<double[]> points) {}

  private record Marker(double x, String label) {}

  private final String title;
  private final String xLabel;
  private final String yLabel;
  private final List<Series> series = new ArrayList<>();
  private final List<Marker> markers = new ArrayList<>();
  private double logX = 0;
  private double logY = 0;
  private Double threshold;
  private String thresholdLabel;

  public SvgChart(String title, String xLabel, String yLabel) {
    this.title = title;
    this.xLabel = xLabel;
    this.yLabel = yLabel;
  }

  /** A logarithmic x axis of this base (2 for concurrency steps). */
  public SvgChart logX(double base) {
    logX = base;
    return this;
  }

  /** A logarithmic y axis of this base (10 for latencies). */
  public SvgChart logY(double base) {
    logY = base;
    return this;
  }

  public SvgChart series(String name, List<double[]> points) {
    series.add(new Series(name, points));
    return this;
  }

  public SvgChart marker(double x, String label) {
    markers.add(new Marker(x, label));
    return this;
  }

  public SvgChart threshold(double y, String label) {
    threshold = y;
    thresholdLabel = label;
    return this;
  }

  public String svg() {
    double[] xs = range(true);
    double[] ys = range(false);
    DoubleUnaryOperator px = x -> LEFT + (scale(x, logX) - xs[0]) / (xs[1] - xs[0]) * (WIDTH - LEFT - RIGHT);
    DoubleUnaryOperator py = y -> TOP + (1 - (scale(y, logY) - ys[0]) / (ys[1] - ys[0])) * (HEIGHT - TOP - BOTTOM);
    StringBuilder s = new StringBuilder(String.format(Locale.ROOT,
        "<svg xmlns='http://www.w3.org/2000/svg' width='%d' height='%d' font-family='sans-serif' font-size='11'>"
            + "<text x='%d' y='16' font-size='14' font-weight='bold'>%s</text>"
            + "<rect x='%d' y='%d' width='%d' height='%d' fill='none' stroke='#999'/>",
        WIDTH, HEIGHT, LEFT, escape(title), LEFT, TOP, WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM));
    for (double t : ticks(xs, logX)) {
      s.append(String.format(Locale.ROOT, "<text x='%.1f' y='%d' text-anchor='middle'>%s</text>",
          px.applyAsDouble(t), HEIGHT - BOTTOM + 14, label(t)));
    }
    for (double t : ticks(ys, logY)) {
      double y = py.applyAsDouble(t);
      s.append(String.format(Locale.ROOT, "<line x1='%d' x2='%d' y1='%.1f' y2='%.1f' stroke='#eee'/>"
          + "<text x='%d' y='%.1f' text-anchor='end'>%s</text>", LEFT, WIDTH - RIGHT, y, y, LEFT - 4, y + 4, label(t)));
    }
    s.append(String.format(Locale.ROOT, "<text x='%d' y='%d' text-anchor='middle'>%s</text>"
            + "<text x='14' y='%d' transform='rotate(-90 14 %d)' text-anchor='middle'>%s</text>",
        (WIDTH - RIGHT + LEFT) / 2, HEIGHT - 6, escape(xLabel), HEIGHT / 2, HEIGHT / 2, escape(yLabel)));
    for (Marker m : markers) {
      double x = px.applyAsDouble(m.x());
      s.append(String.format(Locale.ROOT,
          "<line x1='%.1f' x2='%.1f' y1='%d' y2='%d' stroke='#c92a2a' stroke-dasharray='3,3'/>", x, x, TOP, HEIGHT - BOTTOM));
      s.append(String.format(Locale.ROOT, "<text x='%.1f' y='%d' fill='#c92a2a' font-size='9' text-anchor='end' "
          + "transform='rotate(-90 %.1f %d)'>%s</text>", x - 2, TOP + 2, x - 2, TOP + 2, escape(m.label())));
    }
    if (threshold != null) {
      double y = py.applyAsDouble(threshold);
      s.append(String.format(Locale.ROOT, "<line x1='%d' x2='%d' y1='%.1f' y2='%.1f' stroke='#c92a2a' stroke-width='1.5'/>"
          + "<text x='%d' y='%.1f' fill='#c92a2a'>%s</text>", LEFT, WIDTH - RIGHT, y, y, LEFT + 4, y - 4,
          escape(thresholdLabel)));
    }
    for (int i = 0; i < series.size(); i++) {
      String colour = PALETTE[i % PALETTE.length];
      s.append(polylines(series.get(i).points(), px, py, colour));
      s.append(String.format(Locale.ROOT, "<rect x='%d' y='%d' width='10' height='10' fill='%s'/>"
          + "<text x='%d' y='%d'>%s</text>", WIDTH - RIGHT + 8, TOP + 20 + 16 * i, colour, WIDTH - RIGHT + 22,
          TOP + 29 + 16 * i, escape(series.get(i).name())));
    }
    return s.append("</svg>").toString();
  }

  /** One polyline per run of points without a gap, with a dot on each point. */
  private static String polylines(List<double[]> points, DoubleUnaryOperator px, DoubleUnaryOperator py, String colour) {
    StringBuilder s = new StringBuilder();
    StringBuilder line = new StringBuilder();
    for (double[] p : points) {
      if (Double.isNaN(p[1])) {
        s.append(polyline(line, colour));
        line.setLength(0);
        continue;
      }
      double x = px.applyAsDouble(p[0]);
      double y = py.applyAsDouble(p[1]);
      line.append(String.format(Locale.ROOT, "%.1f,%.1f ", x, y));
      s.append(String.format(Locale.ROOT, "<circle cx='%.1f' cy='%.1f' r='1.8' fill='%s'/>", x, y, colour));
    }
    return s.append(polyline(line, colour)).toString();
  }

  private static String polyline(CharSequence points, String colour) {
    return points.length() == 0 ? ""
        : "<polyline fill='none' stroke='" + colour + "' stroke-width='1.5' points='" + points + "'/>";
  }

  /** The [min, max] of the scaled x or y values, with a margin; 0 at the bottom of a linear y axis. */
  private double[] range(boolean x) {
    double base = x ? logX : logY;
    double lo = Double.POSITIVE_INFINITY;
    double hi = Double.NEGATIVE_INFINITY;
    for (Series s : series) {
      for (double[] p : s.points()) {
        double v = p[x ? 0 : 1];
        if (!Double.isNaN(v) && (base == 0 || v > 0)) {
          lo = Math.min(lo, scale(v, base));
          hi = Math.max(hi, scale(v, base));
        }
      }
    }
    if (!x && threshold != null) {
      hi = Math.max(hi, scale(threshold, base));
    }
    if (lo > hi) {
      return new double[] {0, 1};
    }
    if (!x && base == 0) {
      lo = Math.min(lo, 0);
    }
    double pad = hi > lo ? 0 : 1;
    return new double[] {lo - pad, hi + (x ? 0 : (hi - lo) * 0.05) + pad};
  }

  private static double scale(double v, double base) {
    return base == 0 ? v : Math.log(Math.max(v, 1e-9)) / Math.log(base);
  }

  /** Powers of the base on a log axis, else about six round values. */
  private static List<Double> ticks(double[] range, double base) {
    List<Double> ticks = new ArrayList<>();
    if (base != 0) {
      for (double e = Math.ceil(range[0]); e <= range[1] + 1e-9; e++) {
        ticks.add(Math.pow(base, e));
      }
      return ticks;
    }
    double raw = (range[1] - range[0]) / 6;
    double magnitude = Math.pow(10, Math.floor(Math.log10(raw)));
    double step = magnitude * (raw / magnitude < 2 ? 2 : raw / magnitude < 5 ? 5 : 10);
    for (double t = Math.ceil(range[0] / step) * step; t <= range[1] + 1e-9; t += step) {
      ticks.add(t);
    }
    return ticks;
  }

  private static String label(double v) {
    return v == Math.rint(v) ? String.format(Locale.ROOT, "%.0f", v) : String.format(Locale.ROOT, "%.2g", v);
  }

  public static String escape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("'", "&#39;");
  }
}
