package nws.watermark.optimizer.colour;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.color.ColorSpace;
import java.awt.color.ICC_ColorSpace;
import java.awt.color.ICC_Profile;
import java.awt.image.BufferedImage;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The conversion to sRGB, against the JDK's own colour management (LCMS) and against sRGB itself. */
class ToSrgbTest {

  @Test
  void srgb_tagged_pixels_are_left_alone_and_wide_gamut_ones_are_converted() {
    assertFalse(ToSrgb.changes(Profiles.bytes(Profiles.SRGB)), "colord's sRGB is sRGB");
    assertFalse(ToSrgb.changes(ICC_Profile.getInstance(ColorSpace.CS_sRGB).getData()), "the JDK's sRGB is sRGB");
    assertTrue(ToSrgb.changes(Profiles.bytes(Profiles.DISPLAY_P3)));
    assertTrue(ToSrgb.changes(Profiles.bytes(Profiles.ADOBE_RGB)));
    assertTrue(ToSrgb.changes(Profiles.bytes(Profiles.REC709)), "sRGB primaries, another curve: not sRGB");
    assertFalse(ToSrgb.changes("not a profile at all".getBytes()), "an unreadable profile is ignored, as ImageIO does");
  }

  @Test
  void display_p3_red_green_and_blue_clip_to_srgb_primaries() {
    byte[] p3 = Profiles.bytes(Profiles.DISPLAY_P3);
    assertEquals(0xff0000, converted(p3, 0xff0000));
    assertEquals(0x00ff00, converted(p3, 0x00ff00));
    assertEquals(0x0000ff, converted(p3, 0x0000ff));
    assertEquals(0xffffff, converted(p3, 0xffffff), "white stays white");
  }

  @Test
  void the_tables_agree_with_lcms_within_one_level() {
    for (java.nio.file.Path profile : new java.nio.file.Path[] {Profiles.DISPLAY_P3, Profiles.ADOBE_RGB}) {
      byte[] icc = Profiles.bytes(profile);
      ICC_ColorSpace space = new ICC_ColorSpace(ICC_Profile.getInstance(icc));
      Random random = new Random(42);
      for (int i = 0; i < 5_000; i++) {
        int rgb = random.nextInt(0x1000000);
        int ours = converted(icc, rgb);
        float[] srgb = space.toRGB(new float[] {((rgb >> 16) & 255) / 255f, ((rgb >> 8) & 255) / 255f, (rgb & 255) / 255f});
        for (int c = 0; c < 3; c++) {
          int lcms = Math.round(srgb[c] * 255);
          int mine = (ours >> (16 - 8 * c)) & 255;
          assertTrue(Math.abs(mine - lcms) <= 2, profile.getFileName() + " " + Integer.toHexString(rgb)
              + " channel " + c + ": " + mine + " against LCMS " + lcms);
        }
      }
    }
  }

  @Test
  void the_sampled_grid_for_other_profiles_agrees_with_the_tables() {
    byte[] p3 = Profiles.bytes(Profiles.DISPLAY_P3);
    Transform tables = new MatrixTrcTransform(MatrixTrcProfile.parse(p3));
    Transform grid = new SampledTransform(new ICC_ColorSpace(ICC_Profile.getInstance(p3)));
    Random random = new Random(7);
    int[] a = new int[10_000];
    for (int i = 0; i < a.length; i++) {
      a[i] = random.nextInt(0x1000000);
    }
    int[] b = a.clone();
    tables.apply(a, 0, a.length);
    grid.apply(b, 0, b.length);
    double squares = 0;
    int worst = 0;
    for (int i = 0; i < a.length; i++) {
      for (int shift = 0; shift <= 16; shift += 8) {
        int d = Math.abs(((a[i] >> shift) & 255) - ((b[i] >> shift) & 255));
        squares += d * d;
        worst = Math.max(worst, d);
      }
    }
    double psnr = 10 * Math.log10(255.0 * 255 / (squares / (3.0 * a.length)));
    // Interpolation rounds off the corners where the tables clip out-of-gamut colours.
    assertTrue(psnr > 45 && worst <= 16, "the grid is within " + psnr + " dB (worst " + worst + " levels) of the tables");
  }

  @Test
  void alpha_is_kept() {
    BufferedImage image = new BufferedImage(1, 1, BufferedImage.TYPE_INT_ARGB);
    image.setRGB(0, 0, 0x80ff0000);
    ToSrgb.convert(image, Profiles.bytes(Profiles.DISPLAY_P3));
    assertEquals(0x80, image.getRGB(0, 0) >>> 24);
  }

  private static int converted(byte[] icc, int rgb) {
    BufferedImage image = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB);
    image.setRGB(0, 0, rgb);
    ToSrgb.convert(image, icc);
    return image.getRGB(0, 0) & 0xffffff;
  }
}
