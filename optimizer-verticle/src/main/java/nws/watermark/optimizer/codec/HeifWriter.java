package nws.watermark.optimizer.codec;

import com.sun.jna.Memory;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.IntByReference;
import com.sun.jna.ptr.PointerByReference;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.ref.Reference;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Encodes an 8-bit RGB (or ARGB: alpha kept) image as AVIF through libheif and libaom, or as HEIC
 * (x265; what tests use to make phone-like files). Always 8-bit: a 10-bit AVIF encode aborts inside
 * libaom 3.6. The pixels are signalled as sRGB (nclx) unless an ICC profile is given.
 */
public final class HeifWriter {

  /**
   * How to encode. {@code speed}: libaom's 0..9 (AVIF only); {@code orientation} 1..8 is written
   * as the file's rotation and mirroring (tests only: libheif 1.15 writes its size box wrong then).
   */
  public record Encoding(boolean avif, int quality, int speed, byte[] icc, int orientation, byte[] exif) {
    public static Encoding avif(int quality, int speed) {
      return new Encoding(true, quality, speed, null, 1, null);
    }
  }

  /** One native trampoline for the process; each write finds its own sink by the id it passes. */
  private static final Map<Long, ByteArrayOutputStream> SINKS = new ConcurrentHashMap<>();
  private static final AtomicLong SINK_IDS = new AtomicLong(1);
  private static final Memory FAILED = message("the output could not be kept");
  private static final Memory DONE = message("ok");
  private static final LibHeif.WriteCallback WRITE = (ctx, data, size, userdata) -> {
    LibHeif.HeifError result = new LibHeif.HeifError();
    ByteArrayOutputStream sink = SINKS.get(Pointer.nativeValue(userdata));
    if (sink == null || size > Integer.MAX_VALUE) {
      result.code = 9;
      result.message = FAILED;
      return result;
    }
    sink.write(data.getByteArray(0, (int) size), 0, (int) size);
    result.message = DONE;
    return result;
  };

  private final LibHeif lib;

  public HeifWriter(Heif heif) {
    this.lib = heif.lib;
  }

