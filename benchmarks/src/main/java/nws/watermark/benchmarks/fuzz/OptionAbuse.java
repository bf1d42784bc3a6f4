package nws.watermark.benchmarks.fuzz;

import java.util.List;
import java.util.Random;

/**
 * Options that are wrong in every way a query string can be: unknown names, huge or malformed
 * values, a name repeated with different values, bad percent-escapes (in the query and the path),
 * unicode look-alikes, control characters, very long values and queries, thousands of
 * parameters, odd separators, hostile Accept headers for format=auto, bad image ids. Sent with a
 * small valid JPEG (raw or multipart, or the same options as form fields), or to
 * {@code GET /images/<id>} for an original the run uploaded first.
 */
final class OptionAbuse {

  private static final String[] VARIANTS = {"unknown-name", "huge-value", "repeated", "bad-escape", "unicode",
      "control-chars", "long-value", "form-field-clash", "many-params", "odd-separators", "accept-header", "image-id"};
  private static final String[] NAMES = {"w", "h", "fit", "enlarge", "q", "format", "wm", "pos", "opacity", "progressive"};

  private OptionAbuse() {}

  static RawRequest make(Random random, byte[] jpeg, String knownId, List<String> did) {
    String variant = VARIANTS[random.nextInt(VARIANTS.length)];
    Picker r = new Picker(random);
    String name = NAMES[random.nextInt(NAMES.length)];
    String query = switch (variant) {
      case "unknown-name" -> r.pick("width=800", "=5", "w", "&&&", "W=100", "w =100", "__proto__=1", "image=1",
          "w[]=5", "%77=100");
      case "huge-value" -> name + "=" + r.pick("99999999999999999999", "-1", "0", "8193", "1e309", "NaN", "Infinity",
          "0x10", "+5", "%2B5", "1.0", "1.5", "٣", "１００", "true", "-0", "00000000000000000000001");
      case "repeated" -> name + "=" + r.pick("1", "cover", "0.5") + "&" + name + "=" + r.pick("2", "inside", "0.5", "")
          + (random.nextBoolean() ? "&" + name + "=" + r.pick("3", "fill") : "");
      case "bad-escape" -> r.pick(name + "=%zz", name + "=%", name + "=%4", name + "=%%", name + "=%u0041",
          name + "=%00", name + "=%ff", name + "=%C3", name + "=%E2%82", "%zz=1", "%=1", name + "=1%");
      case "unicode" -> r.pick("fit=ınside", "fit=İNSIDE", "format=JPEG", "pos=ＴＬ", "wm=%F0%9F%94%A5%E2%80%AE%CC%81",
          "wm=" + "%F0%9F%98%80".repeat(150), "wm=" + "%E2%80%8B".repeat(250), "enlarge=ｔｒｕｅ", "q=%D9%A3%D9%A0");
      case "control-chars" -> r.pick("wm=%0D%0AX-Injected:%201", "wm=%1B%5B31m", "wm=%7F", "fit=inside%00",
          "wm=a%09b", "pos=%08tl", "wm=%C2%85");
      case "long-value" -> name + "=" + "9".repeat(r.pick(201, 1000, 4000, 10_000, 70_000));
      case "form-field-clash" -> name + "=" + r.pick("100", "cover", "0.5");
      case "many-params" -> "x=1&".repeat(r.pick(100, 1000, 10_000)) + "w=100";
      case "odd-separators" -> r.pick("w=100;h=100", "w=100&&h=100", "w=100&", "?w=100", "w=100#frag", "w=1+00",
          "w==100", "w=100&h");
      case "accept-header" -> "format=auto";
      default -> "w=100";
    };
    RawRequest request = deliver(variant, name, query, r, jpeg, knownId);
    did.add(variant + " " + r.picked());
    return request;
  }

  /** To /upload as a raw body or multipart, with the option as a form field too, or to /images/ by id. */
  private static RawRequest deliver(String variant, String name, String query, Picker r, byte[] jpeg, String knownId) {
    Random random = r.random();
    String target = (variant.equals("bad-escape") && random.nextInt(4) == 0 ? r.pick("/upl%zzoad", "/upload%", "/upload%2")
        : "/upload") + "?" + query;
    if (variant.equals("image-id")) {
      String id = r.pick("zz", knownId.toUpperCase(), knownId + "0", "..%2F..%2Fetc%2Fpasswd", "%zz", knownId.substring(1),
          "0".repeat(10_000), knownId + "%00", knownId + "/..");
      return HttpMessage.get("/images/" + id + "?w=64").request("");
    }
    if (variant.equals("accept-header") || random.nextInt(4) == 0) {
      HttpMessage get = HttpMessage.get("/images/" + knownId + "?" + query);
      if (variant.equals("accept-header")) {
        get.header("Accept", r.pick("image/avif;q=abc", "image/avif;q=NaN, image/webp;q=2", "image/*;q=-1",
            "image/avif;q=0, image/webp;q=0", ",".repeat(5000), "image/" + "a".repeat(5000), "*/*;q=0.5;q=0.9"));
      }
      return get.request("");
    }
    Multipart form = new Multipart("b" + random.nextInt(1_000_000));
    if (variant.equals("form-field-clash") || random.nextInt(5) == 0) {
      form.field(name, r.pick("200", "inside", "0.9", "%zz", "", "\u0000"));
      form.file("image", "a.jpg", "image/jpeg", jpeg);
      String inQuery = variant.equals("form-field-clash") ? target : "/upload";
      return HttpMessage.post(inQuery).body(form.contentType(), form.bytes()).request("multipart, " + name + " as a field too");
    }
    if (random.nextBoolean()) {
      return HttpMessage.post(target).body("image/jpeg", jpeg).request("raw image/jpeg");
    }
    form.file("image", "a.jpg", "image/jpeg", jpeg);
    return HttpMessage.post(target).body(form.contentType(), form.bytes()).request("multipart");
  }
}
