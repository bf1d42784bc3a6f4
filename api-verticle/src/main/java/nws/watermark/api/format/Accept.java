package nws.watermark.api.format;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The media types a request's {@code Accept} header takes, each with its q-value. A type counts
 * as listed only when it is named (not through {@code image/*} or {@code * / *}) with a q above 0:
 * browsers send wildcards whatever they decode, so only a named AVIF or WebP means the browser
 * shows it. No header is {@code * / *}.
 */
public final class Accept {

  private final Map<String, Double> ranges = new LinkedHashMap<>();

  private Accept() {}

  public static Accept of(String header) {
    Accept accept = new Accept();
    if (header == null || header.isBlank()) {
      accept.ranges.put("*/*", 1.0);
      return accept;
    }
    for (String part : header.split(",")) {
      String[] fields = part.split(";");
      String type = fields[0].trim().toLowerCase(Locale.ROOT);
      if (type.isEmpty() || type.length() > 100) {
        continue;
      }
      double q = 1.0;
      for (int i = 1; i < fields.length; i++) {
        String p = fields[i].trim();
        if (p.startsWith("q=") || p.startsWith("Q=")) {
          q = quality(p.substring(2));
        }
      }
      accept.ranges.merge(type, q, Math::max);
    }
    return accept;
  }

  /** The q-value of {@code type} when named, else 0. */
  public double named(String type) {
    return ranges.getOrDefault(type, 0.0);
  }

  /** The q-value {@code type} gets: named, else through {@code image/*}, else {@code * / *}, else 0. */
  public double q(String type) {
    if (ranges.containsKey(type)) {
      return ranges.get(type);
    }
    String family = type.substring(0, type.indexOf('/') + 1) + "*";
    if (ranges.containsKey(family)) {
      return ranges.get(family);
    }
    return ranges.getOrDefault("*/*", 0.0);
  }

  private static double quality(String raw) {
    try {
      double q = Double.parseDouble(raw.trim());
      return Double.isFinite(q) ? Math.max(0, Math.min(1, q)) : 0;
    } catch (NumberFormatException e) {
      return 0;
    }
  }
}
