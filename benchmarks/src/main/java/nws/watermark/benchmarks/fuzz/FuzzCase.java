package nws.watermark.benchmarks.fuzz;

import java.util.List;

/**
 * One case: made from (seed, index) alone, so {@code --seed S --first index --cases 1} makes it
 * again. {@code variant} is the family and its first operation ("jpeg:sof-sampling",
 * "framing:bad-chunk-size"): what failures are grouped by.
 */
record FuzzCase(long index, Family family, String variant, String seedFile, List<String> did, RawRequest request) {

  FuzzCase {
    did = List.copyOf(did);
  }

  /** The case in a few lines, for the replay file and the report. */
  String describe(long seed) {
    return "case: " + index + " (seed " + seed + ")\n"
        + "family: " + family.label + "\n"
        + "variant: " + variant + "\n"
        + (seedFile == null ? "" : "seed file: " + seedFile + "\n")
        + "did: " + String.join("; ", did) + "\n"
        + "request: " + request.summary() + "\n";
  }
}
