package nws.watermark.optimizer.pipeline;

import java.awt.AlphaComposite;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.font.FontRenderContext;
import java.awt.font.TextLayout;
import java.awt.geom.Rectangle2D;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import nws.watermark.shared.ImageOptions;
import nws.watermark.shared.Options;
import nws.watermark.shared.Position;

/**
 * Draws the text watermark: white text over a soft dark shadow, so it reads on light and dark
 * photos, sized from the output (about 4 % of the width). Text that cannot be drawn legibly on a
 * tiny image is left out rather than failing the request.
 */
final class Watermark implements Step {

  /** DejaVu Sans Bold ships in the jar: a minimal server has no system fonts. */
  private static final Font FONT = loadFont("/fonts/DejaVuSans-Bold.ttf");
  private static final FontRenderContext CONTEXT = new FontRenderContext(null, true, true);
  private static final float SIZE_OF_WIDTH = 0.04f;
  private static final float MAX_SIZE_OF_HEIGHT = 0.25f;
  private static final float MIN_LEGIBLE_SIZE = 8f;
  private static final double TILE_ANGLE = Math.toRadians(-30);

  @Override
  public void apply(Job job) {
    ImageOptions o = job.options;
    if (o.get(Options.WM).isEmpty() || o.get(Options.OPACITY) == 0) {
      return;
    }
    int w = job.image.getWidth();
    int h = job.image.getHeight();
    float size = Math.min(Math.max(w * SIZE_OF_WIDTH, 12f), h * MAX_SIZE_OF_HEIGHT);
    TextLayout layout = layout(o.get(Options.WM), size);
    double margin = size * 0.6;
    double fitWidth = o.get(Options.POS) == Position.TILE ? w : w - 2 * margin;
    double advance = layout.getBounds().getWidth();
    if (advance > fitWidth) {
      size = (float) (size * fitWidth / advance);
      layout = layout(o.get(Options.WM), size);
    }
    if (size < MIN_LEGIBLE_SIZE) {
      job.watermarkSkipped = true;
      return;
    }
    Graphics2D g = job.image.createGraphics();
    try {
      g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
      g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
      g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
      if (o.get(Options.POS) == Position.TILE) {
        tile(g, layout, w, h, o.get(Options.OPACITY).floatValue());
      } else {
        Rectangle2D box = layout.getBounds();
        double x = anchor(o.get(Options.POS).column(), w, box.getWidth(), margin) - box.getX();
        double y = anchor(o.get(Options.POS).row(), h, box.getHeight(), margin) - box.getY();
        draw(g, layout, x, y, o.get(Options.OPACITY).floatValue());
      }
    } finally {
      g.dispose();
    }
  }

  private static void tile(Graphics2D g, TextLayout layout, int w, int h, float opacity) {
    Rectangle2D box = layout.getBounds();
    double stepX = box.getWidth() * 1.5;
    double stepY = box.getHeight() * 4;
    double diagonal = Math.hypot(w, h);
    g.rotate(TILE_ANGLE, w / 2.0, h / 2.0);
    int row = 0;
    for (double y = h / 2.0 - diagonal / 2; y < h / 2.0 + diagonal / 2; y += stepY, row++) {
      double offset = (row % 2) * stepX / 2;
      for (double x = w / 2.0 - diagonal / 2 - offset; x < w / 2.0 + diagonal / 2; x += stepX) {
        draw(g, layout, x, y, opacity);
      }
    }
  }

  /** Shadow first, then the text, each at the requested opacity. */
  private static void draw(Graphics2D g, TextLayout layout, double x, double y, float opacity) {
    double shadow = Math.max(1, layout.getAscent() / 14);
    g.setComposite(AlphaComposite.getInstance(AlphaComposite.SRC_OVER, opacity * 0.7f));
    g.setColor(Color.BLACK);
    layout.draw(g, (float) (x + shadow), (float) (y + shadow));
    g.setComposite(AlphaComposite.getInstance(AlphaComposite.SRC_OVER, opacity));
    g.setColor(Color.WHITE);
    layout.draw(g, (float) x, (float) y);
  }

  /** Left/top, centre or right/bottom edge of a span of {@code inner} within {@code outer}. */
  private static double anchor(int slot, int outer, double inner, double margin) {
    return switch (slot) {
      case 0 -> margin;
      case 1 -> (outer - inner) / 2;
      default -> outer - inner - margin;
    };
  }

  private static TextLayout layout(String text, float size) {
    return new TextLayout(text, FONT.deriveFont(size), CONTEXT);
  }

  private static Font loadFont(String resource) {
    try (InputStream in = Watermark.class.getResourceAsStream(resource)) {
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
