package nws.watermark.shared.config;

import io.netty.util.NetUtil;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import nws.watermark.shared.Secret;

/**
 * Who may use the service and how much: signed variant URLs, upload API keys, rate limits per
 * client, whose {@code X-Forwarded-For} to believe, and the origins a browser may call from. All
 * off by default: the first command of the README gives an open service on localhost.
 */
public record AccessConfig(
    List<Secret> signingKeys,
    boolean signedUploadOptions,
    List<Secret> apiKeys,
    Rate rateLimit,
    Rate renderRateLimit,
    List<String> trustedProxies,
    List<String> corsOrigins) {

  /** Signing keys are HMAC-SHA256 keys: shorter than its output, they are the weak link. */
  public static final int MIN_SIGNING_KEY_BYTES = 32;
  public static final int MIN_API_KEY_CHARS = 16;
  private static final Pattern ORIGIN = Pattern.compile("https?://[A-Za-z0-9.-]+(:\\d{1,5})?|\\*");
  private static final String RATE_KIND = "a rate such as 600/m (a number per s, m, h or d), or 0 for none";

  public static final Setting<List<Secret>> SIGNING_KEYS = Setting.parsed("NWS_SIGNING_KEYS", List.<Secret>of(),
      raw -> secrets(raw), "comma-separated secrets").shownAs(AccessConfig::count).documentedAs("none");
  public static final Setting<Boolean> SIGNED_UPLOAD_OPTIONS = Setting.bool("NWS_SIGNED_UPLOAD_OPTIONS", false);
  public static final Setting<String> API_KEYS = Setting.trimmed("NWS_API_KEYS", "")
      .shownAs(v -> v.startsWith("@") ? "from " + v.substring(1) : v.isEmpty() ? "(unset)" : "(set)").documentedAs("none");
  public static final Setting<Rate> RATE_LIMIT =
      Setting.parsed("NWS_RATE_LIMIT", Rate.NONE, Rate::parse, RATE_KIND).shownAs(Rate::toString).documentedAs("none");
  public static final Setting<Rate> RENDER_RATE_LIMIT =
      Setting.parsed("NWS_RENDER_RATE_LIMIT", Rate.NONE, Rate::parse, RATE_KIND).shownAs(Rate::toString).documentedAs("none");
  public static final Setting<List<String>> TRUSTED_PROXIES = Setting.parsed("NWS_TRUSTED_PROXIES", List.<String>of(),
      raw -> all(list(raw), AccessConfig::isCidr), "comma-separated IP addresses or CIDR blocks, such as 10.0.0.0/8")
      .documentedAs("none");
  public static final Setting<List<String>> CORS_ORIGINS = Setting.parsed("NWS_CORS_ORIGINS", List.<String>of(),
      raw -> all(list(raw), o -> ORIGIN.matcher(o).matches()),
      "comma-separated origins such as https://example.com (scheme, host, optional port, no path), or *")
      .documentedAs("none");

  public AccessConfig {
    for (int i = 0; i < signingKeys.size(); i++) {
      int bytes = signingKeys.get(i).value().getBytes(StandardCharsets.UTF_8).length;
      SIGNING_KEYS.require(bytes >= MIN_SIGNING_KEY_BYTES, "secrets of at least " + MIN_SIGNING_KEY_BYTES
          + " bytes each (such as the output of: openssl rand -base64 48)", "key " + (i + 1) + " of " + bytes + " bytes");
    }
    for (int i = 0; i < apiKeys.size(); i++) {
      int chars = apiKeys.get(i).value().length();
      API_KEYS.require(chars >= MIN_API_KEY_CHARS, "keys of at least " + MIN_API_KEY_CHARS + " characters each",
          "key " + (i + 1) + " of " + chars);
    }
  }

  public static AccessConfig from(Env env) {
    return new AccessConfig(env.get(SIGNING_KEYS), env.get(SIGNED_UPLOAD_OPTIONS), apiKeys(env.get(API_KEYS)),
        env.get(RATE_LIMIT), env.get(RENDER_RATE_LIMIT), env.get(TRUSTED_PROXIES), env.get(CORS_ORIGINS));
  }

  public boolean signs() {
    return !signingKeys.isEmpty();
  }

  public boolean needsApiKey() {
    return !apiKeys.isEmpty();
  }

  /** {@code NWS_API_KEYS}: comma-separated, or {@code @file} with one key per line ({@code #} comments). */
  private static List<Secret> apiKeys(String value) {
    if (!value.startsWith("@")) {
      return secrets(value);
    }
    Path file = Path.of(value.substring(1));
    try {
      return Files.readAllLines(file, StandardCharsets.UTF_8).stream().map(String::trim)
          .filter(line -> !line.isEmpty() && !line.startsWith("#")).map(Secret::new).toList();
    } catch (IOException e) {
      throw API_KEYS.refused("comma-separated keys or @<file> naming a readable file", "@" + file + " (" + e + ")");
    }
  }

  private static List<Secret> secrets(String raw) {
    return Arrays.stream(raw.split(",")).map(String::trim).filter(s -> !s.isEmpty()).map(Secret::new).toList();
  }

  private static List<String> list(String raw) {
    return Arrays.stream(raw.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
  }

  /** {@code items} if every one passes, else null (the setting then says what it takes). */
  private static List<String> all(List<String> items, java.util.function.Predicate<String> ok) {
    return items.stream().allMatch(ok) ? items : null;
  }

  private static boolean isCidr(String block) {
    int slash = block.indexOf('/');
    String address = slash < 0 ? block : block.substring(0, slash);
    boolean v4 = NetUtil.isValidIpV4Address(address);
    if (!v4 && !NetUtil.isValidIpV6Address(address)) {
      return false;
    }
    if (slash < 0) {
      return true;
    }
    String bits = block.substring(slash + 1);
    return bits.matches("\\d{1,3}") && Integer.parseInt(bits) <= (v4 ? 32 : 128);
  }

  private static Object count(List<Secret> keys) {
    return keys.isEmpty() ? "(unset)" : "(" + keys.size() + " set)";
  }
}
