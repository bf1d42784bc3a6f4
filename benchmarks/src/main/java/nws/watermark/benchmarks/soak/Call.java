package nws.watermark.benchmarks.soak;

import java.util.Map;

/**
 * One request of the soak, as drawn from the mix.
 *
 * @param photo index of the corpus photo it concerns, -1 for none
 * @param variant the photo's options as a query ({@code w=..&q=..}), for the mix to learn from
 *     the answer
 */
record Call(Kind kind, String method, String path, Map<String, String> headers, String contentType, byte[] body,
    int photo, String variant) {

  static Call get(Kind kind, String path, Map<String, String> headers, int photo, String variant) {
    return new Call(kind, "GET", path, headers, null, new byte[0], photo, variant);
  }

  static Call post(Kind kind, String path, String contentType, byte[] body, int photo, String variant) {
    return new Call(kind, "POST", path, Map.of(), contentType, body, photo, variant);
  }
}
