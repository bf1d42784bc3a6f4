package nws.watermark.optimizer.codec;

import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.PointerByReference;
import java.io.IOException;
import java.lang.ref.Reference;
import java.util.Optional;
import nws.watermark.optimizer.codec.LibHeif.HeifError;

/**
 * libheif, from Debian's {@code libheif1}, loaded through JNA: HEIC (libde265) and AVIF (dav1d)
 * in, AVIF (libaom) out. {@link #load()} is empty, with a reason for the startup log, where the
 * library is missing or too old. Every call has a context of its own, so threads never share one.
 */
public final class Heif {

  /** The package that brings it, for the message naming what is missing. */
  public static final String PACKAGE = "libheif1";

  private static final Optional<Heif> INSTANCE = tryLoad();
  private static volatile String unavailableReason;

  final LibHeif lib;
  private final String version;
  private final boolean decodesHevc;
  private final boolean decodesAv1;
  private final boolean encodesAv1;

  private Heif(LibHeif lib) {
    this.lib = lib;
    this.version = lib.heif_get_version();
    this.decodesHevc = lib.heif_have_decoder_for_format(LibHeif.COMPRESSION_HEVC) != 0;
    this.decodesAv1 = lib.heif_have_decoder_for_format(LibHeif.COMPRESSION_AV1) != 0;
    this.encodesAv1 = lib.heif_have_encoder_for_format(LibHeif.COMPRESSION_AV1) != 0;
  }

  /** The library, when it loads and initialises. */
  public static Optional<Heif> load() {
    return INSTANCE;
  }

  /** Why {@link #load()} is empty. */
  public static String unavailableReason() {
    return unavailableReason;
  }

  private static Optional<Heif> tryLoad() {
    try {
      LibHeif lib = Native.load("heif", LibHeif.class);
      // Once, at start: ref-counted and locked inside libheif (and where to load codec plugins from).
      HeifError init = lib.heif_init(null);
      if (!init.ok()) {
        unavailableReason = "libheif did not initialise: " + init.text();
        return Optional.empty();
      }
      return Optional.of(new Heif(lib));
    } catch (UnsatisfiedLinkError | NoClassDefFoundError e) {
      unavailableReason = "libheif (1.13 or later) is not installed: " + e.getMessage();
      return Optional.empty();
    }
  }

  public String version() {
    return version;
  }

  public boolean decodesHeic() {
    return decodesHevc;
  }

  public boolean decodesAvif() {
    return decodesAv1;
  }

  public boolean encodesAvif() {
    return encodesAv1;
  }

  /** Width, height and alpha of a file's primary image, from its boxes alone: no pixel is decoded. */
  public record Header(int width, int height, boolean alpha) {}

  /** The header of {@code data}; fails for a file libheif cannot parse. */
  public Header header(byte[] data, int length) throws IOException {
    try (Context ctx = open(data, length)) {
      return ctx.header();
    }
  }

  Context open(byte[] data, int length) throws IOException {
    return new Context(this, data, length);
  }

  static void check(HeifError error, String what) throws IOException {
    if (!error.ok()) {
      throw new IOException("libheif could not " + what + ": " + error.text());
    }
  }

  /** One file read into libheif: a context and its primary image's handle, freed by {@link #close}. */
  static final class Context implements AutoCloseable {
    final LibHeif lib;
    final Pointer ctx;
    final Pointer handle;
    /** libheif reads the file from here until the context is freed. */
    private final Memory file;

    private Context(Heif heif, byte[] data, int length) throws IOException {
      this.lib = heif.lib;
      this.file = new Memory(Math.max(1, length));
      file.write(0, data, 0, length);
      this.ctx = lib.heif_context_alloc();
      if (ctx == null) {
        throw new IOException("libheif could not allocate a context");
      }
      PointerByReference primary = new PointerByReference();
      try {
        // A side longer than this is refused while parsing, before any pixel memory is taken.
        lib.heif_context_set_maximum_image_size_limit(ctx, 65_535);
        check(lib.heif_context_read_from_memory_without_copy(ctx, file, length, null), "read the file");
        check(lib.heif_context_get_primary_image_handle(ctx, primary), "find its primary image");
      } catch (IOException e) {
        lib.heif_context_free(ctx);
        throw e;
      }
      this.handle = primary.getValue();
    }

    Header header() {
      return new Header(lib.heif_image_handle_get_width(handle), lib.heif_image_handle_get_height(handle),
          lib.heif_image_handle_has_alpha_channel(handle) != 0);
    }

    @Override
    public void close() {
      lib.heif_image_handle_release(handle);
      lib.heif_context_free(ctx);
      Reference.reachabilityFence(file);
    }
  }
}
