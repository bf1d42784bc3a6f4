package nws.watermark.optimizer.codec;

import com.sun.jna.Pointer;
import com.sun.jna.ptr.IntByReference;
import com.sun.jna.ptr.PointerByReference;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.io.IOException;

/**
 * Decodes the primary image of a HEIC, HEIF or AVIF file to 8-bit RGB, or ARGB when it has alpha.
 * libheif applies the file's own rotation and mirroring (irot, imir) and crop (clap); the EXIF
 * orientation of such a file is only a note, never applied again. The pixels are as stored: the
 * colour profile comes back with them for the caller to convert.
 */
public final class HeifReader {

  /** The decoded image, the ICC profile it is in (null: none, or sRGB by nclx), and its header. */
  public record Decoded(BufferedImage image, byte[] icc, Heif.Header header) {}

  /** Checks the header before any pixel is decoded (a bomb is refused here). */
  @FunctionalInterface
  public interface HeaderCheck {
    void check(Heif.Header header) throws IOException;
  }

  private final Heif heif;

  public HeifReader(Heif heif) {
    this.heif = heif;
  }

  public Decoded decode(byte[] data, int length, HeaderCheck check) throws IOException {
    try (Heif.Context file = heif.open(data, length)) {
      Heif.Header header = file.header();
      check.check(header);
      byte[] icc = profile(file);
      PointerByReference decoded = new PointerByReference();
      LibHeif lib = file.lib;
      LibHeif.HeifError error = lib.heif_decode_image(file.handle, decoded, LibHeif.COLORSPACE_RGB,
          header.alpha() ? LibHeif.CHROMA_INTERLEAVED_RGBA : LibHeif.CHROMA_INTERLEAVED_RGB, null);
      Pointer image = decoded.getValue();
      try {
        Heif.check(error, "decode the image");
        return new Decoded(pixels(lib, image, header.alpha()), icc, header);
      } finally {
        if (image != null) {
          lib.heif_image_release(image);
        }
      }
    }
  }

  /** The embedded ICC profile, if the file carries one (an nclx description is taken as sRGB). */
  private static byte[] profile(Heif.Context file) throws IOException {
    int type = file.lib.heif_image_handle_get_color_profile_type(file.handle);
    if (type != LibHeif.PROFILE_PROF && type != LibHeif.PROFILE_RICC) {
      return null;
    }
    long size = file.lib.heif_image_handle_get_raw_color_profile_size(file.handle);
    if (size <= 0 || size > (1 << 24)) {
      return null;
    }
    byte[] icc = new byte[(int) size];
    Heif.check(file.lib.heif_image_handle_get_raw_color_profile(file.handle, icc), "read its colour profile");
    return icc;
  }

  /** One copy out of native memory, then packed into an int per pixel. */
  private static BufferedImage pixels(LibHeif lib, Pointer image, boolean alpha) throws IOException {
    int w = lib.heif_image_get_width(image, LibHeif.CHANNEL_INTERLEAVED);
    int h = lib.heif_image_get_height(image, LibHeif.CHANNEL_INTERLEAVED);
    IntByReference strideRef = new IntByReference();
    Pointer plane = lib.heif_image_get_plane_readonly(image, LibHeif.CHANNEL_INTERLEAVED, strideRef);
    if (plane == null || w <= 0 || h <= 0) {
      throw new IOException("libheif gave no pixels");
    }
    int stride = strideRef.getValue();
    int bpp = alpha ? 4 : 3;
    byte[] buf = new byte[stride * (h - 1) + w * bpp];
    plane.read(0, buf, 0, buf.length);
    BufferedImage out = new BufferedImage(w, h, alpha ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
    int[] px = ((DataBufferInt) out.getRaster().getDataBuffer()).getData();
    for (int y = 0, k = 0; y < h; y++) {
      int o = y * stride;
      for (int x = 0; x < w; x++, o += bpp) {
        int a = alpha ? (buf[o + 3] & 255) << 24 : 0;
        px[k++] = a | ((buf[o] & 255) << 16) | ((buf[o + 1] & 255) << 8) | (buf[o + 2] & 255);
      }
    }
    return out;
  }
}
