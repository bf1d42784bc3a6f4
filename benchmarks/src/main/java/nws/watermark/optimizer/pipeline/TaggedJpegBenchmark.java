package nws.watermark.optimizer.pipeline;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import nws.watermark.shared.Config;
import nws.watermark.shared.ImageOptions;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What a colour profile costs a phone's or a camera's photo: the whole job (fit 1024, watermark,
 * JPEG q80, TurboJPEG engine) on the 20 MP corpus photo untagged, and the same photo converted into
 * and tagged with sRGB, Display P3 and Adobe RGB by ImageMagick at setup (profiles from Debian's
 * colord-data and argyll-ref; nothing committed). The goal: a tagged photo at most 1.15x the
 * untagged one. Run with {@code scripts/bench.sh TaggedJpegBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx1g", "-Djava.awt.headless=true"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 6, time = 2)
public class TaggedJpegBenchmark {

  private static final Path SRGB = Path.of("/usr/share/color/icc/colord/sRGB.icc");

  @Param({"untagged", "sRGB", "DisplayP3", "AdobeRGB"})
  public String profile;

  private Pipeline pipeline;
  private ImageOptions options;
  private byte[] input;

  @Setup
  public void setUp() throws Exception {
    Config config = Config.defaults();
    pipeline = new Pipeline(config, Engine.TURBOJPEG);
    options = config.formats().resolved(config.defaultOptions());
    byte[] photo = PipelineBenchmark.read("photo_20mp_kleiber.jpg");
    input = switch (profile) {
      case "untagged" -> magick(photo, "-quality", "92");
      case "sRGB" -> tagged(photo, SRGB);
      case "DisplayP3" -> tagged(photo, Path.of("/usr/share/color/argyll/ref/DisplayP3.icm"));
      default -> tagged(photo, Path.of("/usr/share/color/icc/colord/AdobeRGB1998.icc"));
    };
  }

  @Benchmark
  public byte[] job() {
    return pipeline.process(input, options).bytes();
  }

  /** The photo converted into {@code profile}'s colours and tagged with it, as a camera writes it (q92). */
  private static byte[] tagged(byte[] photo, Path profile) throws IOException, InterruptedException {
    return magick(photo, "-profile", SRGB.toString(), "-profile", profile.toString(), "-quality", "92");
  }

  /** The photo through ImageMagick's convert with {@code args}, re-encoded as JPEG (the untagged one too, alike). */
  private static byte[] magick(byte[] photo, String... args) throws IOException, InterruptedException {
    Path dir = Files.createTempDirectory("nws-tagged");
    Path in = Files.write(dir.resolve("in.jpg"), photo);
    Path out = dir.resolve("out.jpg");
    List<String> command = new ArrayList<>(List.of("/usr/bin/convert", in.toString()));
    command.addAll(List.of(args));
    command.add(out.toString());
    Process p = new ProcessBuilder(command).inheritIO().start();
    if (p.waitFor() != 0) {
      throw new IllegalStateException("ImageMagick's /usr/bin/convert failed (apt-get install imagemagick colord-data argyll-ref)");
    }
    return Files.readAllBytes(out);
  }
}
