package nws.watermark.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Sends N uploads of SIZE bytes at once to 127.0.0.1:PORT/upload and reports the status codes.
 * Each upload is a real photo followed by seeded random padding after its end marker (decoders
 * stop at the marker), so every upload is a distinct image (a cache miss) of the stated size;
 * bodies are generated as they are sent, with a Content-Length, so the client holds none of them.
 * Usage: {@code UploadFlood PORT COUNT SIZE_BYTES PHOTO [SEED]}; exits 1 unless every answer is 200.
 */
public final class UploadFlood {

  private UploadFlood() {}

  public static void main(String[] args) throws Exception {
    int port = Integer.parseInt(args[0]);
    int count = Integer.parseInt(args[1]);
    long size = Long.parseLong(args[2]);
    byte[] photo = Files.readAllBytes(Path.of(args[3]));
    long seed = args.length > 4 ? Long.parseLong(args[4]) : 42;
    HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(30)).build();
    AtomicInteger done = new AtomicInteger();
    Map<Integer, Integer> statuses = new TreeMap<>();
    List<CompletableFuture<Integer>> answers = new ArrayList<>();
    long start = System.nanoTime();
    for (int i = 0; i < count; i++) {
      long padSeed = seed * 1_000_003L + i;
      HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/upload"))
          .timeout(Duration.ofMinutes(5))
          .header("Content-Type", "image/jpeg")
          .POST(HttpRequest.BodyPublishers.fromPublisher(
              HttpRequest.BodyPublishers.ofInputStream(() -> body(photo, size, padSeed)), size))
          .build();
      answers.add(client.sendAsync(request, HttpResponse.BodyHandlers.discarding())
          .thenApply(HttpResponse::statusCode)
          .exceptionally(err -> -1)
          .whenComplete((status, err) -> System.err.printf("\r%d/%d answered", done.incrementAndGet(), count)));
    }
    for (CompletableFuture<Integer> answer : answers) {
      statuses.merge(answer.join(), 1, Integer::sum);
    }
    System.err.println();
    System.out.printf("%d uploads of %d bytes in %.1f s; answers by status (-1: connection failed): %s%n",
        count, size, (System.nanoTime() - start) / 1e9, statuses);
    System.exit(statuses.keySet().stream().allMatch(s -> s == 200) ? 0 : 1);
  }

  private static InputStream body(byte[] photo, long size, long seed) {
    return new SequenceInputStream(new ByteArrayInputStream(photo), new Padding(size - photo.length, seed));
  }

  /** {@code remaining} seeded random bytes, made as they are read. */
  private static final class Padding extends InputStream {

    private final SplittableRandom random;
    private long remaining;

    Padding(long remaining, long seed) {
      this.remaining = remaining;
      this.random = new SplittableRandom(seed);
    }

    @Override
    public int read() {
      if (remaining <= 0) {
        return -1;
      }
      remaining--;
      return random.nextInt(256);
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      if (remaining <= 0) {
        return -1;
      }
      int n = (int) Math.min(len, remaining);
      for (int i = 0; i < n; i++) {
        b[off + i] = (byte) random.nextInt(256);
      }
      remaining -= n;
      return n;
    }
  }
}
