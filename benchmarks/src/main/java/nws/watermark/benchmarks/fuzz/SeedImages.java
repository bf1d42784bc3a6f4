package nws.watermark.benchmarks.fuzz;

import com.luciad.imageio.webp.CompressionType;
import com.luciad.imageio.webp.WebPImageWriterSpi;
import com.luciad.imageio.webp.WebPWriteParam;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.awt.image.IndexColorModel;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import nws.watermark.benchmarks.fuzz.Seeds.Seed;
import nws.watermark.optimizer.codec.Heif;
import nws.watermark.optimizer.codec.HeifWriter;

/**
 * Small seed images (96x64) in the variants each format has, made at start from one photo. Small
 * so the service decodes a mutant in milliseconds; varied so the mutators reach each decoder path
 * (a progressive JPEG's later scans, a PNG's tRNS, a BMP's RLE, an AVIF's alpha item). A variant
 * this machine cannot write (no libheif, no HEVC encoder) is left out.
 */
final class SeedImages {

  private SeedImages() {}

  static Map<String, List<Seed>> make(BufferedImage photo) throws IOException {
    BufferedImage rgb = scaled(photo, BufferedImage.TYPE_INT_RGB);
    BufferedImage argb = scaled(photo, BufferedImage.TYPE_INT_ARGB);
    for (int y = 0; y < argb.getHeight(); y++) {
      for (int x = 0; x < argb.getWidth(); x++) {
        argb.setRGB(x, y, (argb.getRGB(x, y) & 0xffffff) | ((x * 255 / argb.getWidth()) << 24));
      }
    }
    BufferedImage indexed = converted(argb, new BufferedImage(96, 64, BufferedImage.TYPE_BYTE_INDEXED, palette()));
    Map<String, List<Seed>> made = new LinkedHashMap<>();
    made.put("jpeg", list(seed("baseline.jpg", write(rgb, "jpeg", null)),
        seed("progressive.jpg", write(rgb, "jpeg", "progressive")),
        seed("grey.jpg", write(converted(rgb, new BufferedImage(96, 64, BufferedImage.TYPE_BYTE_GRAY)), "jpeg", null))));
    made.put("png", list(seed("rgb.png", write(rgb, "png", null)), seed("rgba.png", write(argb, "png", null)),
        seed("palette-trns.png", write(indexed, "png", null)),
        seed("grey16.png", write(converted(rgb, new BufferedImage(96, 64, BufferedImage.TYPE_USHORT_GRAY)), "png", null)),
        seed("1bit.png", write(converted(rgb, new BufferedImage(96, 64, BufferedImage.TYPE_BYTE_BINARY)), "png", null)),
        seed("adam7.png", write(rgb, "png", "progressive"))));
    made.put("gif", list(seed("indexed.gif", write(indexed, "gif", null))));
    made.put("bmp", list(seed("24bit.bmp", write(rgb, "bmp", null)), seed("8bit.bmp", write(indexed, "bmp", null)),
        seed("rle8.bmp", write(indexed, "bmp", "BI_RLE8")),
        seed("1bit.bmp", write(converted(rgb, new BufferedImage(96, 64, BufferedImage.TYPE_BYTE_BINARY)), "bmp", null)),
        seed("565.bmp", write(converted(rgb, new BufferedImage(96, 64, BufferedImage.TYPE_USHORT_565_RGB)), "bmp",
            "BI_BITFIELDS"))));
    made.put("webp", list(seed("lossy.webp", webp(rgb, CompressionType.Lossy)),
        seed("lossless.webp", webp(rgb, CompressionType.Lossless)), seed("alpha.webp", webp(argb, CompressionType.Lossy))));
    made.put("heif", Heif.load().map(heif -> heif(heif, rgb, argb)).orElse(List.of()));
    return made;
  }

  private static List<Seed> heif(Heif heif, BufferedImage rgb, BufferedImage argb) {
    HeifWriter writer = new HeifWriter(heif);
    List<Seed> seeds = new ArrayList<>();
    List<String> exif = new ArrayList<>();
    byte[] loopingExif = ExifBlocks.tiff(new java.util.Random(1), exif);
    Object[][] variants = {{"rgb.avif", rgb, true, 1, null}, {"alpha.avif", argb, true, 1, null},
        {"rotated-exif.avif", rgb, true, 6, loopingExif}, {"rgb.heic", rgb, false, 1, null},
        {"rotated.heic", rgb, false, 8, null}};
    for (Object[] v : variants) {
      try {
        seeds.add(seed((String) v[0], writer.encode((BufferedImage) v[1],
            new HeifWriter.Encoding((boolean) v[2], 60, 8, null, (int) v[3], (byte[]) v[4]))));
      } catch (IOException | RuntimeException e) {
        System.err.println("fuzz: no " + v[0] + " seed here: " + e.getMessage());
      }
    }
    return seeds;
  }

  private static byte[] write(BufferedImage image, String format, String mode) throws IOException {
    ImageWriter writer = ImageIO.getImageWritersByFormatName(format).next();
    ImageWriteParam param = writer.getDefaultWriteParam();
    if ("progressive".equals(mode)) {
      param.setProgressiveMode(ImageWriteParam.MODE_DEFAULT);
    } else if (mode != null) {
      param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
      param.setCompressionType(mode);
    }
    return written(writer, image, param);
  }

  private static byte[] webp(BufferedImage image, CompressionType type) throws IOException {
    ImageWriter writer = new WebPImageWriterSpi().createWriterInstance(null);
    WebPWriteParam param = (WebPWriteParam) writer.getDefaultWriteParam();
    param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
    param.setCompressionType(type);
    return written(writer, image, param);
  }

  private static byte[] written(ImageWriter writer, BufferedImage image, ImageWriteParam param) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ImageOutputStream stream = ImageIO.createImageOutputStream(out)) {
      writer.setOutput(stream);
      writer.write(null, new IIOImage(image, null, null), param);
    } finally {
      writer.dispose();
    }
    return out.toByteArray();
  }

  /** 16 colours, four of them see-through: a PLTE with a tRNS, a GIF and BMP palette. */
  private static IndexColorModel palette() {
    byte[][] c = new byte[4][16];
    for (int i = 0; i < 16; i++) {
      Color colour = Color.getHSBColor(i / 16f, 0.6f, 0.3f + i / 24f);
      c[0][i] = (byte) colour.getRed();
      c[1][i] = (byte) colour.getGreen();
      c[2][i] = (byte) colour.getBlue();
      c[3][i] = (byte) (i < 4 ? i * 60 : 255);
    }
    return new IndexColorModel(8, 16, c[0], c[1], c[2], c[3]);
  }

  private static BufferedImage scaled(BufferedImage photo, int type) {
    BufferedImage out = new BufferedImage(96, 64, type);
    Graphics2D g = out.createGraphics();
    g.drawImage(photo, 0, 0, 96, 64, null);
    g.dispose();
    return out;
  }

  private static BufferedImage converted(BufferedImage from, BufferedImage to) {
    Graphics2D g = to.createGraphics();
    g.drawImage(from, 0, 0, null);
    g.dispose();
    return to;
  }

  private static Seed seed(String name, byte[] bytes) {
    return new Seed(name, bytes);
  }

  private static List<Seed> list(Seed... seeds) {
    return List.of(seeds);
  }
}
