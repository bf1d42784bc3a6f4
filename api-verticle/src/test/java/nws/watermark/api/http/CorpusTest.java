package nws.watermark.api.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.client.HttpResponse;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.util.stream.Stream;
import nws.watermark.api.Service;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every file of {@code ../shared/corpus/manifest.tsv} through HTTP, with its expected outcome. */
class CorpusTest {

  @RegisterExtension
  static final Service service = Service.start();

  static Stream<Arguments> manifest() throws IOException {
    return Files.readAllLines(Service.CORPUS.resolve("manifest.tsv")).stream()
        .skip(1)
        .map(line -> line.split("\t"))
        .map(f -> Arguments.of(f[0], Integer.parseInt(f[1]), f[2], f[3], f[6], f[7]));
  }

  @ParameterizedTest(name = "{0}: {4}")
  @MethodSource("manifest")
  void each_corpus_file_gets_its_expected_outcome(String file, int bytes, String width, String height,
      String expected, String note) {
    HttpResponse<Buffer> r = service.upload(file);
    switch (expected) {
      case "ok" -> assertFits(file, r, Integer.parseInt(width), Integer.parseInt(height), note);
      case "reject-empty" -> assertError(r, 400, "MISSING_IMAGE");
      case "reject-too-large" -> assertError(r, 422, "TOO_MANY_PIXELS");
      case "reject-bad-image" -> assertError(r, note.contains("415") ? 415 : 422,
          note.contains("415") ? "UNSUPPORTED_FORMAT" : "UNDECODABLE_IMAGE");
      default -> throw new AssertionError("unknown expectation " + expected);
    }
  }

  private static void assertFits(String file, HttpResponse<Buffer> r, int storedW, int storedH, String note) {
    assertEquals(200, r.statusCode(), () -> file + ": " + r.bodyAsString());
    assertEquals("image/jpeg", r.getHeader("Content-Type"));
    BufferedImage out = Service.image(r);
    boolean turned = note.contains("Orientation=6") || note.contains("Orientation=8");
    int uprightW = turned ? storedH : storedW;
    int uprightH = turned ? storedW : storedH;
    double scale = Math.min(1.0, Math.min(1024.0 / uprightW, 1024.0 / uprightH));
    int expectW = (int) Math.max(1, Math.round(uprightW * scale));
    int expectH = (int) Math.max(1, Math.round(uprightH * scale));
    assertTrue(Math.abs(out.getWidth() - expectW) <= 1 && Math.abs(out.getHeight() - expectH) <= 1,
        file + ": expected about " + expectW + "x" + expectH + ", got " + out.getWidth() + "x" + out.getHeight());
    assertTrue(out.getWidth() <= 1024 && out.getHeight() <= 1024, "fits the 1024 box");
    if (turned) {
      assertTrue(out.getHeight() > out.getWidth(), file + " must come out portrait");
    }
    assertEquals(Integer.toString(out.getWidth()), r.getHeader("X-Image-Width"));
  }

  static void assertError(HttpResponse<Buffer> r, int status, String code) {
    assertEquals(status, r.statusCode(), r::bodyAsString);
    assertTrue(r.getHeader("Content-Type").startsWith("application/json"), "JSON error body");
    assertEquals(code, r.bodyAsJsonObject().getString("error"), r::bodyAsString);
    String message = r.bodyAsJsonObject().getString("message");
    assertTrue(message != null && message.length() > 10, "a message that says what happened");
    assertTrue(!message.contains("Exception") && !message.contains("/tmp") && !message.contains("\tat "),
        "no internals in the message: " + message);
  }
}
