package nws.watermark.optimizer.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.MultiMap;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import javax.imageio.ImageIO;
import nws.watermark.shared.Config;
import nws.watermark.shared.ErrorCode;
import nws.watermark.shared.Options;
import nws.watermark.shared.ServiceException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Logo watermarks, looked at: each render is compared pixel by pixel with the same render without
 * the mark (lossless PNG output of a flat grey image), so where the difference lies is where the
 * logo was drawn. The logo is 200 x 100: an opaque red left half, a fully transparent right half.
 */
class LogoWatermarkTest {

  private static final int W = 800;
  private static final int H = 600;
  private static Pipeline pipeline;
  private static Config config;
  private static byte[] grey;

  @BeforeAll
  static void logos() throws IOException {
    Path dir = Files.createTempDirectory("nws-logos");
    BufferedImage logo = new BufferedImage(200, 100, BufferedImage.TYPE_INT_ARGB);
    Graphics2D g = logo.createGraphics();
    g.setColor(Color.RED);
    g.fillRect(0, 0, 100, 100);
    g.dispose();
    ImageIO.write(logo, "png", dir.resolve("half.png").toFile());
    config = Config.fromEnv(Map.of("NWS_WATERMARK_DIR", dir.toString()));
    pipeline = new Pipeline(config);
    BufferedImage flat = new BufferedImage(W, H, BufferedImage.TYPE_INT_RGB);
    Graphics2D f = flat.createGraphics();
    f.setColor(new Color(128, 128, 128));
    f.fillRect(0, 0, W, H);
    f.dispose();
    ByteArrayOutputStream png = new ByteArrayOutputStream();
    ImageIO.write(flat, "png", png);
    grey = png.toByteArray();
  }

  private static BufferedImage render(String... pairs) throws IOException {
    MultiMap params = MultiMap.caseInsensitiveMultiMap().add("format", "png").add("opacity", "1");
    for (int i = 0; i < pairs.length; i += 2) {
      params.set(pairs[i], pairs[i + 1]);
    }
    byte[] out = pipeline.process(grey, config.options(params, java.util.Set.of(), false)).bytes();
    return ImageIO.read(new ByteArrayInputStream(out));
  }

  /** The box around every pixel that differs from the unmarked render; null when none does. */
  private static Rectangle changed(BufferedImage marked) throws IOException {
    BufferedImage plain = render("wm", "");
    Rectangle box = null;
    for (int y = 0; y < H; y++) {
      for (int x = 0; x < W; x++) {
        if (marked.getRGB(x, y) != plain.getRGB(x, y)) {
          box = box == null ? new Rectangle(x, y, 1, 1) : box.union(new Rectangle(x, y, 1, 1));
        }
      }
    }
    return box;
  }

  @ParameterizedTest(name = "pos={0}")
  @CsvSource({"tl, 0, 0", "br, 2, 2", "c, 1, 1", "tr, 2, 0", "b, 1, 2"})
  void the_logo_is_where_pos_says_and_only_its_opaque_half_is_drawn(String pos, int column, int row) throws IOException {
    BufferedImage marked = render("wmimg", "half", "pos", pos);
    Rectangle box = changed(marked);
    assertTrue(box != null, "the logo changed some pixels");
    // wmscale 0.2 of 800: the logo is 160 x 80, its opaque half 80 x 80; the transparent half changes nothing.
    assertEquals(80, box.width, 2, "only the opaque half shows: " + box);
    assertEquals(80, box.height, 2, "logo height: " + box);
    assertEquals(column, (int) (box.getCenterX() * 3 / W), "column of " + box);
    assertEquals(row, (int) (box.getCenterY() * 3 / H), "row of " + box);
    Color inside = new Color(marked.getRGB((int) box.getCenterX(), (int) box.getCenterY()));
    assertTrue(inside.getRed() > 240 && inside.getGreen() < 15, "drawn red at opacity 1: " + inside);
  }

  @Test
  void wmscale_sets_the_width_and_opacity_blends() throws IOException {
    Rectangle box = changed(render("wmimg", "half", "wmscale", "0.1"));
    assertEquals(40, box.width, 2, "half of a logo 80 px wide: " + box);
    BufferedImage faint = render("wmimg", "half", "opacity", "0.5", "pos", "c");
    Color blended = new Color(faint.getRGB(W / 2 - 40, H / 2));
    assertEquals(191, blended.getRed(), 3, "half red over grey 128: " + blended);
    assertEquals(64, blended.getGreen(), 3);
  }

