package nws.watermark.benchmarks.fuzz;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Puts a mutated image into a well-formed upload, so the image is what is on trial: multipart
 * (options in the query or as form fields) or a raw body, with sane random options. Sizes stay
 * small (the fuzzer decodes every 200 it gets), and AVIF output, costly to encode, is asked for
 * rarely and only for small boxes.
 */
final class ImageUploads {

  private static final String[] FITS = {"inside", "cover", "fill"};
  private static final String[] POSITIONS = {"tl", "t", "tr", "l", "c", "r", "bl", "b", "br", "tile"};

  private ImageUploads() {}

  static RawRequest wrap(byte[] image, String seedName, Random r) {
    List<String[]> options = saneOptions(r);
    String type = contentType(seedName);
    int delivery = r.nextInt(10);
    if (delivery < 4) {
      return HttpMessage.post("/upload" + query(options)).body(r.nextInt(10) == 0 ? "application/octet-stream" : type, image)
          .request("raw " + type);
    }
    Multipart form = new Multipart("fuzz" + Long.toHexString(r.nextLong()));
    boolean asFields = delivery < 7;
    if (asFields) {
      options.forEach(o -> form.field(o[0], o[1]));
    }
    form.file("image", "upload." + seedName.substring(seedName.lastIndexOf('.') + 1), type, image);
    String target = "/upload" + (asFields ? "" : query(options));
    return HttpMessage.post(target).body(form.contentType(), form.bytes())
        .request("multipart" + (asFields ? " with options as fields " + describe(options) : ""));
  }

  /** What a client would send for a file of this name. */
  static String contentType(String name) {
    String ext = name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
    return switch (ext) {
      case "jpg", "jpeg" -> "image/jpeg";
      case "png" -> "image/png";
      case "gif" -> "image/gif";
      case "bmp" -> "image/bmp";
      case "webp" -> "image/webp";
      case "avif" -> "image/avif";
      case "heic" -> "image/heic";
      default -> "application/octet-stream";
    };
  }

  /** Valid options, each present or not: boxes of 16..511 px, any fit, quality, format, text, place, opacity. */
  static List<String[]> saneOptions(Random r) {
    List<String[]> o = new ArrayList<>();
    String format = switch (r.nextInt(24)) {
      case 0 -> "avif";
      case 1, 2, 3 -> "png";
      case 4, 5, 6 -> "webp";
      case 7, 8 -> "jpeg";
      default -> null;
    };
    boolean avif = "avif".equals(format);
    if (avif || r.nextInt(10) < 7) {
      o.add(new String[] {"w", String.valueOf(16 + r.nextInt(avif ? 112 : 496))});
    }
    if (avif || r.nextBoolean()) {
      o.add(new String[] {"h", String.valueOf(16 + r.nextInt(avif ? 112 : 496))});
    }
    if (format != null) {
      o.add(new String[] {"format", format});
    }
    if (r.nextInt(10) < 3) {
      o.add(new String[] {"fit", FITS[r.nextInt(FITS.length)]});
    }
    if (r.nextInt(10) < 2) {
      o.add(new String[] {"q", String.valueOf(1 + r.nextInt(100))});
    }
    if (r.nextInt(10) < 2) {
      o.add(new String[] {"wm", new String[] {"", "Fuzz", "© Fuzz 2026", "x".repeat(200)}[r.nextInt(4)]});
    }
    if (r.nextInt(10) < 2) {
      o.add(new String[] {"pos", POSITIONS[r.nextInt(POSITIONS.length)]});
    }
    if (r.nextInt(10) < 2) {
      o.add(new String[] {"opacity", String.valueOf(r.nextInt(101) / 100.0)});
    }
    if (r.nextInt(10) == 0) {
      o.add(new String[] {"enlarge", String.valueOf(r.nextBoolean())});
    }
    if (r.nextInt(10) == 0 && (format == null || format.equals("jpeg"))) {
      o.add(new String[] {"progressive", String.valueOf(r.nextBoolean())});
    }
    return o;
  }

  static String query(List<String[]> options) {
    StringBuilder q = new StringBuilder();
    for (String[] o : options) {
      q.append(q.length() == 0 ? '?' : '&').append(o[0]).append('=').append(URLEncoder.encode(o[1], StandardCharsets.UTF_8));
    }
    return q.toString();
  }

  private static String describe(List<String[]> options) {
    return query(options).replaceFirst("^\\?", "");
  }
}
