package nws.watermark.benchmarks.soak;

/**
 * How one request of the soak ended.
 *
 * @param status the final answer's status, -1 when none came
 * @param busy 503s with Retry-After met on the way (each waited for, then sent again)
 * @param lost why it counts as lost (no answer, a 5xx other than 503, or 503s past the retry
 *     budget), else null
 * @param requestIds the X-Request-Id of every attempt: the service logs each answer under it
 */
record Outcome(long seq, Kind kind, String path, int status, String errorCode, String cache, int busy,
    double startSeconds, double millis, String lost, String requestIds) {

  boolean answered() {
    return lost == null;
  }

  boolean unexpected() {
    return answered() && status != kind.expected;
  }
}
