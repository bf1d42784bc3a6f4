package nws.watermark.optimizer.pipeline;

import java.awt.AlphaComposite;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.Graphics2D;
import java.awt.font.FontRenderContext;
import java.awt.font.TextLayout;
import java.awt.geom.Rectangle2D;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The text watermark laid out for one output: white text over a soft dark shadow, so it reads on
 * light and dark photos, sized from the output (about 4 % of the width) and shrunk to fit it.
 */
final class TextMark {

  /** DejaVu Sans Bold ships in the jar: a minimal server has no system fonts. */
  private static final Font FONT = loadFont("/fonts/DejaVuSans-Bold.ttf");
  private static final FontRenderContext CONTEXT = new FontRenderContext(null, true, true);
  private static final float SIZE_OF_WIDTH = 0.04f;
  private static final float MAX_SIZE_OF_HEIGHT = 0.25f;
  private static final float MIN_LEGIBLE_SIZE = 8f;
  private static final double TILE_ANGLE = Math.toRadians(-30);

  private final TextLayout layout;
  private final float size;

  private TextMark(TextLayout layout, float size) {
    this.layout = layout;
    this.size = size;
  }

  /** {@code text} for a {@code w} x {@code h} output, within its width (less the margins unless tiled). */
  static TextMark fitted(String text, int w, int h, boolean tiled) {
    float size = nominalSize(w, h);
    TextLayout layout = layout(text, size);
    double fitWidth = tiled ? w : w - 2 * margin(w, h);
    double advance = layout.getBounds().getWidth();
    if (advance > fitWidth) {
      size = (float) (size * fitWidth / advance);
      layout = layout(text, size);
    }
    return new TextMark(layout, size);
  }

  /** The space kept between a mark and the image's edge: 0.6 of the text's nominal size. */
  static double margin(int w, int h) {
    return nominalSize(w, h) * 0.6;
  }

  /** Text this small cannot be read: it is left out rather than failing the request. */
  boolean tooSmall() {
    return size < MIN_LEGIBLE_SIZE;
  }

  double width() {
    return layout.getBounds().getWidth();
  }

  double height() {
    return layout.getBounds().getHeight();
  }

  /** Draws the text with its bounds' top left at ({@code left}, {@code top}). */
  void draw(Graphics2D g, double left, double top, float opacity) {
    Rectangle2D box = layout.getBounds();
    drawAt(g, left - box.getX(), top - box.getY(), opacity);
  }

  /** Rows of the text along a -30° diagonal, over the whole image. */
  void tile(Graphics2D g, int w, int h, float opacity) {
    Rectangle2D box = layout.getBounds();
    double stepX = box.getWidth() * 1.5;
    double stepY = box.getHeight() * 4;
    double diagonal = Math.hypot(w, h);
    g.rotate(TILE_ANGLE, w / 2.0, h / 2.0);
    int row = 0;
    for (double y = h / 2.0 - diagonal / 2; y < h / 2.0 + diagonal / 2; y += stepY, row++) {
      double offset = (row % 2) * stepX / 2;
      for (double x = w / 2.0 - diagonal / 2 - offset; x < w / 2.0 + diagonal / 2; x += stepX) {
        drawAt(g, x, y, opacity);
      }
    }
    g.rotate(-TILE_ANGLE, w / 2.0, h / 2.0);
  }

  /** Shadow first, then the text, each at the requested opacity; (x, y) is the baseline's start. */
  private void drawAt(Graphics2D g, double x, double y, float opacity) {
    double shadow = Math.max(1, layout.getAscent() / 14);
    g.setComposite(AlphaComposite.getInstance(AlphaComposite.SRC_OVER, opacity * 0.7f));
    g.setColor(Color.BLACK);
    layout.draw(g, (float) (x + shadow), (float) (y + shadow));
    g.setComposite(AlphaComposite.getInstance(AlphaComposite.SRC_OVER, opacity));
    g.setColor(Color.WHITE);
    layout.draw(g, (float) x, (float) y);
  }

  /** Reads the font (once, with this class) if that has not happened yet. */
  static void loadFont() {
    FONT.getFamily();
  }

  private static float nominalSize(int w, int h) {
    return Math.min(Math.max(w * SIZE_OF_WIDTH, 12f), h * MAX_SIZE_OF_HEIGHT);
  }

  private static TextLayout layout(String text, float size) {
    return new TextLayout(text, FONT.deriveFont(size), CONTEXT);
  }

  private static Font loadFont(String resource) {
    try (InputStream in = TextMark.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("font " + resource + " is missing from the jar");
      }
      return Font.createFont(Font.TRUETYPE_FONT, in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (FontFormatException e) {
      throw new IllegalStateException("font " + resource + " is unreadable", e);
    }
  }
}
