package nws.watermark.optimizer.pipeline;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import nws.watermark.optimizer.logo.Logos;
import nws.watermark.shared.Config;
import nws.watermark.shared.Fit;
import nws.watermark.shared.Gravity;
import nws.watermark.shared.ImageOptions;
import nws.watermark.shared.Options;
import nws.watermark.shared.Position;
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
 * What a watermark costs per render on a 1024 x 683 output (text, a 600 x 200 PNG logo at
 * wmscale 0.2, both, the logo tiled), and what placing a {@code gravity=smart} crop costs on the
 * 2048 x 1365 image a 20 MP JPEG is decoded to for a 1024 cover, against the centred crop. The
 * scaled logo is cached after the first render, as in the service. Run with {@code scripts/bench.sh MarksBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx1g", "-Djava.awt.headless=true"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class MarksBenchmark {

  private BufferedImage decoded;

  /** Which mark the watermark step draws; a separate state so the crop benchmarks run once. */
  @State(Scope.Benchmark)
  public static class Mark {

    @Param({"none", "text", "logo", "both", "logo-tile"})
    public String mark;

    Watermark watermark;
    ImageOptions options;
    BufferedImage output;

    @Setup
    public void setUp() throws IOException {
      Path dir = Files.createTempDirectory("nws-logos");
      ImageIO.write(logo(), "png", dir.resolve("acme.png").toFile());
      watermark = new Watermark(Logos.of(dir.toString()));
      ImageOptions o = Config.defaults().defaultOptions();
      options = switch (mark) {
        case "none" -> o.with(Options.WM, "");
        case "text" -> o;
        case "logo" -> o.with(Options.WM, "").with(Options.WMIMG, "acme");
        case "both" -> o.with(Options.WMIMG, "acme");
        default -> o.with(Options.WM, "").with(Options.WMIMG, "acme").with(Options.POS, Position.TILE);
      };
      output = photo(1024, 683);
    }
  }

  @Setup
  public void setUp() {
    decoded = photo(2048, 1365);
  }

  /** The watermark step on a fresh copy of the output (the copy alone is the "none" figure). */
  @Benchmark
  public BufferedImage watermark(Mark m) {
    Job job = new Job(new byte[0], 0, m.options);
    job.image = copy(m.output);
    m.watermark.apply(job);
    return job.image;
  }

  /** Where a 1024 x 1024 cover crop falls on the decoded image: the smart search. */
  @Benchmark
  public Object smartCropPlace() {
    return SmartCrop.place(decoded, 1365, 1365);
  }

  /** The same crop's place under a compass gravity: plain arithmetic, the baseline. */
  @Benchmark
  public Object gravityPlace() {
    return Geometry.of(2048, 1365, 1024, 1024, Fit.COVER, false, Gravity.E.point().x(), Gravity.E.point().y(), false);
  }

  private static BufferedImage logo() {
    BufferedImage logo = new BufferedImage(600, 200, BufferedImage.TYPE_INT_ARGB);
    Graphics2D g = logo.createGraphics();
    g.setColor(new Color(220, 30, 30, 255));
    g.fillOval(10, 10, 180, 180);
    g.setColor(new Color(30, 30, 220, 160));
    g.fillRect(220, 40, 360, 120);
    g.dispose();
    return logo;
  }

  private static BufferedImage photo(int w, int h) {
    BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
    int[] px = new int[w * h];
    long seed = 42;
    for (int i = 0; i < px.length; i++) {
      seed = seed * 6364136223846793005L + 1442695040888963407L;
      int x = i % w;
      int y = i / w;
      int noise = (int) (seed >>> 58);
      px[i] = ((x * 255 / w + noise) & 0xff) << 16 | ((y * 255 / h) & 0xff) << 8 | (128 + noise);
    }
    image.setRGB(0, 0, w, h, px, 0, w);
    return image;
  }

  private static BufferedImage copy(BufferedImage image) {
    BufferedImage out = new BufferedImage(image.getWidth(), image.getHeight(), image.getType());
    image.copyData(out.getRaster());
    return out;
  }
}
