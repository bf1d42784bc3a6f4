package nws.watermark.benchmarks.capacity;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;

/**
 * The capacity test's traffic, from a fixed seed, as an image service in front of a CDN sees it:
 * 80 % hits on variants already rendered, 20 % misses. Of every 100 requests:
 * <ul>
 *   <li>50 {@code GET /images/<id>?<variant>} of a rendered variant (hit, no upload)</li>
 *   <li>30 {@code POST /upload?<variant>} of a photo with a rendered variant (hit; the body is still
 *       sent and hashed)</li>
 *   <li>10 {@code POST /upload} with options never sent (miss: a render)</li>
 *   <li>10 {@code GET /images/<id>} with options never sent (miss: the original is read back, then
 *       rendered)</li>
 * </ul>
 * on four photos of phone and web sizes (0.3, 2.5, 6 and 8 MP JPEGs) and four variants each.
 * {@code benchmarks/locustfile.py} sends the same mix.
 */
final class CapacityMix {

  static final List<String> PHOTOS = List.of("photo_03mp_rocket.jpg", "photo_2mp_storm.jpg",
      "photo_6mp_portrait_friends.jpg", "photo_8mp_picos.jpg");
  static final List<String> VARIANTS = List.of("w=320", "w=640", "w=1024", "w=200&h=200&fit=cover");

  /** One request: a GET when {@code body} is null. */
  record Request(boolean hit, String path, byte[] body) {}

  private final Random random;
  private final List<byte[]> photos = new ArrayList<>();
  private final List<String> ids = new ArrayList<>();
  private final String tag;
  private long misses;

  /** {@code tag} makes this run's misses differ from any other run's against the same service. */
  CapacityMix(Path corpus, long seed, String tag) throws IOException {
    this.random = new Random(seed);
    this.tag = tag;
    for (String name : PHOTOS) {
      byte[] bytes = Files.readAllBytes(corpus.resolve(name));
      photos.add(bytes);
      ids.add(sha256(bytes));
    }
  }

  /** The uploads that render the hit set (the warm-up sends them once). */
  List<Request> hitSet() {
    List<Request> all = new ArrayList<>();
    for (int p = 0; p < photos.size(); p++) {
      for (String variant : VARIANTS) {
        all.add(new Request(true, "/upload?" + variant, photos.get(p)));
      }
    }
    return all;
  }

  synchronized Request next() {
    int draw = random.nextInt(100);
    int photo = random.nextInt(photos.size());
    String variant = VARIANTS.get(random.nextInt(VARIANTS.size()));
    if (draw < 50) {
      return new Request(true, "/images/" + ids.get(photo) + "?" + variant, null);
    }
    if (draw < 80) {
      return new Request(true, "/upload?" + variant, photos.get(photo));
    }
    String fresh = fresh();
    return draw < 90 ? new Request(false, "/upload?" + fresh, photos.get(photo))
        : new Request(false, "/images/" + ids.get(photo) + "?" + fresh, null);
  }

  /**
   * Options never sent: w 160..1016 and q 55..95 as drawn, made unique by a watermark text naming
   * the run and the miss (the same work as the default text: a few characters drawn).
   */
  private String fresh() {
    return "w=" + (160 + 8 * random.nextInt(108)) + "&q=" + (55 + random.nextInt(41)) + "&wm=NWS-" + tag + "-"
        + (++misses);
  }

  private static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
