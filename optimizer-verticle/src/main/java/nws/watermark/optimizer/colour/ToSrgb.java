package nws.watermark.optimizer.colour;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.awt.color.ColorSpace;
import java.awt.color.ICC_ColorSpace;
import java.awt.color.ICC_Profile;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.util.Arrays;

/**
 * Converts decoded pixels from the ICC profile they came with to sRGB, in place, on the image as
 * decoded (already shrunk on load), before it is resized. Each profile is looked at once and its
 * transform kept (at most {@value #CACHE_SIZE}, in a Caffeine cache): sRGB in effect is left
 * alone; a matrix/shaper profile (Display P3, Adobe RGB) gets tables ({@link MatrixTrcTransform});
 * any other RGB profile a grid sampled from LCMS ({@link SampledTransform}); a profile LCMS cannot
 * read, or not RGB, is ignored, as ImageIO ignores it. Transforms are immutable: threads share them.
 */
public final class ToSrgb {

  static final int CACHE_SIZE = 32;

  private record Key(byte[] bytes, int hash) {
    static Key of(byte[] b) {
      return new Key(b, Arrays.hashCode(b));
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Key k && k.hash == hash && Arrays.equals(k.bytes, bytes);
    }

    @Override
    public int hashCode() {
      return hash;
    }
  }

  private static final Cache<Key, Transform> CACHE = Caffeine.newBuilder().maximumSize(CACHE_SIZE).build();

  private ToSrgb() {}

  /** Converts {@code image} (TYPE_INT_RGB or TYPE_INT_ARGB) from {@code icc} to sRGB. */
  public static void convert(BufferedImage image, byte[] icc) {
    int type = image.getType();
    if (type != BufferedImage.TYPE_INT_RGB && type != BufferedImage.TYPE_INT_ARGB) {
      throw new IllegalArgumentException("packed int pixels only, got type " + type);
    }
    Transform t = transform(icc);
    if (t != Transform.IDENTITY) {
      int[] px = ((DataBufferInt) image.getRaster().getDataBuffer()).getData();
      t.apply(px, 0, px.length);
    }
  }

  /** Whether pixels in {@code icc} need converting at all (false: sRGB in effect, or unusable). */
  public static boolean changes(byte[] icc) {
    return transform(icc) != Transform.IDENTITY;
  }

  /** The transform of a profile, built on first sight (once: other threads asking for it wait). */
  static Transform transform(byte[] icc) {
    return CACHE.get(Key.of(icc), key -> build(icc));
  }

  private static Transform build(byte[] icc) {
    MatrixTrcProfile matrix = MatrixTrcProfile.parse(icc);
    if (matrix != null) {
      MatrixTrcTransform tables = new MatrixTrcTransform(matrix);
      return tables.isSrgb() ? Transform.IDENTITY : tables;
    }
    try {
      ICC_Profile profile = ICC_Profile.getInstance(icc);
      return profile.getColorSpaceType() == ColorSpace.TYPE_RGB
          ? new SampledTransform(new ICC_ColorSpace(profile))
          : Transform.IDENTITY;
    } catch (RuntimeException e) {
      return Transform.IDENTITY;
    }
  }
}
