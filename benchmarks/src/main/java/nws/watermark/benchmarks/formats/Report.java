package nws.watermark.benchmarks.formats;

import java.util.List;
import java.util.Locale;

/** The printed table: one block per photo (ours, sharp's, their ratios per format), then a summary of ratios. */
final class Report {

  private final StringBuilder out = new StringBuilder();

  private Report() {}

  /** {@code legend}: the lines saying what was run and how, printed first. */
  static String of(List<String> legend, List<PhotoRun> runs) {
    Report report = new Report();
    legend.forEach(line -> report.line("%s", line));
    runs.forEach(report::photo);
    report.summary(runs);
    return report.out.toString();
  }

  private void photo(PhotoRun run) {
    Reference ref = run.reference;
    line("");
    line("%s %dx%d, EXIF orientation %d -> %dx%d (the service's own resize scores SSIM %.4f against it)",
        ref.photo(), ref.sourceWidth(), ref.sourceHeight(), ref.orientation(), ref.image().getWidth(),
        ref.image().getHeight(), ref.serviceSsim());
    line("  %-9s %-15s %9s %7s  %-30s %8s", "format", "encoder", "bytes", "SSIM", "encode ms median [min-max]",
        "cpu ms");
    for (Format format : Format.values()) {
      Measured ours = run.ours.get(format);
      row(format.id + " q" + format.quality, "ours", ours);
      for (SharpOutput output : SharpOutput.values()) {
        if (output.format == format) {
          Measured sharp = run.sharp.get(output);
          row("", output.label, sharp);
          line("  %-9s %-15s %8.2fx %+7.4f  %8.2fx %21s %7.2fx", "", "ours/" + output.label,
              (double) ours.bytes() / sharp.bytes(), ours.ssim() - sharp.ssim(), ours.medianMs() / sharp.medianMs(),
              "", ours.medianCpuMs() / sharp.medianCpuMs());
        }
      }
    }
    for (SharpOutput output : SharpOutput.values()) {
      EqualSsim.Answer equal = run.atSharpSsim.get(output);
      if (equal != null) {
        line("  our %s at %s's SSIM %.4f: %s", output.format.id, output.label, run.sharp.get(output).ssim(),
            equal.describe(run.sharp.get(output).bytes()));
      }
    }
  }

  private void row(String format, String encoder, Measured m) {
    String ms = String.format(Locale.ROOT, "%8.1f [%.1f-%.1f]", m.medianMs(), m.minMs(), m.maxMs());
    line("  %-9s %-15s %,9d %7.4f  %-30s %8.1f%s", format, encoder, m.bytes(), m.ssim(), ms, m.medianCpuMs(),
        m.sameSizeEachRound() ? "" : "  (sizes differed between rounds; the largest shown)");
  }

  private void summary(List<PhotoRun> runs) {
    line("");
    line("summary, ours/sharp: bytes at the same quality setting / our bytes at sharp's SSIM / median encode ms "
        + "/ median CPU ms");
    StringBuilder header = new StringBuilder(String.format(Locale.ROOT, "  %-31s", "photo"));
    for (SharpOutput output : SharpOutput.values()) {
      header.append(String.format(Locale.ROOT, " %-27s", output.format.id + " vs " + output.label));
    }
    line("%s", header.toString().stripTrailing());
    for (PhotoRun run : runs) {
      StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "  %-31s", run.reference.photo()));
      for (SharpOutput output : SharpOutput.values()) {
        row.append(String.format(Locale.ROOT, " %-27s", ratios(run, output)));
      }
      line("%s", row.toString().stripTrailing());
    }
  }

  private static String ratios(PhotoRun run, SharpOutput output) {
    Measured ours = run.ours.get(output.format);
    Measured sharp = run.sharp.get(output);
    EqualSsim.Answer equal = run.atSharpSsim.get(output);
    String atSsim = equal == null ? "-"
        : (equal.bound() < 0 ? "<=" : equal.bound() > 0 ? ">" : "") + two(equal.bytes() / sharp.bytes());
    return two((double) ours.bytes() / sharp.bytes()) + " / " + atSsim + " / " + two(ours.medianMs() / sharp.medianMs())
        + " / " + two(ours.medianCpuMs() / sharp.medianCpuMs());
  }

  private static String two(double ratio) {
    return String.format(Locale.ROOT, "%.2f", ratio);
  }

  private void line(String format, Object... args) {
    out.append(String.format(Locale.ROOT, format, args)).append('\n');
  }
}
