package nws.watermark.api.access;

import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import nws.watermark.shared.Secret;

/**
 * The upload API keys ({@code NWS_API_KEYS}), held as SHA-256 digests: a presented key is hashed
 * and compared with every one in constant time. A key is known outside this class only by its id,
 * {@code key:} and the first 8 hex digits of its digest, safe to log and to label metrics with.
 */
final class ApiKeys {

  private static final String BEARER = "Bearer ";
  static final String X_API_KEY = "X-API-Key";

  private final List<byte[]> digests;

  ApiKeys(List<Secret> keys) {
    this.digests = keys.stream().map(k -> sha256(k.value())).toList();
  }

  boolean required() {
    return !digests.isEmpty();
  }

  /** Whether the request shows a key at all (valid or not). */
  static boolean presented(HttpServerRequest request) {
    return presentedKey(request) != null;
  }

  /** The id of the valid key the request shows, or null. */
  String keyIdOf(HttpServerRequest request) {
    String presented = presentedKey(request);
    if (presented == null || digests.isEmpty()) {
      return null;
    }
    byte[] digest = sha256(presented);
    boolean match = false;
    for (byte[] known : digests) {
      match |= MessageDigest.isEqual(known, digest);
    }
    return match ? "key:" + HexFormat.of().formatHex(digest, 0, 4) : null;
  }

  private static String presentedKey(HttpServerRequest request) {
    String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
    if (authorization != null && authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
      return authorization.substring(BEARER.length()).trim();
    }
    String header = request.getHeader(X_API_KEY);
    return header == null ? null : header.trim();
  }

  private static byte[] sha256(String key) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }
}
