package nws.watermark.benchmarks.load;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;
import nws.watermark.benchmarks.SvgChart;

/**
 * The load test's page, self-contained: bar charts of miss throughput, miss latency and hit
 * throughput (each NWS candidate beside its baseline), the RSS after the burst, and the table.
 */
final class LoadHtml {

  private static final String[] COLOURS = {"#2a6fdb", "#d9480f", "#2b8a3e", "#862e9c", "#e67700", "#0b7285"};
  private static final String BASELINE_COLOUR = "#999";

  private final LoadTable table;
  private final List<String> photos;
  private final List<Target> targets;
  private final MemoryTrace memory;

  LoadHtml(LoadTable table, List<String> photos, List<Target> targets, MemoryTrace memory) {
    this.table = table;
    this.photos = photos;
    this.targets = targets;
    this.memory = memory;
  }

  String page(String text, String concurrency) {
    StringBuilder body = new StringBuilder();
    body.append(bars("Miss throughput (req/s, higher is better)", List.of("miss c1", "miss " + concurrency),
        Row::throughput, Target.SHARP));
    body.append(bars("Miss latency p50 at concurrency 1 (ms, lower is better)", List.of("miss c1"), Row::p50,
        Target.SHARP));
    body.append(bars("Server CPU per miss (ms, lower is better)", List.of("miss " + concurrency),
        Row::cpuMillisPerRequest, Target.SHARP));
    body.append(bars("Hit throughput vs bare receive+hash (req/s)", List.of("hit " + concurrency), Row::throughput,
        Target.BARE));
    SvgChart rss = new SvgChart("Resident memory after the burst", "seconds after the last request", "VmRSS (MB)");
    targets.forEach(t -> rss.series(t.name(), memory.points(t.name())));
    body.append(rss.svg());
    return "<!doctype html><html><head><meta charset=utf-8><title>NWS load test</title>"
        + "<style>body{font-family:sans-serif;margin:2em}pre{background:#f4f4f4;padding:1em}</style>"
        + "</head><body><h1>NWS Watermark vs sharp peer</h1>" + body + "<pre>"
        + text.replace("&", "&amp;").replace("<", "&lt;") + "</pre></body></html>\n";
  }

  /** One group of bars per photo and scenario: every candidate, then the baseline. */
  private String bars(String title, List<String> scenarios, ToDoubleFunction<Row> value, String baseline) {
    List<String> series = new ArrayList<>(table.candidates().stream().map(Target::name).toList());
    series.add(baseline);
    List<String[]> labels = new ArrayList<>();
    List<double[]> values = new ArrayList<>();
    for (String photo : photos) {
      for (String scenario : scenarios) {
        double[] group = series.stream().map(name -> table.row(photo, scenario, name))
            .mapToDouble(r -> r == null ? Double.NaN : value.applyAsDouble(r)).toArray();
        if (Arrays.stream(group).noneMatch(Double::isNaN)) {
          labels.add(new String[] {photo.replace("photo_", "").replaceAll("\\.jpe?g$", ""), scenario});
          values.add(group);
        }
      }
    }
    double max = values.stream().flatMapToDouble(Arrays::stream).max().orElse(1);
    int barW = 22;
    int groupW = barW * series.size() + 40;
    int height = 220;
    int width = Math.max(60 + groupW * values.size(), 140 + 90 * series.size());
    StringBuilder s = new StringBuilder();
    s.append("<h2>").append(title).append("</h2><svg xmlns='http://www.w3.org/2000/svg' width='")
        .append(width).append("' height='").append(height + 80).append("'>");
    for (int i = 0; i < values.size(); i++) {
      int x = 50 + i * groupW;
      for (int k = 0; k < series.size(); k++) {
        double v = values.get(i)[k];
        int h = (int) Math.round(v / max * height);
        s.append(String.format(Locale.ROOT,
            "<rect x='%d' y='%d' width='%d' height='%d' fill='%s'/><text x='%d' y='%d' font-size='9'>%.0f</text>",
            x + k * barW, height - h + 30, barW - 2, h, colour(k, series.size()), x + k * barW, height - h + 27, v));
      }
      s.append(String.format(Locale.ROOT, "<text x='%d' y='%d' font-size='11'>%s</text><text x='%d' y='%d' font-size='11'>%s</text>",
          x, height + 48, SvgChart.escape(labels.get(i)[0]), x, height + 62, labels.get(i)[1]));
    }
    for (int k = 0; k < series.size(); k++) {
      s.append(String.format(Locale.ROOT,
          "<rect x='%d' y='4' width='10' height='10' fill='%s'/><text x='%d' y='13' font-size='11'>%s</text>",
          50 + 90 * k, colour(k, series.size()), 64 + 90 * k, SvgChart.escape(series.get(k))));
    }
    return s.append("</svg>").toString();
  }

  private static String colour(int k, int count) {
    return k == count - 1 ? BASELINE_COLOUR : COLOURS[k % COLOURS.length];
  }
}
