package nws.watermark.optimizer.pipeline;

import java.io.IOException;
import nws.watermark.optimizer.codec.TurboJpeg;
import nws.watermark.optimizer.colour.JpegIcc;
import nws.watermark.shared.ServiceException;

/**
 * JPEGs through libjpeg-turbo, scaled in the DCT domain while decoding to the smallest n/8 that
 * keeps the output sharp: the pixels that would be thrown away are never computed. A colour
 * profile goes with the decoded pixels, so only the small image is converted to sRGB
 * ({@link Srgb}). It does not take a file libjpeg-turbo cannot or should not decode (CMYK,
 * greyscale with a profile, any decoder complaint): {@link ImageIoDecoder} then decodes it and
 * gives the exact error, as it always has.
 */
record TurboDecoder(TurboJpeg turbo, SourceSize size) implements Decode.Decoder {

  /**
   * Shrink-on-load keeps at least this many decoded pixels per output pixel along each axis.
   * libjpeg-turbo's scaled IDCT filters as it shrinks, so 1.4x keeps PSNR above 42 dB against
   * the exact reference (EngineQualityTest) and decodes a 20 MP photo at 2/8 instead of 3/8.
   */
  static final double MIN_RATIO = 1.4;

  @Override
  public boolean decode(Job job) {
    if (!JpegMarkers.isJpeg(job.input, job.length)) {
      return false;
    }
    byte[] icc = JpegIcc.profile(job.input, job.length);
    try (TurboJpeg.Decompressor jpeg = turbo.open(job.input, job.length)) {
      int width = jpeg.width();
      int height = jpeg.height();
      int colorspace = jpeg.colorspace();
      if (colorspace == TurboJpeg.CS_CMYK || colorspace == TurboJpeg.CS_YCCK
          || (colorspace == TurboJpeg.CS_GRAY && icc != null)) {
        return false;
      }
      size.check("JPEG", width, height);
      int eighths = eighths(SourceSize.plan(job, width, height), MIN_RATIO);
      job.image = jpeg.decode(scaled(width, eighths), scaled(height, eighths));
      job.iccProfile = icc;
      return true;
    } catch (ServiceException e) {
      throw e;
    } catch (IOException | RuntimeException e) {
      job.geometry = null;
      return false;
    }
  }

  /** The smallest n in 1..8 for which n/8 of the crop still has {@code ratio} x the output size. */
  static int eighths(Geometry g, double ratio) {
    for (int n = 1; n < 8; n++) {
      if (g.cropWidth() * n >= ratio * 8 * g.width() && g.cropHeight() * n >= ratio * 8 * g.height()) {
        return n;
      }
    }
    return 8;
  }

  /** libjpeg-turbo's own rounding of a scaled size (TJSCALED). */
  private static int scaled(int size, int eighths) {
    return (size * eighths + 7) / 8;
  }
}
