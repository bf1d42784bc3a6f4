package nws.watermark.benchmarks.formats;

import io.vertx.core.json.JsonObject;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * sharp, through {@code sharp-encode.mjs} in one node process kept warm for the whole run: each
 * {@link #encode} is one round, every output encoded once, so rounds can alternate with ours.
 */
final class SharpEncoder implements AutoCloseable {

  /** One round's answer: per output, {@code bytes}, {@code file}, {@code ms[0]}, {@code cpuMs[0]}. */
  record Round(JsonObject json) {
    int bytes(SharpOutput output) {
      return json.getJsonObject(output.id).getInteger("bytes");
    }

    Path file(SharpOutput output) {
      return Path.of(json.getJsonObject(output.id).getString("file"));
    }

    double ms(SharpOutput output) {
      return json.getJsonObject(output.id).getJsonArray("ms").getDouble(0);
    }

    double cpuMs(SharpOutput output) {
      return json.getJsonObject(output.id).getJsonArray("cpuMs").getDouble(0);
    }

    /** sharp's and libvips' versions and the threads libvips may use, for the legend. */
    String describe() {
      JsonObject v = json.getJsonObject("versions");
      return "sharp " + v.getString("sharp") + " (libvips " + v.getString("vips") + ", libheif " + v.getString("heif")
          + ", libaom " + v.getString("aom") + ", libwebp " + v.getString("webp") + "), concurrency "
          + json.getInteger("concurrency");
    }
  }

  private final Process node;
  private final Writer requests;
  private final BufferedReader answers;

  SharpEncoder(Path script, Path sharpApp, Path outDir) throws IOException {
    node = new ProcessBuilder("node", script.toString(), "--app", sharpApp.toString(), "--out", outDir.toString())
        .redirectError(ProcessBuilder.Redirect.INHERIT)
        .start();
    requests = new OutputStreamWriter(node.getOutputStream(), StandardCharsets.UTF_8);
    answers = new BufferedReader(new InputStreamReader(node.getInputStream(), StandardCharsets.UTF_8));
  }

  Round encode(Path png) throws IOException {
    requests.write(png.toAbsolutePath() + "\n");
    requests.flush();
    String line = answers.readLine();
    if (line == null) {
      throw new IOException("sharp-encode.mjs ended without an answer (exit " + exitCode() + "; its error is above)");
    }
    return new Round(new JsonObject(line));
  }

  private String exitCode() {
    try {
      return node.waitFor(5, TimeUnit.SECONDS) ? String.valueOf(node.exitValue()) : "still running";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "unknown";
    }
  }

  /** End of input ends the script; it is killed only if it hangs. */
  @Override
  public void close() throws IOException {
    requests.close();
    try {
      if (!node.waitFor(30, TimeUnit.SECONDS)) {
        node.destroyForcibly();
      }
    } catch (InterruptedException e) {
      node.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }
}
