package nws.watermark.api.peers;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Random;
import javax.imageio.ImageIO;

/** Small JPEGs made on the spot, each seed a different image (so a different SHA-256). */
public final class Photos {

  private Photos() {}

  public static byte[] distinct(int seed) {
    Random random = new Random(seed);
    BufferedImage image = new BufferedImage(320, 240, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    g.setPaint(new java.awt.GradientPaint(0, 0, new Color(random.nextInt()), 320, 240, new Color(random.nextInt())));
    g.fillRect(0, 0, 320, 240);
    for (int i = 0; i < 12; i++) {
      g.setColor(new Color(random.nextInt()));
      g.fillOval(random.nextInt(320), random.nextInt(240), 10 + random.nextInt(60), 10 + random.nextInt(60));
    }
    g.dispose();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      ImageIO.write(image, "jpeg", out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /** The hex SHA-256 of {@code bytes}, as the service reports it in {@code X-Image-Id}. */
  public static String sha256(byte[] bytes) {
    try {
      return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