  public byte[] encode(BufferedImage src, Encoding e) throws IOException {
    boolean alpha = src.getColorModel().hasAlpha();
    Pointer ctx = lib.heif_context_alloc();
    PointerByReference encoder = new PointerByReference();
    PointerByReference image = new PointerByReference();
    PointerByReference handle = new PointerByReference();
    Pointer options = lib.heif_encoding_options_alloc();
    long sinkId = SINK_IDS.getAndIncrement();
    try {
      Heif.check(lib.heif_context_get_encoder_for_format(ctx,
          e.avif() ? LibHeif.COMPRESSION_AV1 : LibHeif.COMPRESSION_HEVC, encoder), "find an encoder");
      configure(encoder.getValue(), e);
      Heif.check(lib.heif_image_create(src.getWidth(), src.getHeight(), LibHeif.COLORSPACE_RGB,
          alpha ? LibHeif.CHROMA_INTERLEAVED_RGBA : LibHeif.CHROMA_INTERLEAVED_RGB, image), "create an image");
      fill(image.getValue(), src, alpha);
      describeColours(image.getValue(), e.icc());
      LibHeif.EncodingOptions o = new LibHeif.EncodingOptions(options);
      o.save_alpha_channel = (byte) (alpha ? 1 : 0);
      if (o.version >= 5 && e.orientation() > 1) {
        o.image_orientation = e.orientation();
      }
      o.write();
      Heif.check(lib.heif_context_encode_image(ctx, image.getValue(), encoder.getValue(), options, handle), "encode");
      if (e.exif() != null) {
        Heif.check(lib.heif_context_add_exif_metadata(ctx, handle.getValue(), e.exif(), e.exif().length), "add EXIF");
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
      SINKS.put(sinkId, out);
      LibHeif.Writer writer = new LibHeif.Writer(WRITE);
      Heif.check(lib.heif_context_write(ctx, writer, new Pointer(sinkId)), "write the file");
      Reference.reachabilityFence(writer);
      return out.toByteArray();
    } finally {
      SINKS.remove(sinkId);
      release(handle.getValue(), image.getValue(), encoder.getValue(), options, ctx);
    }
  }

  private void configure(Pointer encoder, Encoding e) throws IOException {
    Heif.check(lib.heif_encoder_set_lossy_quality(encoder, e.quality()), "set the quality");
    if (e.avif()) {
      Heif.check(lib.heif_encoder_set_parameter_integer(encoder, "speed", e.speed()), "set the speed");
      // libaom's tune=ssim (libheif 1.15's default, said explicitly: psnr costs 2-13 % more bytes at
      // equal luma SSIM). Best effort: another AV1 encoder (rav1e, SVT-AV1) has no such parameter.
      lib.heif_encoder_set_parameter_string(encoder, "tune", "ssim");
      // One thread a job: the optimizer runs a job per core already.
      Heif.check(lib.heif_encoder_set_parameter_integer(encoder, "threads", 1), "set the threads");
    }
    Heif.check(lib.heif_encoder_set_parameter_string(encoder, "chroma", "420"), "set 4:2:0");
  }

  private void fill(Pointer image, BufferedImage src, boolean alpha) throws IOException {
    int w = src.getWidth();
    int h = src.getHeight();
    Heif.check(lib.heif_image_add_plane(image, LibHeif.CHANNEL_INTERLEAVED, w, h, 8), "add a plane");
    IntByReference strideRef = new IntByReference();
    Pointer plane = lib.heif_image_get_plane(image, LibHeif.CHANNEL_INTERLEAVED, strideRef);
    int stride = strideRef.getValue();
    int bpp = alpha ? 4 : 3;
    byte[] buf = new byte[stride * (h - 1) + w * bpp];
    int[] row = new int[w];
    for (int y = 0; y < h; y++) {
      src.getRGB(0, y, w, 1, row, 0, w);
      for (int x = 0, o = y * stride; x < w; x++, o += bpp) {
        int p = row[x];
        buf[o] = (byte) (p >> 16);
        buf[o + 1] = (byte) (p >> 8);
        buf[o + 2] = (byte) p;
        if (alpha) {
          buf[o + 3] = (byte) (p >>> 24);
        }
      }
    }
    plane.write(0, buf, 0, buf.length);
  }

  /** libheif 1.15 writes "unspecified" primaries by default: say sRGB, or attach the given profile. */
  private void describeColours(Pointer image, byte[] icc) throws IOException {
    if (icc != null) {
      Heif.check(lib.heif_image_set_raw_color_profile(image, "prof", icc, icc.length), "attach the profile");
      return;
    }
    Pointer nclx = lib.heif_nclx_color_profile_alloc();
    try {
      Heif.check(lib.heif_nclx_color_profile_set_color_primaries(nclx, (short) 1), "set BT.709 primaries");
      Heif.check(lib.heif_nclx_color_profile_set_transfer_characteristics(nclx, (short) 13), "set the sRGB curve");
      Heif.check(lib.heif_nclx_color_profile_set_matrix_coefficients(nclx, (short) 6), "set the BT.601 matrix");
      nclx.setByte(16, (byte) 1);
      Heif.check(lib.heif_image_set_nclx_color_profile(image, nclx), "describe the colours");
    } finally {
      lib.heif_nclx_color_profile_free(nclx);
    }
  }

  private void release(Pointer handle, Pointer image, Pointer encoder, Pointer options, Pointer ctx) {
    if (handle != null) {
      lib.heif_image_handle_release(handle);
    }
    if (image != null) {
      lib.heif_image_release(image);
    }
    if (encoder != null) {
      lib.heif_encoder_release(encoder);
    }
    lib.heif_encoding_options_free(options);
    lib.heif_context_free(ctx);
  }

  private static Memory message(String text) {
    Memory m = new Memory(text.length() + 1);
    m.setString(0, text);
    return m;
  }
}
