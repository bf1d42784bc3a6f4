package nws.watermark.optimizer.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.MultiMap;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.Point2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Random;
import java.util.Set;
import javax.imageio.ImageIO;
import nws.watermark.shared.Config;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Where a cover crop falls, looked at: a 1600 x 800 flat grey picture with a detailed, colourful
 * subject near its right edge (x 1250..1550). A 400 x 400 cover takes an 800 x 800 square: the
 * centred one (x 400..1200) misses the subject, one that keeps it shows its detail.
 */
class CropTest {

  private static final Config CONFIG = Config.defaults();
  private static final Pipeline PIPELINE = new Pipeline(CONFIG);
  private static byte[] scene;

  @BeforeAll
  static void scene() throws IOException {
    scene = png(subjectNearRightEdge());
  }

  private static BufferedImage subjectNearRightEdge() {
    BufferedImage image = new BufferedImage(1600, 800, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    g.setColor(new Color(120, 120, 120));
    g.fillRect(0, 0, 1600, 800);
    Random random = new Random(7);
    for (int y = 250; y < 550; y += 10) {
      for (int x = 1250; x < 1550; x += 10) {
        g.setColor(new Color(random.nextInt(256), random.nextInt(256), random.nextInt(256)));
        g.fillRect(x, y, 10, 10);
      }
    }
    g.dispose();
    return image;
  }

  private static byte[] png(BufferedImage image) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageIO.write(image, "png", out);
    return out.toByteArray();
  }

  private static BufferedImage render(byte[] input, String... pairs) throws IOException {
    MultiMap params = MultiMap.caseInsensitiveMultiMap().add("w", "400").add("h", "400").add("fit", "cover")
        .add("wm", "").add("format", "png");
    for (int i = 0; i < pairs.length; i += 2) {
      params.set(pairs[i], pairs[i + 1]);
    }
    return ImageIO.read(new ByteArrayInputStream(PIPELINE.process(input, CONFIG.options(params, Set.of(), false)).bytes()));
  }

  /** Standard deviation of the luma: about 0 on the flat ground, tens where the subject is. */
  private static double detail(BufferedImage image) {
    double sum = 0;
    double squares = 0;
    int n = image.getWidth() * image.getHeight();
    for (int y = 0; y < image.getHeight(); y++) {
      for (int x = 0; x < image.getWidth(); x++) {
        Color c = new Color(image.getRGB(x, y));
        double luma = 0.299 * c.getRed() + 0.587 * c.getGreen() + 0.114 * c.getBlue();
        sum += luma;
        squares += luma * luma;
      }
    }
    double mean = sum / n;
    return Math.sqrt(Math.max(0, squares / n - mean * mean));
  }

  @Test
  void smart_keeps_the_subject_that_the_centre_crop_loses() throws IOException {
    BufferedImage smart = render(scene, "gravity", "smart");
    BufferedImage centre = render(scene);
    assertEquals(400, smart.getWidth());
    assertEquals(400, smart.getHeight());
    assertTrue(detail(centre) < 1, "the centre crop is flat ground: " + detail(centre));
    assertTrue(detail(smart) > 10, "the smart crop shows the subject: " + detail(smart));
    // The whole subject (300 px of the 800 px crop: 150 px of the output) is in it.
    assertTrue(columnsWithDetail(smart) >= 145, "subject columns kept: " + columnsWithDetail(smart));
  }

  @ParameterizedTest(name = "gravity={0} keeps the subject: {1}")
  @CsvSource({"e, true", "ne, true", "se, true", "w, false", "nw, false", "n, false", "center, false"})
  void compass_gravity_puts_the_crop_against_that_edge(String gravity, boolean kept) throws IOException {
    assertEquals(kept, detail(render(scene, "gravity", gravity)) > 10, gravity);
  }

  @Test
  void focus_centres_the_crop_on_the_point_where_the_box_allows() throws IOException {
    assertTrue(detail(render(scene, "focus", "0.87,0.5")) > 10, "focus on the subject keeps it");
    assertTrue(detail(render(scene, "focus", "0.1,0.5")) < 1, "focus on the ground loses it");
    assertTrue(detail(render(scene, "focus", "0.87,0.5", "gravity", "w")) > 10, "focus wins over gravity");
  }

