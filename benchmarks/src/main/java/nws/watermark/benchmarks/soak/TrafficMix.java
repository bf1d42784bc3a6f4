package nws.watermark.benchmarks.soak;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import nws.watermark.benchmarks.HttpAnswer;

/**
 * The soak's traffic, drawn from a fixed seed: which kind of request comes next, which photo and
 * which options. Hits and variants only name what was sent before, and {@code GET /images/<id>}
 * only photos whose upload was answered 200 (what the service stored), so the draws follow the
 * seed while the answers arriving decide which ids are known yet.
 */
final class TrafficMix {

  /** Per 100 requests. Mostly good traffic, as a service sees it; a steady trickle of bad input. */
  static final Map<Kind, Integer> WEIGHTS = Map.of(
      Kind.MISS_UPLOAD, 15, Kind.HIT_UPLOAD, 25, Kind.ID_MISS, 10, Kind.ID_HIT, 25, Kind.ID_NOT_MODIFIED, 5,
      Kind.BAD_TRUNCATED, 5, Kind.BAD_TEXT, 5, Kind.BAD_OPTION, 5, Kind.BAD_UNKNOWN_ID, 5);

  /** Every well-formed input format the corpus has, from 0.3 to 20 MP. */
  static final List<String> PHOTOS = List.of("photo_2mp_storm.jpg", "photo_03mp_rocket.jpg",
      "photo_6mp_portrait_friends.jpg", "photo_8mp_picos.jpg", "photo_20mp_kleiber.jpg", "progressive.jpg",
      "gray.jpg", "orient6.jpg", "cmyk.jpg", "photo_coffee.png", "photo_picos.webp", "anim3.gif", "photo.bmp");

  private record Variant(int photo, String query) {}

  private final Random random;
  private final List<byte[]> photos = new ArrayList<>();
  private final List<String> ids = new ArrayList<>();
  private final byte[] truncated;
  private final byte[] text;
  private final byte[] tiny;
  private final boolean[] stored;
  private final Set<String> used = new HashSet<>();
  private final List<Variant> uploaded = new ArrayList<>();
  private final List<Variant> variants = new ArrayList<>();
  private final Map<String, String> etags = new HashMap<>();
  private final List<String> etagPaths = new ArrayList<>();

  TrafficMix(Path corpus, long seed) throws IOException {
    random = new Random(seed);
    for (String name : PHOTOS) {
      byte[] bytes = Files.readAllBytes(corpus.resolve(name));
      photos.add(bytes);
      ids.add(sha256(bytes));
    }
    stored = new boolean[photos.size()];
    truncated = Files.readAllBytes(corpus.resolve("truncated.jpg"));
    text = Files.readAllBytes(corpus.resolve("not_an_image.jpg"));
    tiny = Files.readAllBytes(corpus.resolve("tiny_1x1.jpg"));
  }

  synchronized Call next() {
    int draw = random.nextInt(100);
    for (Kind kind : Kind.values()) {
      draw -= WEIGHTS.get(kind);
      if (draw < 0) {
        return draw(kind);
      }
    }
    throw new IllegalStateException("weights do not add up to 100");
  }

  /** What an answer teaches: which originals are stored, and the ETags of variants. */
  synchronized void learn(Call call, HttpAnswer answer) {
    if (answer.status() != 200 || call.photo() < 0) {
      return;
    }
    stored[call.photo()] = true;
    String etag = answer.header("ETag");
    if (call.method().equals("GET") && etag != null && etags.put(call.path(), etag) == null) {
      etagPaths.add(call.path());
    }
  }

  private Call draw(Kind kind) {
    int photo = random.nextInt(photos.size());
    switch (kind) {
      case MISS_UPLOAD:
        return upload(kind, new Variant(photo, fresh(photo)));
      case HIT_UPLOAD:
        return uploaded.isEmpty() ? draw(Kind.MISS_UPLOAD) : upload(kind, pick(uploaded));
      case ID_MISS:
        return storedPhoto(photo) < 0 ? draw(Kind.MISS_UPLOAD) : variant(kind, storedPhoto(photo), fresh(storedPhoto(photo)));
      case ID_HIT:
        Variant known = knownStored();
        return known == null ? draw(Kind.ID_MISS) : variant(kind, known.photo(), known.query());
      case ID_NOT_MODIFIED:
        if (etagPaths.isEmpty()) {
          return draw(Kind.ID_HIT);
        }
        String path = pick(etagPaths);
        return Call.get(kind, path, Map.of("If-None-Match", etags.get(path)), -1, "");
      case BAD_TRUNCATED:
        return Call.post(kind, "/upload", "image/jpeg", truncated, -1, "");
      case BAD_TEXT:
        return Call.post(kind, "/upload", "image/jpeg", text, -1, "");
      case BAD_OPTION:
        return Call.post(kind, "/upload?fit=zoom", "image/jpeg", tiny, -1, "");
      default:
        byte[] unknown = new byte[32];
        random.nextBytes(unknown);
        return Call.get(kind, "/images/" + HexFormat.of().formatHex(unknown) + "?w=100", Map.of(), -1, "");
    }
  }

  private Call upload(Kind kind, Variant v) {
    if (kind == Kind.MISS_UPLOAD) {
      uploaded.add(v);
      variants.add(v);
    }
    return Call.post(kind, "/upload?" + v.query(), contentType(PHOTOS.get(v.photo())), photos.get(v.photo()),
        v.photo(), v.query());
  }

  private Call variant(Kind kind, int photo, String query) {
    if (kind == Kind.ID_MISS) {
      variants.add(new Variant(photo, query));
    }
    return Call.get(kind, "/images/" + ids.get(photo) + "?" + query, Map.of(), photo, query);
  }

  /** Options this photo was never sent with: w 160..1016 by 8, q 55..95 (4428 per photo). */
  private String fresh(int photo) {
    for (int tries = 0; ; tries++) {
      String query = "w=" + (160 + 8 * random.nextInt(108)) + "&q=" + (55 + random.nextInt(41))
          + (tries > 100 ? "&opacity=0." + random.nextInt(1000) : "");
      if (used.add(photo + "?" + query)) {
        return query;
      }
    }
  }

  /** {@code photo} if it is stored, else the next stored photo, else -1. */
  private int storedPhoto(int photo) {
    for (int i = 0; i < stored.length; i++) {
      int candidate = (photo + i) % stored.length;
      if (stored[candidate]) {
        return candidate;
      }
    }
    return -1;
  }

  private Variant knownStored() {
    for (int tries = 0; tries < 20 && !variants.isEmpty(); tries++) {
      Variant v = pick(variants);
      if (stored[v.photo()]) {
        return v;
      }
    }
    return null;
  }

  private <T> T pick(List<T> list) {
    return list.get(random.nextInt(list.size()));
  }

  static String contentType(String file) {
    String ext = file.substring(file.lastIndexOf('.') + 1);
    return "image/" + (ext.equals("jpg") ? "jpeg" : ext);
  }

  static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
