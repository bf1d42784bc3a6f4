package nws.watermark.optimizer.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The fixed-point area average against the exact one in doubles, on noise (the hardest input for a
 * box filter): every channel of every pixel within 1 of the exact mean. The larger sizes are done in
 * two bands of rows on two threads, so a lost, doubled or shifted row at the seam would show.
 */
class AreaAverageTest {

  @ParameterizedTest
  @CsvSource({
      "1507, 848, 1024, 576",   // a 20 MP photo after 2/8 shrink-on-load, split in two bands
      "1632, 1224, 1000, 750",  // 8 MP after 4/8, split
      "1440, 960, 1024, 683",   // 2 MP after 6/8, split
      "640, 480, 211, 97",      // small, one band; ratios above 3
      "300, 200, 300, 199"})    // one axis untouched
  void everyPixelIsWithinOneOfTheExactMean(int sw, int sh, int w, int h) {
    BufferedImage src = noise(sw, sh, new Random(sw * 31L + sh));
    BufferedImage fast = AreaAverage.resize(src, 0, 0, sw, sh, w, h);
    BufferedImage exact = Reference.areaAverage(src, w, h);
    assertEquals(w, fast.getWidth());
    assertEquals(h, fast.getHeight());
    int worst = 0;
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        int a = fast.getRGB(x, y);
        int b = exact.getRGB(x, y);
        for (int shift = 0; shift < 24; shift += 8) {
          worst = Math.max(worst, Math.abs(((a >> shift) & 0xFF) - ((b >> shift) & 0xFF)));
        }
      }
    }
    assertTrue(worst <= 1, "largest channel error " + worst + " for " + sw + "x" + sh + " -> " + w + "x" + h);
  }

  private static BufferedImage noise(int w, int h, Random random) {
    BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
    int[] px = ((DataBufferInt) image.getRaster().getDataBuffer()).getData();
    for (int i = 0; i < px.length; i++) {
      px[i] = random.nextInt() & 0xFFFFFF;
    }
    return image;
  }
}