  @Test
  void a_logo_never_grows_past_its_own_size_unless_enlarge() throws IOException {
    assertEquals(100, changed(render("wmimg", "half", "wmscale", "1")).width, 2, "its own 200 px, opaque half 100");
    // enlarge lets it take 1.0 of the width less the margins on both sides.
    int enlarged = changed(render("wmimg", "half", "wmscale", "1", "enlarge", "true")).width;
    assertTrue(enlarged > 300, "enlarged logo's opaque half: " + enlarged);
  }

  @Test
  void tiled_logos_cover_every_quarter_of_the_image() throws IOException {
    BufferedImage marked = render("wmimg", "half", "pos", "tile", "wmscale", "0.1");
    BufferedImage plain = render("wm", "");
    int[] quarters = new int[4];
    for (int y = 0; y < H; y++) {
      for (int x = 0; x < W; x++) {
        if (marked.getRGB(x, y) != plain.getRGB(x, y)) {
          quarters[(y * 2 / H) * 2 + x * 2 / W]++;
        }
      }
    }
    for (int q : quarters) {
      assertTrue(q > 3 * 40 * 40, "each quarter holds several logos: " + java.util.Arrays.toString(quarters));
    }
  }

  @Test
  void text_and_logo_together_stack_the_logo_above_the_text() throws IOException {
    BufferedImage both = render("wmimg", "half", "wm", "Hello", "pos", "bl");
    Rectangle logoOnly = changed(render("wmimg", "half", "pos", "bl"));
    Rectangle all = changed(both);
    assertTrue(all.height > logoOnly.height + 10, "the text adds rows: " + all + " against " + logoOnly);
    int redRows = 0;
    int lastRed = -1;
    int firstWhite = -1;
    for (int y = 0; y < H; y++) {
      for (int x = 0; x < W / 3; x++) {
        Color c = new Color(both.getRGB(x, y));
        if (c.getRed() > 240 && c.getGreen() < 15) {
          lastRed = y;
          redRows++;
          break;
        }
        if (c.getRed() > 240 && c.getGreen() > 240 && c.getBlue() > 240 && firstWhite < 0) {
          firstWhite = y;
        }
      }
    }
    assertTrue(redRows > 70, "the logo is drawn");
    assertTrue(firstWhite > lastRed, "white text (from row " + firstWhite + ") below the logo (to row " + lastRed + ")");
    assertTrue(lastRed < H - 20 && firstWhite > H * 2 / 3, "both in the bottom third");
  }

  @ParameterizedTest(name = "pos={0}")
  @CsvSource({"tl", "br"})
  void logo_and_text_on_a_short_wide_output_stay_inside_it(String pos) throws IOException {
    // 800 x 60: a 160-px logo of this 2:1 shape would be 80 px high; with the text it must shrink.
    BufferedImage marked = render("wmimg", "half", "wm", "Hello", "pos", pos, "w", "800", "h", "60", "fit", "cover");
    BufferedImage plain = render("wm", "", "w", "800", "h", "60", "fit", "cover");
    int first = -1;
    int last = -1;
    for (int y = 0; y < marked.getHeight(); y++) {
      for (int x = 0; x < marked.getWidth(); x++) {
        if (marked.getRGB(x, y) != plain.getRGB(x, y)) {
          first = first < 0 ? y : first;
          last = y;
        }
      }
    }
    assertTrue(first > 0 && last < marked.getHeight() - 1, "the marks keep off the edges: rows " + first + ".." + last);
    int redRows = 0;
    for (int y = 0; y < marked.getHeight(); y++) {
      for (int x = 0; x < marked.getWidth(); x++) {
        Color c = new Color(marked.getRGB(x, y));
        if (c.getRed() > 240 && c.getGreen() < 15) {
          redRows++;
          break;
        }
      }
    }
    assertTrue(redRows > 4, "the logo is still drawn, smaller: " + redRows + " rows");
  }

  @Test
  void an_unknown_logo_is_refused_with_the_names_there_are() {
    ServiceException e = assertThrows(ServiceException.class, () -> render("wmimg", "acme"));
    assertEquals(ErrorCode.INVALID_OPTION, e.code());
    assertEquals("unknown logo wmimg='acme'; logos are half", e.getMessage());
    ServiceException none = assertThrows(ServiceException.class, () -> new Pipeline(Config.defaults())
        .process(grey, Config.defaults().defaultOptions().with(Options.WMIMG, "half")));
    assertTrue(none.getMessage().contains("this node has no logos (NWS_WATERMARK_DIR is not set)"), none.getMessage());
  }
}
