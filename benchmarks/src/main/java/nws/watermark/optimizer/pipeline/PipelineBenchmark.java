package nws.watermark.optimizer.pipeline;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import nws.watermark.optimizer.logo.Logos;
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
 * Each pipeline step and the whole job, for every engine in the same class: {@code NAIVE} (full
 * decode, the baseline), {@code IMAGEIO} (source subsampling) and {@code TURBOJPEG} (DCT scaling,
 * TurboJPEG encode), on corpus photos at the default options (fit 1024, watermark, JPEG q80).
 * The corpus folder comes from {@code -Dnws.corpus.dir}. Run with {@code scripts/bench.sh}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx1g", "-Djava.awt.headless=true"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class PipelineBenchmark {

  @Param({"photo_20mp_kleiber.jpg", "photo_8mp_picos.jpg", "photo_2mp_storm.jpg"})
  public String photo;

  @Param({"NAIVE", "IMAGEIO", "TURBOJPEG"})
  public Engine engine;

  private final Config config = Config.defaults();
  private ImageOptions options;
  private Pipeline pipeline;
  private Decode decode;
  private Resize resize;
  private final Watermark watermark = new Watermark(Logos.NONE);
  private Encode encode;
  private byte[] input;
  private Job decoded;
  private Job resized;

  @Setup
  public void setUp() throws Exception {
    input = read(photo);
    options = config.formats().resolved(config.defaultOptions());
    pipeline = new Pipeline(config, engine);
    if (pipeline.engine() != engine) {
      throw new IllegalStateException(engine + " is not available here; got " + pipeline.engine());
    }
    decode = new Decode(config.images().maxPixels(), engine);
    encode = new Encode(engine, config.formats());
    resize = new Resize(engine);
    decoded = decode();
    resized = copy(decoded);
    resize.apply(resized);
  }

  /** Decode, flatten, resize, orient, watermark, encode: what one cache miss costs the optimizer. */
  @Benchmark
  public byte[] job() {
    return pipeline.process(input, options).bytes();
  }

  /** Header check, EXIF orientation and the (shrunk) decode. */
  @Benchmark
  public Job decode() throws Exception {
    Job job = new Job(input, input.length, options);
    decode.apply(job);
    return job;
  }

  /** From what this engine decoded to the 1024 output. */
  @Benchmark
  public Job resize() throws IOException {
    Job job = copy(decoded);
    resize.apply(job);
    return job;
  }

  /** Text watermark on the output (draws onto the same image each time; the cost is the same). */
  @Benchmark
  public Job watermark() {
    watermark.apply(resized);
    return resized;
  }

  @Benchmark
  public byte[] encode() throws IOException {
    Job job = copy(resized);
    encode.apply(job);
    return job.output;
  }

  private Job copy(Job from) {
    Job job = new Job(input, input.length, options);
    job.orientation = from.orientation;
    job.sourceWidth = from.sourceWidth;
    job.sourceHeight = from.sourceHeight;
    job.geometry = from.geometry;
    job.image = from.image;
    return job;
  }

  static byte[] read(String name) {
    Path dir = Path.of(System.getProperty("nws.corpus.dir", "../shared/corpus"));
    try {
      return Files.readAllBytes(dir.resolve(name));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
