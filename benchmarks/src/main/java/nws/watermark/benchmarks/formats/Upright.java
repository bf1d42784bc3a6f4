package nws.watermark.benchmarks.formats;

import com.drew.imaging.ImageMetadataReader;
import com.drew.imaging.ImageProcessingException;
import com.drew.metadata.MetadataException;
import com.drew.metadata.exif.ExifIFD0Directory;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;

/**
 * The EXIF orientation of a photo and the image turned upright by it. ImageIO ignores the tag, so
 * the reference would otherwise lie on its side where the service and sharp stand it up.
 */
final class Upright {

  private Upright() {}

  /** The EXIF orientation 1..8; 1 (as stored) when the file has none. */
  static int orientation(byte[] photo) throws IOException {
    try {
      ExifIFD0Directory exif = ImageMetadataReader.readMetadata(new ByteArrayInputStream(photo))
          .getFirstDirectoryOfType(ExifIFD0Directory.class);
      if (exif == null || !exif.containsTag(ExifIFD0Directory.TAG_ORIENTATION)) {
        return 1;
      }
      int tag = exif.getInt(ExifIFD0Directory.TAG_ORIENTATION);
      return tag >= 1 && tag <= 8 ? tag : 1;
    } catch (ImageProcessingException | MetadataException e) {
      throw new IOException("unreadable metadata: " + e.getMessage(), e);
    }
  }

  /** {@code src} as it is displayed under {@code orientation}. */
  static BufferedImage turn(BufferedImage src, int orientation) {
    if (orientation == 1) {
      return src;
    }
    int w = src.getWidth();
    int h = src.getHeight();
    boolean swapsAxes = orientation >= 5;
    int ow = swapsAxes ? h : w;
    int oh = swapsAxes ? w : h;
    BufferedImage out = new BufferedImage(ow, oh, BufferedImage.TYPE_INT_RGB);
    for (int y = 0; y < oh; y++) {
      for (int x = 0; x < ow; x++) {
        // Which stored pixel is shown at (x, y): the inverse of each EXIF transform.
        int rgb = switch (orientation) {
          case 2 -> src.getRGB(w - 1 - x, y);
          case 3 -> src.getRGB(w - 1 - x, h - 1 - y);
          case 4 -> src.getRGB(x, h - 1 - y);
          case 5 -> src.getRGB(y, x);
          case 6 -> src.getRGB(y, h - 1 - x);
          case 7 -> src.getRGB(w - 1 - y, h - 1 - x);
          case 8 -> src.getRGB(w - 1 - y, x);
          default -> throw new IllegalArgumentException("EXIF orientation is 1..8, got " + orientation);
        };
        out.setRGB(x, y, rgb);
      }
    }
    return out;
  }
}
