package nws.watermark.optimizer.pipeline;

import java.awt.AlphaComposite;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import nws.watermark.optimizer.logo.Logos;
import nws.watermark.shared.ImageOptions;
import nws.watermark.shared.Options;
import nws.watermark.shared.Position;

/**
 * Draws the watermark on the upright output: a logo ({@code wmimg}, {@code wmscale} of the width),
 * text ({@code wm}), or both. Both at one {@code pos} stack as one block, the logo above the text,
 * aligned as {@code pos} says; {@code tile} repeats the logo in a staggered grid and the text
 * along the diagonal over it. A mark too small to see on a tiny output is left out.
 */
final class Watermark implements Step {

  /** Below this many pixels across, a logo is not drawn. */
  private static final int MIN_LOGO_SIDE = 4;

  private final Logos logos;

  Watermark(Logos logos) {
    this.logos = logos;
    // The font is read now, not at the first text: Font.createFont registers a shutdown hook for
    // its temporary file, which throws once SIGTERM has begun and would fail the jobs being drained.
    TextMark.loadFont();
  }

  @Override
  public void apply(Job job) {
    ImageOptions o = job.options;
    float opacity = o.get(Options.OPACITY).floatValue();
    if (opacity == 0 || (o.get(Options.WM).isEmpty() && o.get(Options.WMIMG).isEmpty())) {
      return;
    }
    int w = job.image.getWidth();
    int h = job.image.getHeight();
    Position pos = o.get(Options.POS);
    TextMark text = o.get(Options.WM).isEmpty() ? null : TextMark.fitted(o.get(Options.WM), w, h, pos == Position.TILE);
    if (text != null && text.tooSmall()) {
      job.watermarkSkipped = true;
      text = null;
    }
    double margin = TextMark.margin(w, h);
    // Stacked at one pos, the logo gets the height the text and the gap between them leave.
    double textRoom = text == null || pos == Position.TILE ? 0 : text.height() + margin / 2;
    BufferedImage logo = o.get(Options.WMIMG).isEmpty() ? null : logo(job, w, h, margin, textRoom);
    if (text == null && logo == null) {
      return;
    }
    Graphics2D g = job.image.createGraphics();
    try {
      g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
      g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
      g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
      if (pos == Position.TILE) {
        if (logo != null) {
          tile(g, logo, w, h, opacity);
        }
        if (text != null) {
          text.tile(g, w, h, opacity);
        }
      } else {
        place(g, logo, text, pos, w, h, margin, opacity);
      }
    } finally {
      g.dispose();
    }
  }

  /**
   * The logo at {@code wmscale} of the width, never past its own size unless {@code enlarge},
   * inside the margins with {@code textRoom} left for the text under it.
   */
  private BufferedImage logo(Job job, int w, int h, double margin, double textRoom) {
    ImageOptions o = job.options;
    String name = o.get(Options.WMIMG);
    int[] own = logos.size(name);
    double width = w * o.get(Options.WMSCALE);
    if (!o.get(Options.ENLARGE)) {
      width = Math.min(width, own[0]);
    }
    if (o.get(Options.POS) != Position.TILE) {
      width = Math.min(width, w - 2 * margin);
    }
    double height = width * own[1] / own[0];
    double maxHeight = o.get(Options.POS) == Position.TILE ? h : h - 2 * margin - textRoom;
    if (height > maxHeight) {
      width *= maxHeight / height;
      height = maxHeight;
    }
    int lw = (int) Math.round(width);
    int lh = (int) Math.round(height);
    if (lw < MIN_LOGO_SIDE || lh < MIN_LOGO_SIDE) {
      job.watermarkSkipped = true;
      return null;
    }
    return logos.scaled(name, lw, lh);
  }

  /** Logo over text as one block at {@code pos}; each aligned to the block's side. */
  private static void place(Graphics2D g, BufferedImage logo, TextMark text, Position pos, int w, int h,
      double margin, float opacity) {
    double gap = logo != null && text != null ? margin / 2 : 0;
    double logoH = logo == null ? 0 : logo.getHeight();
    double blockH = logoH + gap + (text == null ? 0 : text.height());
    double top = anchor(pos.row(), h, blockH, margin);
    if (logo != null) {
      double x = anchor(pos.column(), w, logo.getWidth(), margin);
      g.setComposite(AlphaComposite.getInstance(AlphaComposite.SRC_OVER, opacity));
      g.drawImage(logo, (int) Math.round(x), (int) Math.round(top), null);
    }
    if (text != null) {
      text.draw(g, anchor(pos.column(), w, text.width(), margin), top + logoH + gap, opacity);
    }
  }

  /** The logo in rows one logo apart, every other row shifted by half a step, from the top left. */
  private static void tile(Graphics2D g, BufferedImage logo, int w, int h, float opacity) {
    int stepX = logo.getWidth() * 2;
    int stepY = logo.getHeight() * 2;
    g.setComposite(AlphaComposite.getInstance(AlphaComposite.SRC_OVER, opacity));
    int row = 0;
    for (int y = logo.getHeight() / 2; y < h; y += stepY, row++) {
      for (int x = (row % 2 == 0 ? logo.getWidth() / 2 : logo.getWidth() * 3 / 2) - stepX; x < w; x += stepX) {
        g.drawImage(logo, x, y, null);
      }
    }
  }

  /** Left/top, centre or right/bottom edge of a span of {@code inner} within {@code outer}. */
  static double anchor(int slot, int outer, double inner, double margin) {
    return switch (slot) {
      case 0 -> margin;
      case 1 -> (outer - inner) / 2;
      default -> outer - inner - margin;
    };
  }
}
