package nws.watermark.benchmarks.fuzz;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import javax.imageio.ImageIO;

/**
 * The files the mutators start from, by format: corpus files (the small ones; none of the 8 and
 * 20 MP photos, which would make every case slow), and small images made from the corpus rocket
 * photo in the variants each format has (progressive, greyscale, palette and tRNS, 16-bit, RLE,
 * lossless WebP, AVIF with alpha...). A fixed list in a fixed order: case i picks the same seed
 * every run.
 */
final class Seeds {

  /** One seed file. */
  record Seed(String name, byte[] bytes) {}

  static final List<String> FORMATS = List.of("jpeg", "png", "gif", "bmp", "webp", "heif");

  private static final Map<String, List<String>> CORPUS = Map.of(
      "jpeg", List.of("tiny_1x1.jpg", "photo_03mp_rocket.jpg", "gray.jpg", "orient6.jpg", "cmyk.jpg", "progressive.jpg",
          "truncated.jpg"),
      "png", List.of("photo_coffee.png", "bomb_30000.png"),
      "gif", List.of("anim3.gif"),
      "bmp", List.of("photo.bmp"),
      "webp", List.of("photo_picos.webp"));

  private final Map<String, List<Seed>> corpus = new LinkedHashMap<>();
  private final Map<String, List<Seed>> made;
  private final Seed optionImage;

  private Seeds(Map<String, List<Seed>> made, Seed optionImage) {
    this.made = made;
    this.optionImage = optionImage;
  }

  static Seeds load(Path corpusDir) {
    try {
      byte[] rocket = Files.readAllBytes(corpusDir.resolve("photo_03mp_rocket.jpg"));
      Map<String, List<Seed>> made = SeedImages.make(ImageIO.read(new ByteArrayInputStream(rocket)));
      Seeds seeds = new Seeds(made, made.get("jpeg").get(0));
      for (String format : FORMATS) {
        List<Seed> files = new ArrayList<>();
        for (String name : CORPUS.getOrDefault(format, List.of())) {
          files.add(new Seed(name, Files.readAllBytes(corpusDir.resolve(name))));
        }
        seeds.corpus.put(format, files);
      }
      return seeds;
    } catch (IOException e) {
      throw new UncheckedIOException("the corpus at " + corpusDir + " is needed for the seeds", e);
    }
  }

  boolean has(String format) {
    return !made.getOrDefault(format, List.of()).isEmpty() || !corpus.getOrDefault(format, List.of()).isEmpty();
  }

  /** A seed of {@code format}: a made one four times in five (small, fast), else a corpus file. */
  Seed pick(String format, Random r) {
    List<Seed> small = made.getOrDefault(format, List.of());
    List<Seed> files = corpus.getOrDefault(format, List.of());
    List<Seed> from = files.isEmpty() || (!small.isEmpty() && r.nextInt(5) < 4) ? small : files;
    return from.get(r.nextInt(from.size()));
  }

  /** The small JPEG the option, multipart and framing families upload. */
  Seed optionImage() {
    return optionImage;
  }

  /** How many seeds of each format, for the run's header line. */
  String describe() {
    StringBuilder s = new StringBuilder();
    for (String format : FORMATS) {
      s.append(format).append(' ').append(made.getOrDefault(format, List.of()).size()).append('+')
          .append(corpus.getOrDefault(format, List.of()).size()).append(", ");
    }
    return s.append("(made+corpus)").toString();
  }
}
