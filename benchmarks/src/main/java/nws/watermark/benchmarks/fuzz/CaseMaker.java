package nws.watermark.benchmarks.fuzz;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import nws.watermark.benchmarks.fuzz.Seeds.Seed;

/**
 * Makes case {@code i} of a run from the run's seed and {@code i} alone: its own Random, seeded by
 * both, draws the family, the seed file and every mutation, so any case can be made again without
 * the ones before it, and the cases can run in any order on any number of threads.
 */
final class CaseMaker {

  private final Seeds seeds;
  private final long seed;
  private final String knownId;
  private final List<Family> families = new ArrayList<>();

  /** {@code knownId}: the id of {@link Seeds#optionImage()}, uploaded before the run, for /images/ cases. */
  CaseMaker(Seeds seeds, long seed, String knownId) {
    this.seeds = seeds;
    this.seed = seed;
    this.knownId = knownId;
    for (Family f : Family.values()) {
      if (f.mutator == null || f == Family.BYTES || seeds.has(f.label)) {
        families.add(f);
      }
    }
  }

  /** The families this machine can run (HEIF needs libheif to make its seeds). */
  List<Family> families() {
    return families;
  }

  FuzzCase make(long index) {
    Random r = new Random(mix(seed, index));
    Family family = Family.pick(r, families);
    List<String> did = new ArrayList<>();
    byte[] small = seeds.optionImage().bytes();
    Seed from = null;
    RawRequest request = switch (family) {
      case OPTIONS -> OptionAbuse.make(r, small, knownId, did);
      case MULTIPART -> MultipartAbuse.make(r, small, seeds.pick("png", r).bytes(), did);
      case FRAMING -> FramingAbuse.make(r, small, did);
      default -> {
        String format = family == Family.BYTES ? anyFormat(r) : family.label;
        from = seeds.pick(format, r);
        byte[] mutant = family.mutator.mutate(from.bytes(), r, did);
        RawRequest upload = ImageUploads.wrap(mutant, from.name(), r);
        yield upload.withSummary(upload.summary() + " of a mutated " + from.name());
      }
    };
    String first = did.isEmpty() ? "none" : did.get(0).split(" ", 2)[0];
    return new FuzzCase(index, family, family.label + ":" + first, from == null ? null : from.name(), did, request);
  }

  private String anyFormat(Random r) {
    List<String> formats = Seeds.FORMATS.stream().filter(seeds::has).toList();
    return formats.get(r.nextInt(formats.size()));
  }

  /** SplitMix64's finaliser over both: neighbouring indexes get unrelated Random streams. */
  static long mix(long seed, long index) {
    long z = seed * 0x9E3779B97F4A7C15L + index;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
