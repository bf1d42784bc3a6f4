package nws.watermark.benchmarks.formats;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * One photo measured: rounds of our encodes and sharp's taken in turn (so the machine's noise
 * falls on both), then every output scored against the reference, then our sweep for the bytes at
 * sharp's SSIM.
 */
final class PhotoRun {

  /** Qualities swept for the bytes at sharp's SSIM; each range holds the default quality. */
  static final Map<Format, int[]> SWEEPS = Map.of(
      Format.WEBP, new int[] {70, 75, 80, 85, 90},
      Format.AVIF, new int[] {40, 45, 50, 55, 60, 65, 70});

  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  final Reference reference;
  final Path png;
  final Map<Format, Measured> ours = new EnumMap<>(Format.class);
  final Map<SharpOutput, Measured> sharp = new EnumMap<>(SharpOutput.class);
  final Map<SharpOutput, EqualSsim.Answer> atSharpSsim = new EnumMap<>(SharpOutput.class);
  private final Map<Format, byte[]> lastOurs = new EnumMap<>(Format.class);
  private SharpEncoder.Round lastSharpRound;

  PhotoRun(Reference reference, Path png) {
    this.reference = reference;
    this.png = png;
    for (Format format : Format.values()) {
      ours.put(format, new Measured());
    }
    for (SharpOutput output : SharpOutput.values()) {
      sharp.put(output, new Measured());
    }
  }

  /** Each format encoded once by the service's encoders, timed on this thread; a warm-up is not kept. */
  void oursRound(ServiceCodecs codecs, boolean keep) throws IOException {
    for (Format format : Format.values()) {
      long cpu = THREADS.getCurrentThreadCpuTime();
      long start = System.nanoTime();
      byte[] out = codecs.encode(format, reference.image(), format.quality);
      double ms = (System.nanoTime() - start) / 1e6;
      double cpuMs = (THREADS.getCurrentThreadCpuTime() - cpu) / 1e6;
      if (keep) {
        ours.get(format).add(out.length, ms, cpuMs);
      }
      lastOurs.put(format, out);
    }
  }

  /** Each output encoded once by sharp; a warm-up is not kept. */
  void sharpRound(SharpEncoder encoder, boolean keep) throws IOException {
    lastSharpRound = encoder.encode(png);
    if (keep) {
      for (SharpOutput output : SharpOutput.values()) {
        sharp.get(output).add(lastSharpRound.bytes(output), lastSharpRound.ms(output), lastSharpRound.cpuMs(output));
      }
    }
  }

  /** sharp's versions and threads, as its last round reported them. */
  String sharpDescription() {
    return lastSharpRound.describe();
  }

  /**
   * The SSIM of the last outputs of both, then our sweep interpolated at each of sharp's SSIMs.
   * Ours are written next to sharp's in {@code dir}, to look at side by side.
   */
  void score(ServiceCodecs codecs, Path dir) throws IOException {
    String base = png.getFileName().toString().replaceFirst("\\.png$", "");
    for (Format format : Format.values()) {
      Files.write(dir.resolve(base + ".ours." + format.extension), lastOurs.get(format));
      ours.get(format).ssim(LumaSsim.of(reference.image(), codecs.decode(format, lastOurs.get(format))));
    }
    for (SharpOutput output : SharpOutput.values()) {
      byte[] theirs = Files.readAllBytes(lastSharpRound.file(output));
      sharp.get(output).ssim(LumaSsim.of(reference.image(), codecs.decode(output.format, theirs)));
    }
    for (Map.Entry<Format, int[]> sweep : SWEEPS.entrySet()) {
      List<EqualSsim.Point> points = sweep(codecs, sweep.getKey(), sweep.getValue());
      for (SharpOutput output : SharpOutput.values()) {
        if (output.format == sweep.getKey()) {
          atSharpSsim.put(output, EqualSsim.at(points, sharp.get(output).ssim()));
        }
      }
    }
  }

  private List<EqualSsim.Point> sweep(ServiceCodecs codecs, Format format, int[] qualities) throws IOException {
    List<EqualSsim.Point> points = new ArrayList<>();
    for (int quality : qualities) {
      byte[] out = codecs.encode(format, reference.image(), quality);
      points.add(new EqualSsim.Point(quality, out.length, LumaSsim.of(reference.image(), codecs.decode(format, out))));
    }
    return points;
  }
}
