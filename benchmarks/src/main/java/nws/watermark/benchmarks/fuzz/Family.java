package nws.watermark.benchmarks.fuzz;

import java.util.List;
import java.util.Random;

/**
 * The fuzzer's families and how often each is drawn: the image formats (a seed of that format,
 * mutated by its mutator, in a well-formed upload), format-blind byte mutations of any seed, and
 * the request-level abuse of options, multipart bodies and HTTP framing.
 */
enum Family {
  JPEG("jpeg", 16, new JpegMutator()),
  PNG("png", 14, new PngMutator()),
  GIF("gif", 6, new GifMutator()),
  BMP("bmp", 6, new BmpMutator()),
  WEBP("webp", 9, new WebpMutator()),
  HEIF("heif", 7, new IsoBmffMutator()),
  BYTES("bytes", 8, new ByteMutator()),
  OPTIONS("options", 12, null),
  MULTIPART("multipart", 10, null),
  FRAMING("framing", 12, null);

  final String label;
  final int weight;
  /** The format family's mutator; null for the request-level families. */
  final Mutator mutator;

  Family(String label, int weight, Mutator mutator) {
    this.label = label;
    this.weight = weight;
    this.mutator = mutator;
  }

  /** A family drawn by weight from {@code available}. */
  static Family pick(Random r, List<Family> available) {
    int total = available.stream().mapToInt(f -> f.weight).sum();
    int roll = r.nextInt(total);
    for (Family f : available) {
      roll -= f.weight;
      if (roll < 0) {
        return f;
      }
    }
    throw new IllegalStateException("weights changed while drawing");
  }
}
