package nws.watermark.optimizer.pipeline;

/**
 * For each output index: the first source index, how many it covers, and their weights at
 * {@code offset}. {@link #padded} instead gives every output the same number of taps ({@link
 * #width}), zero-weighted where it covers fewer: a loop with a fixed trip count, whose branches
 * the CPU predicts (a count that alternates between 2 and 3 costs a misprediction per pixel).
 */
record Taps(int[] first, int[] count, int[] offset, int[] weight, int width) {

  static Taps of(int srcSize, int outSize) {
    return build(srcSize, outSize, false);
  }

  static Taps padded(int srcSize, int outSize) {
    return build(srcSize, outSize, true);
  }

  private static Taps build(int srcSize, int outSize, boolean pad) {
    double scale = (double) srcSize / outSize;
    int most = Math.min(srcSize, (int) Math.ceil(scale) + 1);
    int[] first = new int[outSize];
    int[] count = new int[outSize];
    int[] offset = new int[outSize];
    int[] weight = new int[outSize * most];
    int used = 0;
    for (int o = 0; o < outSize; o++) {
      double from = o * scale;
      double to = Math.min(srcSize, from + scale);
      int start = (int) from;
      int end = Math.min(srcSize, (int) Math.ceil(to));
      // Padded taps start early enough near the right edge to stay inside the row.
      first[o] = pad ? Math.min(start, srcSize - most) : start;
      count[o] = pad ? most : end - start;
      offset[o] = used;
      int base = used + (start - first[o]);
      int sum = 0;
      int heaviest = base;
      for (int s = start; s < end; s++) {
        int at = base + (s - start);
        weight[at] = (int) Math.round((Math.min(to, s + 1) - Math.max(from, s)) / scale * AreaAverage.ONE);
        sum += weight[at];
        if (weight[at] > weight[heaviest]) {
          heaviest = at;
        }
      }
      // Rounding must not brighten or darken: the weights of every output pixel sum to ONE.
      weight[heaviest] += AreaAverage.ONE - sum;
      used += pad ? most : end - start;
    }
    return new Taps(first, count, offset, weight, most);
  }
}
