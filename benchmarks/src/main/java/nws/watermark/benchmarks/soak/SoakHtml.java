package nws.watermark.benchmarks.soak;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import nws.watermark.benchmarks.SvgChart;

/**
 * The soak's report as one self-contained HTML page: the counts table, then p50/p99 over time,
 * the RSS of every process over time, and the requests per interval, each with the faults marked,
 * then the whole text summary.
 */
final class SoakHtml {

  private final SoakReport report;

  SoakHtml(SoakReport report) {
    this.report = report;
  }

  String page() {
    SoakStats stats = report.stats;
    boolean clean = stats.lostCount() == 0 && stats.unexpectedCount() == 0;
    StringBuilder page = new StringBuilder("<!doctype html><html><head><meta charset=utf-8><title>NWS soak</title>"
        + "<style>body{font-family:sans-serif;margin:2em}pre{background:#f4f4f4;padding:1em;font-size:12px}"
        + "td,th{padding:2px 10px;text-align:right;border-bottom:1px solid #ddd}</style></head><body>");
    page.append(String.format(Locale.ROOT, "<h1>NWS soak with faults: %s</h1>", clean ? "nothing lost" : "REQUESTS LOST"));
    page.append(String.format(Locale.ROOT, "<table><tr><th>sent</th><th>answered</th><th>lost</th><th>wrong status</th>"
            + "<th>503 waited out</th><th>requests answered after a 503</th></tr><tr><td>%d</td><td>%d</td><td>%d</td>"
            + "<td>%d</td><td>%d</td><td>%d</td></tr></table>", stats.sentCount(), stats.answeredCount(),
        stats.lostCount(), stats.unexpectedCount(), stats.busyWaits(), stats.busyRecovered()));
    page.append("<table><tr><th>status</th><th>final answers</th></tr>");
    for (Map.Entry<Integer, Long> e : report.statuses().entrySet()) {
      page.append(String.format(Locale.ROOT, "<tr><td>%d</td><td>%d</td></tr>", e.getKey(), e.getValue()));
    }
    page.append("</table>");
    page.append(marked(latency())).append(marked(rss())).append(marked(heap())).append(marked(requests()));
    page.append("<pre>").append(SvgChart.escape(report.text())).append("</pre></body></html>\n");
    return page.toString();
  }

  private SvgChart latency() {
    List<double[]> p50 = new ArrayList<>();
    List<double[]> p99 = new ArrayList<>();
    for (IntervalSampler.Sample s : report.samples) {
      p50.add(new double[] {s.interval().endSeconds(), s.interval().p50()});
      p99.add(new double[] {s.interval().endSeconds(), s.interval().p99()});
    }
    return new SvgChart("Latency of the good traffic per interval (Retry-After waits included)", "seconds", "ms")
        .logY(10).series("p50", p50).series("p99", p99);
  }

  private SvgChart rss() {
    SvgChart chart = new SvgChart("Resident memory (VmRSS) per process", "seconds", "MB");
    TreeSet<String> names = new TreeSet<>();
    report.samples.forEach(s -> names.addAll(s.rssKb().keySet()));
    for (String name : names) {
      List<double[]> points = new ArrayList<>();
      for (IntervalSampler.Sample s : report.samples) {
        Long kb = s.rssKb().get(name);
        points.add(new double[] {s.interval().endSeconds(), kb == null ? Double.NaN : kb / 1024.0});
      }
      chart.series(name, points);
    }
    return chart;
  }

  private SvgChart heap() {
    SvgChart chart = new SvgChart("Java heap committed per JVM (bounded by -Xmx; RSS above it is the rest)", "seconds", "MB");
    TreeSet<String> names = new TreeSet<>();
    report.samples.forEach(s -> names.addAll(s.heaps().keySet()));
    for (String name : names) {
      List<double[]> points = new ArrayList<>();
      for (IntervalSampler.Sample s : report.samples) {
        HeapCounters.Heap heap = s.heaps().get(name);
        points.add(new double[] {s.interval().endSeconds(), heap == null ? Double.NaN : heap.committedMb()});
      }
      chart.series(name, points);
    }
    return chart;
  }

  private SvgChart requests() {
    List<double[]> answered = new ArrayList<>();
    List<double[]> lost = new ArrayList<>();
    List<double[]> busy = new ArrayList<>();
    for (IntervalSampler.Sample s : report.samples) {
      answered.add(new double[] {s.interval().endSeconds(), s.interval().answered()});
      lost.add(new double[] {s.interval().endSeconds(), s.interval().lost()});
      busy.add(new double[] {s.interval().endSeconds(), s.interval().busy()});
    }
    return new SvgChart("Requests per interval", "seconds", "requests")
        .series("answered", answered).series("lost", lost).series("503 waited out", busy);
  }

  /** The chart with a marker at each kill (restarts are in the table: a long run has dozens). */
  private String marked(SvgChart chart) {
    for (FaultSchedule.Event e : report.events) {
      if (e.action().equals("kill -9")) {
        chart.marker(e.at(), e.target());
      }
    }
    return "<div>" + chart.svg() + "</div>";
  }
}
