package nws.watermark.optimizer.codec;

import com.luciad.imageio.webp.CompressionType;
import com.luciad.imageio.webp.WebPImageReaderSpi;
import com.luciad.imageio.webp.WebPImageWriterSpi;
import com.luciad.imageio.webp.WebPWriteParam;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Optional;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.spi.IIORegistry;
import javax.imageio.spi.ImageReaderSpi;
import javax.imageio.stream.ImageOutputStream;

/**
 * WebP output through webp-imageio: libwebp 1.6 built into its jar (linux x86_64), so a JDK alone
 * writes WebP. Lossy at the requested quality, effort (method) {@value #METHOD} as sharp's default;
 * alpha is kept when the image has it. Its WebP reader is taken out of ImageIO, so reading WebP
 * stays with TwelveMonkeys as before. One writer per call: ImageIO writers are not thread-safe.
 */
public final class WebpWriter {

  /** libwebp's effort 0..6; 4 is its default and sharp's. */
  static final int METHOD = 4;

  private static final Optional<WebpWriter> INSTANCE = tryLoad();
  private static volatile String unavailableReason;

  private final WebPImageWriterSpi spi = new WebPImageWriterSpi();

  private WebpWriter() {}

  public static Optional<WebpWriter> load() {
    return INSTANCE;
  }

  public static String unavailableReason() {
    return unavailableReason;
  }

  private static Optional<WebpWriter> tryLoad() {
    try {
      IIORegistry registry = IIORegistry.getDefaultInstance();
      ImageReaderSpi reader = registry.getServiceProviderByClass(WebPImageReaderSpi.class);
      if (reader != null) {
        registry.deregisterServiceProvider(reader, ImageReaderSpi.class);
      }
      WebpWriter writer = new WebpWriter();
      // Its native library is unpacked and loaded now, so a broken one shows at start, not on a request.
      writer.encode(new BufferedImage(16, 16, BufferedImage.TYPE_INT_RGB), 80);
      return Optional.of(writer);
    } catch (IOException | RuntimeException | LinkageError e) {
      unavailableReason = "webp-imageio's libwebp does not load here (" + e + ")";
      return Optional.empty();
    }
  }

  public byte[] encode(BufferedImage image, int quality) throws IOException {
    ImageWriter writer = spi.createWriterInstance(null);
    try {
      WebPWriteParam param = (WebPWriteParam) writer.getDefaultWriteParam();
      param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
      // The type first: the quality is refused until there is one.
      param.setCompressionType(CompressionType.Lossy);
      param.setCompressionQuality(quality / 100f);
      param.setMethod(METHOD);
      ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(4096, image.getWidth() * image.getHeight() / 8));
      try (ImageOutputStream stream = ImageIO.createImageOutputStream(out)) {
        writer.setOutput(stream);
        writer.write(null, new IIOImage(image, null, null), param);
      }
      return out.toByteArray();
    } finally {
      writer.dispose();
    }
  }
}
