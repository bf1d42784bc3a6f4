package nws.watermark.benchmarks.formats;

/**
 * For each output index along one axis, the source pixels its span covers and the fraction of the
 * span each covers (partly covered pixels weighted by the part covered; the fractions sum to one).
 */
record BoxWeights(int[] first, double[][] weights) {

  static BoxWeights of(int source, int output) {
    double step = (double) source / output;
    int[] first = new int[output];
    double[][] weights = new double[output][];
    for (int o = 0; o < output; o++) {
      double from = o * step;
      // The last span ends exactly at the edge, whatever the rounding of o * step.
      double to = o == output - 1 ? source : (o + 1) * step;
      int lo = (int) Math.floor(from);
      int hi = Math.min(source, (int) Math.ceil(to));
      double[] w = new double[hi - lo];
      double sum = 0;
      for (int s = lo; s < hi; s++) {
        w[s - lo] = Math.min(s + 1, to) - Math.max(s, from);
        sum += w[s - lo];
      }
      for (int k = 0; k < w.length; k++) {
        w[k] /= sum;
      }
      first[o] = lo;
      weights[o] = w;
    }
    return new BoxWeights(first, weights);
  }
}
