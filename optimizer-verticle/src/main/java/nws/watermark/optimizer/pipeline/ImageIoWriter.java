package nws.watermark.optimizer.pipeline;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.plugins.jpeg.JPEGImageWriteParam;
import javax.imageio.stream.ImageOutputStream;
import nws.watermark.optimizer.codec.Jfif;

/** JPEG (the pure-Java engines) and PNG through ImageIO's own writers, one writer per call. */
final class ImageIoWriter {

  private ImageIoWriter() {}

  /** 4:2:0 JPEG at {@code quality}, optimized Huffman tables, baseline or {@code progressive}, no JFIF segment. */
  static byte[] jpeg(BufferedImage image, int quality, boolean progressive) throws IOException {
    ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
    ImageWriteParam param = writer.getDefaultWriteParam();
    param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
    param.setCompressionQuality(quality / 100f);
    if (param instanceof JPEGImageWriteParam jpeg) {
      jpeg.setOptimizeHuffmanTables(true);
    }
    if (progressive) {
      param.setProgressiveMode(ImageWriteParam.MODE_DEFAULT);
    }
    return Jfif.stripped(write(writer, image, param));
  }

  /** Lossless PNG; keeps alpha. */
  static byte[] png(BufferedImage image) throws IOException {
    ImageWriter writer = ImageIO.getImageWritersByFormatName("png").next();
    return write(writer, image, writer.getDefaultWriteParam());
  }

  private static byte[] write(ImageWriter writer, BufferedImage image, ImageWriteParam param) throws IOException {
    // A first guess at the encoded size, so the output buffer rarely grows.
    ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(1024, image.getWidth() * image.getHeight() / 4));
    try (ImageOutputStream stream = ImageIO.createImageOutputStream(out)) {
      writer.setOutput(stream);
      writer.write(null, new IIOImage(image, null, null), param);
    } finally {
      writer.dispose();
    }
    return out.toByteArray();
  }
}
