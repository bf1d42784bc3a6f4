package nws.watermark.benchmarks.fuzz;

import java.util.List;
import java.util.Random;

/** One format family of the fuzzer: mutates a seed file with what it knows of the format. */
interface Mutator {

  /**
   * A mutated copy of {@code seed} (never the array itself); each operation applied is added to
   * {@code did} as its name, a space, and its detail. The first name becomes the case's variant.
   */
  byte[] mutate(byte[] seed, Random random, List<String> did);

  /** How many operations one case stacks: mostly one, so a failure points at its cause. */
  static int opCount(Random random) {
    int roll = random.nextInt(10);
    return roll < 6 ? 1 : roll < 9 ? 2 : 3;
  }
}