  @Test
  void gravity_and_focus_follow_the_upright_picture_of_a_turned_photo() throws IOException {
    // Stored turned a quarter left with EXIF orientation 6 (turn right to view), as phones write it:
    // upright, the subject is still at the right edge.
    byte[] photo = withOrientation6(jpeg(turnedLeft(subjectNearRightEdge())));
    BufferedImage east = render(photo, "gravity", "e", "format", "jpeg");
    assertEquals(400, east.getWidth());
    assertTrue(detail(east) > 10, "gravity=e keeps the subject of the upright picture: " + detail(east));
    assertTrue(detail(render(photo, "gravity", "w", "format", "jpeg")) < 3, "gravity=w loses it");
    assertTrue(detail(render(photo, "focus", "0.87,0.5", "format", "jpeg")) > 10, "focus is upright too");
    assertTrue(detail(render(photo, "gravity", "smart", "format", "jpeg")) > 10, "smart finds it turned");
  }

  private static BufferedImage turnedLeft(BufferedImage upright) {
    int w = upright.getWidth();
    int h = upright.getHeight();
    BufferedImage stored = new BufferedImage(h, w, BufferedImage.TYPE_INT_RGB);
    for (int sy = 0; sy < w; sy++) {
      for (int sx = 0; sx < h; sx++) {
        stored.setRGB(sx, sy, upright.getRGB(w - 1 - sy, sx));
      }
    }
    return stored;
  }

  private static byte[] jpeg(BufferedImage image) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageIO.write(image, "jpeg", out);
    return out.toByteArray();
  }

  /** The JPEG with an EXIF APP1 right after SOI holding one tag: Orientation = 6. */
  private static byte[] withOrientation6(byte[] jpeg) {
    byte[] app1 = {(byte) 0xFF, (byte) 0xE1, 0, 34, 'E', 'x', 'i', 'f', 0, 0,
        'M', 'M', 0, 42, 0, 0, 0, 8, 0, 1, 0x01, 0x12, 0, 3, 0, 0, 0, 1, 0, 6, 0, 0, 0, 0, 0, 0};
    byte[] out = new byte[jpeg.length + app1.length];
    System.arraycopy(jpeg, 0, out, 0, 2);
    System.arraycopy(app1, 0, out, 2, app1.length);
    System.arraycopy(jpeg, 2, out, 2 + app1.length, jpeg.length - 2);
    return out;
  }

  @ParameterizedTest
  @EnumSource(Orientation.class)
  void a_focal_point_maps_to_the_stored_pixel_that_shows_upright_there(Orientation o) {
    int w = 400;
    int h = 300;
    int uprightW = o.swapsAxes() ? h : w;
    int uprightH = o.swapsAxes() ? w : h;
    Point2D stored = o.toStored(0.2, 0.9);
    Point2D shown = o.transform(w, h).transform(new Point2D.Double(stored.getX() * w, stored.getY() * h), null);
    assertEquals(0.2 * uprightW, shown.getX(), 1e-9, o.name());
    assertEquals(0.9 * uprightH, shown.getY(), 1e-9, o.name());
  }

  @Test
  void dpr_doubles_the_output_but_never_past_the_source_without_enlarge() throws IOException {
    assertEquals(800, render(scene, "w", "400", "h", "400", "fit", "inside", "dpr", "2").getWidth());
    assertEquals(1600, render(scene, "w", "1000", "h", "1000", "fit", "inside", "dpr", "2").getWidth(), "the source's width");
    assertEquals(2400, render(scene, "w", "1200", "h", "1200", "fit", "inside", "dpr", "2", "enlarge", "true").getWidth());
  }

  private static int columnsWithDetail(BufferedImage image) {
    int columns = 0;
    for (int x = 0; x < image.getWidth(); x++) {
      int grey = new Color(image.getRGB(x, image.getHeight() / 2)).getRed();
      boolean flat = true;
      for (int y = 150; y < 250; y++) {
        Color c = new Color(image.getRGB(x, y));
        flat &= Math.abs(c.getRed() - grey) < 2 && Math.abs(c.getGreen() - c.getRed()) < 2;
      }
      columns += flat ? 0 : 1;
    }
    return columns;
  }
}
