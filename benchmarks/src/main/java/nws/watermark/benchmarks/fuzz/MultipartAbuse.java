package nws.watermark.benchmarks.fuzz;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;

/**
 * multipart/form-data bodies that are wrong: no boundary parameter, a boundary that never appears,
 * two image parts, absurd part headers and field names, empty parts, boundaries that are too
 * long, quoted, empty or doubled, no closing delimiter, bare LF line ends, a preamble and epilogue
 * of junk, nested multipart/mixed, and bodies that are not multipart at all. Each is a complete
 * request, so each deserves an answer.
 */
final class MultipartAbuse {

  private static final String[] VARIANTS = {"no-boundary", "boundary-never-appears", "two-image-parts",
      "absurd-part-header", "absurd-field-name", "empty-parts", "odd-boundary", "unclosed", "lf-only",
      "preamble-epilogue", "part-content-type", "urlencoded", "nested-mixed", "no-content-type"};

  private MultipartAbuse() {}

  static RawRequest make(Random r, byte[] jpeg, byte[] other, List<String> did) {
    String variant = VARIANTS[r.nextInt(VARIANTS.length)];
    Picker picker = new Picker(r);
    String boundary = "fuzz" + r.nextInt(1_000_000);
    Multipart form = new Multipart(boundary);
    String contentType = form.contentType();
    byte[] body;
    String detail = "";
    switch (variant) {
      case "no-boundary" -> {
        body = form.file("image", "a.jpg", "image/jpeg", jpeg).bytes();
        contentType = picker.pick("multipart/form-data", "multipart/form-data;", "multipart/form-data; charset=utf-8",
            "multipart/form-data; boundary");
        detail = contentType;
      }
      case "boundary-never-appears" -> {
        body = picker.pick(new Multipart("other").file("image", "a.jpg", "image/jpeg", jpeg).bytes(), jpeg,
            new byte[0], "--fuzz\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        detail = body.length + " bytes without '--" + boundary + "'";
      }
      case "two-image-parts" -> {
        body = form.file("image", "a.jpg", "image/jpeg", jpeg).file("image", "b.bin", "image/png", other).bytes();
        detail = "a JPEG then another file";
      }
      case "absurd-part-header" -> {
        String header = picker.pick("X-Long: " + "h".repeat(65_536), "NoColonAtAll", ": empty name",
            "Content-Disposition: form-data; name=\"image\"; filename=\"" + "../".repeat(2000) + "etc/passwd\"",
            "Content-Disposition: " + "x".repeat(20_000), "Content-Disposition: form-data; name=image; filename=a.jpg\u0000",
            "Content-Type: image/jpeg; " + "a=b; ".repeat(5000));
        body = form.part("Content-Disposition: form-data; name=\"image\"; filename=\"a.jpg\"\r\n" + header, jpeg).bytes();
        detail = header.length() > 60 ? header.substring(0, 60) + "...(" + header.length() + " chars)" : header;
      }
      case "absurd-field-name" -> {
        String name = picker.pick("n".repeat(65_536), "", "\"", "image\r\nX: y", "imag\u00e9", "image\u0000",
            "%69mage", "IMAGE");
        body = form.part("Content-Disposition: form-data; name=\"" + name + "\"; filename=\"a.jpg\"\r\nContent-Type: image/jpeg",
            jpeg).bytes();
        detail = "name of " + name.length() + " chars";
      }
      case "empty-parts" -> {
        int shape = r.nextInt(4);
        body = switch (shape) {
          case 0 -> form.file("image", "a.jpg", "image/jpeg", new byte[0]).bytes();
          case 1 -> form.part("", new byte[0]).bytes();
          case 2 -> form.bytes();
          default -> form.field("w", "").file("image", "a.jpg", "image/jpeg", new byte[0]).bytes();
        };
        detail = new String[] {"empty image part", "part without headers", "closing delimiter only",
            "empty w and empty image"}[shape];
      }
      case "odd-boundary" -> {
        String odd = picker.pick("b".repeat(71), "b".repeat(5000), "\"quoted boundary\"", "sp ace", "é", "--",
            "a;b", "");
        Multipart oddForm = new Multipart(odd.replace("\"", ""));
        body = oddForm.file("image", "a.jpg", "image/jpeg", jpeg).bytes();
        contentType = "multipart/form-data; boundary=" + odd + (r.nextBoolean() ? "; boundary=other" : "");
        detail = "boundary '" + (odd.length() > 40 ? odd.substring(0, 40) + "...(" + odd.length() + ")" : odd) + "'";
      }
      case "unclosed" -> body = form.file("image", "a.jpg", "image/jpeg", jpeg).unclosed();
      case "lf-only" -> body = new String(form.file("image", "a.jpg", "image/jpeg", jpeg).bytes(), StandardCharsets.ISO_8859_1)
          .replace("\r\n", "\n").getBytes(StandardCharsets.ISO_8859_1);
      case "preamble-epilogue" -> {
        byte[] preamble = ("preamble " + "p".repeat(r.nextInt(100_000)) + "\r\n").getBytes(StandardCharsets.US_ASCII);
        body = Multipart.concat(Multipart.concat(preamble, form.file("image", "a.jpg", "image/jpeg", jpeg).bytes()),
            "epilogue junk\r\n--".getBytes(StandardCharsets.US_ASCII));
      }
      case "part-content-type" -> {
        String type = picker.pick("text/plain", "application/x-www-form-urlencoded", "multipart/mixed", "",
            "image/jpeg; charset=\u0000", "image/" + "x".repeat(10_000));
        body = form.file("image", "a.jpg", type, jpeg).bytes();
        detail = "part Content-Type '" + (type.length() > 40 ? type.substring(0, 40) + "..." : type) + "'";
      }
      case "urlencoded" -> {
        contentType = "application/x-www-form-urlencoded";
        body = ("image=" + "%FF%D8%FF".repeat(1 + r.nextInt(1000)) + "&w=100").getBytes(StandardCharsets.US_ASCII);
      }
      case "nested-mixed" -> {
        Multipart inner = new Multipart("inner");
        inner.file("image", "a.jpg", "image/jpeg", jpeg);
        body = form.part("Content-Disposition: form-data; name=\"image\"\r\nContent-Type: " + inner.contentType()
            .replace("form-data", "mixed"), inner.bytes()).bytes();
      }
      default -> {
        contentType = null;
        body = form.file("image", "a.jpg", "image/jpeg", jpeg).bytes();
      }
    }
    did.add((variant + " " + (detail.isEmpty() ? picker.picked() : detail)).trim());
    return HttpMessage.post("/upload").body(contentType, body).request(variant);
  }
}
