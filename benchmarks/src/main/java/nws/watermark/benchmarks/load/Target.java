package nws.watermark.benchmarks.load;

/**
 * A server under test, already running on 127.0.0.1: an NWS candidate (any name; several may run
 * at once, one per set of JVM flags), the sharp peer or the bare receive-and-hash server.
 */
record Target(String name, int port, long pid) {

  /** The name of the sharp peer's target: the baseline of every miss. */
  static final String SHARP = "sharp";
  /** The name of the bare server's target: the baseline (the ceiling) of every hit. */
  static final String BARE = "bare";

  /** Parses {@code name=port:pid}, as {@code scripts/load-test.sh} passes each target. */
  static Target parse(String spec) {
    int eq = spec.indexOf('=');
    int colon = spec.lastIndexOf(':');
    if (eq <= 0 || colon < eq) {
      throw new IllegalArgumentException("a target is name=port:pid, got '" + spec + "'");
    }
    return new Target(spec.substring(0, eq), Integer.parseInt(spec.substring(eq + 1, colon)),
        Long.parseLong(spec.substring(colon + 1)));
  }

  boolean isNws() {
    return !name.equals(SHARP) && !name.equals(BARE);
  }
}
