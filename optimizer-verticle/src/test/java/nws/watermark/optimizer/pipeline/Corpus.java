package nws.watermark.optimizer.pipeline;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The shared test corpus ({@code ../shared/corpus} beside the checkout). */
final class Corpus {

  static final Path DIR = Path.of(System.getProperty("nws.corpus.dir", "../../shared/corpus"));

  private Corpus() {}

  static byte[] bytes(String name) {
    try {
      return Files.readAllBytes(DIR.resolve(name));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
