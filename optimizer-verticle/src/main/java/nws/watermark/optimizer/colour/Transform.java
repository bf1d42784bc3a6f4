package nws.watermark.optimizer.colour;

/** What converting one profile's pixels to sRGB does to packed RGB ints (alpha kept). Immutable, shared by threads. */
@FunctionalInterface
interface Transform {

  /** Pixels already sRGB in effect: left alone. */
  Transform IDENTITY = (px, from, to) -> { };

  void apply(int[] px, int from, int to);
}
