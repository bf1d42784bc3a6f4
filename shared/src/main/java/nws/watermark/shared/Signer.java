package nws.watermark.shared;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs and checks variant URLs ({@code NWS_SIGNING_KEYS}). The signed text is the path, then,
 * when the query has any parameter besides {@code sig}, {@code ?} and those parameters sorted by
 * encoded name, then encoded value, each {@code name=value} percent-encoded per RFC 3986
 * (unreserved characters as they are, every other byte of the UTF-8 {@code %XX} upper case), joined
 * by {@code &}. {@code sig} is the unpadded base64url HMAC-SHA256 of that text, keyed with a
 * secret's UTF-8 bytes. Encoding the decoded parts again makes the text the same whichever way a
 * client or a proxy escaped the URL. The first key signs; every key verifies, so keys rotate.
 */
public final class Signer {

  /** Unpadded base64url of 32 bytes. */
  private static final Pattern SIG_SHAPE = Pattern.compile("[A-Za-z0-9_-]{43}");

  public static final String SIG = "sig";
  public static final String EXP = "exp";
  private static final String HMAC = "HmacSHA256";
  private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

  /** How a URL's signature checked out. */
  public enum Verdict { VALID, MISSING, WRONG, EXPIRED, BAD_EXPIRY }

  private final List<byte[]> keys;

  /** {@code keys}: the first signs, every one verifies. */
  public Signer(List<String> keys) {
    if (keys.isEmpty()) {
      throw new IllegalArgumentException("a signer needs at least one key");
    }
    this.keys = keys.stream().map(k -> k.getBytes(StandardCharsets.UTF_8)).toList();
  }

  /** {@code pathAndQuery} (such as {@code /images/<id>?w=200}) with its {@code sig} appended. */
  public String sign(String pathAndQuery) {
    int q = pathAndQuery.indexOf('?');
    String path = q < 0 ? pathAndQuery : pathAndQuery.substring(0, q);
    List<Map.Entry<String, String>> params = q < 0 ? List.of() : parse(pathAndQuery.substring(q + 1));
    String sig = signature(keys.get(0), canonical(path, params));
    return pathAndQuery + (q < 0 ? "?" : pathAndQuery.endsWith("?") || pathAndQuery.endsWith("&") ? "" : "&")
        + SIG + "=" + sig;
  }

  /** {@code pathAndQuery} valid until {@code expires}: {@code exp} added, then signed. */
  public String sign(String pathAndQuery, Instant expires) {
    String sep = pathAndQuery.indexOf('?') < 0 ? "?" : "&";
    return sign(pathAndQuery + sep + EXP + "=" + expires.getEpochSecond());
  }

  /**
   * Checks a request: its path as sent and its decoded query parameters in order (a name may
   * repeat). Every key's signature is compared in constant time.
   */
  public Verdict verify(String path, List<Map.Entry<String, String>> params, Instant now) {
    List<String> sigs = params.stream().filter(e -> e.getKey().equals(SIG)).map(Map.Entry::getValue).toList();
    if (sigs.isEmpty()) {
      return Verdict.MISSING;
    }
    byte[] given = sigs.size() == 1 ? decode(sigs.get(0)) : null;
    String text = canonical(path, params);
    boolean match = false;
    for (byte[] key : keys) {
      // Every key is tried even after a match: the time taken says nothing about which one matched.
      match |= given != null && MessageDigest.isEqual(given, hmac(key, text));
    }
    if (!match) {
      return Verdict.WRONG;
    }
    List<String> exps = params.stream().filter(e -> e.getKey().equals(EXP)).map(Map.Entry::getValue).toList();
    if (exps.isEmpty()) {
      return Verdict.VALID;
    }
    Long exp = exps.size() == 1 ? seconds(exps.get(0)) : null;
    if (exp == null) {
      return Verdict.BAD_EXPIRY;
    }
    return now.getEpochSecond() > exp ? Verdict.EXPIRED : Verdict.VALID;
  }

  /** The text that is signed, for a path as sent and decoded query parameters. */
  public static String canonical(String path, List<Map.Entry<String, String>> params) {
    List<String> pairs = new ArrayList<>();
    params.stream()
        .filter(e -> !e.getKey().equals(SIG))
        .map(e -> Map.entry(encode(e.getKey()), encode(e.getValue())))
        .sorted(Map.Entry.<String, String>comparingByKey().thenComparing(Map.Entry.comparingByValue(Comparator.naturalOrder())))
        .forEach(e -> pairs.add(e.getKey() + "=" + e.getValue()));
    String canonicalPath = encode(URLDecoder.decode(path.replace("+", "%2B"), StandardCharsets.UTF_8)).replace("%2F", "/");
    return pairs.isEmpty() ? canonicalPath : canonicalPath + "?" + String.join("&", pairs);
  }

  /** The unpadded base64url HMAC-SHA256 of {@code text} under {@code key}. */
  public static String signature(byte[] key, String text) {
    return BASE64URL.encodeToString(hmac(key, text));
  }

  /** Percent-encodes per RFC 3986: unreserved characters as they are, every other UTF-8 byte %XX. */
  public static String encode(String s) {
    StringBuilder out = new StringBuilder();
    for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xff;
      if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
          || c == '-' || c == '.' || c == '_' || c == '~') {
        out.append((char) c);
      } else {
        out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
            .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
      }
    }
    return out.toString();
  }

  /** A raw query string's parameters, decoded as an HTTP server decodes them ({@code +} is a space). */
  public static List<Map.Entry<String, String>> parse(String query) {
    List<Map.Entry<String, String>> params = new ArrayList<>();
    for (String pair : query.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String name = eq < 0 ? pair : pair.substring(0, eq);
      String value = eq < 0 ? "" : pair.substring(eq + 1);
      params.add(Map.entry(URLDecoder.decode(name, StandardCharsets.UTF_8), URLDecoder.decode(value, StandardCharsets.UTF_8)));
    }
    return params;
  }

  private static byte[] hmac(byte[] key, String text) {
    try {
      Mac mac = Mac.getInstance(HMAC);
      mac.init(new SecretKeySpec(key, HMAC));
      return mac.doFinal(text.getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
    }
  }

  /** The signature's bytes, or null when it is not unpadded base64url (a padded or base64 one is wrong, not guessed at). */
  private static byte[] decode(String sig) {
    if (!SIG_SHAPE.matcher(sig).matches()) {
      return null;
    }
    return Base64.getUrlDecoder().decode(sig);
  }

  private static Long seconds(String exp) {
    try {
      return Long.parseLong(exp);
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
