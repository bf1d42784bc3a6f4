package nws.watermark.api.access;

/** The README's signing test vector, as {@code SignerTest} in the shared module checks it too. */
final class SignerVector {

  static final String KEY = "nws-example-signing-key-0123456789abcdef";
  static final String UNSIGNED =
      "/images/50d858e0985ecc7f60418aaf0cc5ab587f42c2570a884095a9e8ccacd0f6545c?w=200&wm=Hello%20World&format=webp";
  static final String SIG = "JSjWAynDPq42MTzJk5dYLWxYGqnxLXxgXEvwelZfsNA";

  private SignerVector() {}
}
