package nws.watermark.benchmarks.fuzz;

import java.util.List;

/**
 * One fuzz request exactly as it goes on the wire, and what it may be answered with.
 *
 * @param bytes everything written to the socket: request line, headers, body (or several
 *     pipelined requests, or no valid request at all)
 * @param targets the path of each request in {@code bytes}, in order: one answer is expected per
 *     target ({@code /health} and {@code /ready} answer JSON, every other 200 must be an image)
 * @param halfClose shut the socket's output once written, as a client that gives up sending does
 * @param answerRequired false where the request cannot be complete (a body shorter than its
 *     Content-Length, then the half-close): there a close without an answer is fine
 * @param summary the request line and what is odd about the request, for the failure line
 */
record RawRequest(byte[] bytes, List<String> targets, boolean halfClose, boolean answerRequired, String summary) {

  RawRequest {
    targets = List.copyOf(targets);
  }

  /** The same bytes, sent and judged the same, with a different summary. */
  RawRequest withSummary(String text) {
    return new RawRequest(bytes, targets, halfClose, answerRequired, text);
  }
}
