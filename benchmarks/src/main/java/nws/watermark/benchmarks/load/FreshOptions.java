package nws.watermark.benchmarks.load;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Options a photo has never been sent with, drawn from a fixed seed, so NWS misses its cache; every
 * target of a round gets the same ones.
 */
final class FreshOptions {

  /** The variant every hit asks for (rendered once, by an upload, before the hits). */
  static final String HIT_QUERY = "?w=1024&h=1024&q=80";

  private final Random random;
  private final Map<String, Set<String>> used = new HashMap<>();

  FreshOptions(long seed) {
    this.random = new Random(seed);
  }

  String next(String photo) {
    Set<String> sent = used.computeIfAbsent(photo, k -> new HashSet<>());
    while (true) {
      int w = 1024 - 8 * random.nextInt(16);
      int q = 60 + random.nextInt(36);
      String query = "?w=" + w + "&h=1024&q=" + q;
      if (sent.add(query)) {
        return query;
      }
    }
  }
}
