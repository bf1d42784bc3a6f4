package nws.watermark.optimizer.pipeline;

import java.awt.image.BufferedImage;
import java.util.concurrent.TimeUnit;
import nws.watermark.shared.Config;
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
 * Whether the area-average resize should split its rows over two threads ({@link TwoHalves}):
 * the baseline does every row on the calling thread, the candidate offers half to a helper. Run
 * it with {@code -t 1} (one job alone on the machine: the split's best case) and {@code -t 2}
 * (every core busy with a job of its own, as under load).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx1g", "-Djava.awt.headless=true"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class ResizeSplitBenchmark {

  @Param({"photo_20mp_kleiber.jpg", "photo_2mp_storm.jpg"})
  public String photo;

  private Job decoded;

  @Setup
  public void setUp() throws Exception {
    Config config = Config.defaults();
    byte[] input = PipelineBenchmark.read(photo);
    decoded = new Job(input, input.length, config.defaultOptions());
    new Decode(config.images().maxPixels(), Engine.best()).apply(decoded);
  }

  @Benchmark
  public BufferedImage oneThread() {
    return resize(false);
  }

  @Benchmark
  public BufferedImage twoBands() {
    return resize(true);
  }

  private BufferedImage resize(boolean split) {
    BufferedImage image = decoded.image;
    Geometry g = decoded.geometry;
    double f = (double) image.getWidth() / decoded.sourceWidth;
    return AreaAverage.resize(image, 0, 0, (int) Math.round(g.cropWidth() * f),
        Math.min(image.getHeight(), (int) Math.round(g.cropHeight() * f)), g.width(), g.height(), split);
  }
}
