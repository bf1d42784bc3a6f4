package nws.watermark.optimizer.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.AffineTransform;
import java.awt.geom.NoninvertibleTransformException;
import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class OrientTest {

  /** Upright picture: red top-left corner, blue top-right, 60 x 40. */
  private static BufferedImage upright() {
    BufferedImage img = new BufferedImage(60, 40, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = img.createGraphics();
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, 60, 40);
    g.setColor(Color.RED);
    g.fillRect(0, 0, 10, 10);
    g.setColor(Color.BLUE);
    g.fillRect(50, 0, 10, 10);
    g.dispose();
    return img;
  }

  @ParameterizedTest(name = "EXIF orientation {0}")
  @ValueSource(ints = {1, 2, 3, 4, 5, 6, 7, 8})
  void every_exif_orientation_comes_out_upright(int tag) throws NoninvertibleTransformException {
    Orientation o = Orientation.ofExif(tag);
    BufferedImage up = upright();
    // Store the picture the way a camera with this orientation would: the inverse transform.
    int storedW = o.swapsAxes() ? 40 : 60;
    int storedH = o.swapsAxes() ? 60 : 40;
    AffineTransform toStored = o.transform(storedW, storedH).createInverse();
    BufferedImage stored = new BufferedImage(storedW, storedH, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = stored.createGraphics();
    g.drawImage(up, toStored, null);
    g.dispose();

    Job job = new Job(new byte[0], 0, null);
    job.image = stored;
    job.orientation = o;
    new Orient().apply(job);

    assertEquals(60, job.image.getWidth());
    assertEquals(40, job.image.getHeight());
    assertEquals(Color.RED.getRGB(), job.image.getRGB(3, 3), "red at top-left");
    assertEquals(Color.BLUE.getRGB(), job.image.getRGB(56, 3), "blue at top-right");
  }

  @Test
  void out_of_range_orientations_are_upright() {
    assertEquals(Orientation.UPRIGHT, Orientation.ofExif(0));
    assertEquals(Orientation.UPRIGHT, Orientation.ofExif(9));
    assertEquals(Orientation.UPRIGHT, Orientation.ofExif(-1));
  }
}
