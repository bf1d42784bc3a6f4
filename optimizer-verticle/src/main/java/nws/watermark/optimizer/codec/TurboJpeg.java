package nws.watermark.optimizer.codec;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * libjpeg-turbo through its own JNI binding, the TurboJPEG Java API that Debian ships as
 * {@code libturbojpeg-java} ({@value #DEFAULT_JAR}, native code in {@code libturbojpeg.so} from
 * {@code libturbojpeg0-dev}). That jar is not on Maven Central, so the build never sees it: it is
 * loaded at run time in its own class loader and called reflectively through this one small
 * surface (header, scaled decode, encode). Where the jar or the native library is missing, {@link
 * #load()} answers empty and the pipeline stays pure Java.
 */
public final class TurboJpeg {

  static final String DEFAULT_JAR = "/usr/share/java/turbojpeg.jar";
  /** Overrides where the jar is looked for (another distribution, a hand-built libjpeg-turbo). */
  static final String JAR_PROPERTY = "nws.turbojpeg.jar";

  /** TurboJPEG constants (TJ.java), stable since libjpeg-turbo 1.3. */
  public static final int CS_GRAY = 2;
  public static final int CS_CMYK = 3;
  public static final int CS_YCCK = 4;
  private static final int SAMP_420 = 2;
  /** The accurate integer DCT when compressing (TurboJPEG's default is the fast one): sharp's pixels. */
  private static final int FLAG_ACCURATEDCT = 4096;
  private static final int FLAG_PROGRESSIVE = 16384;

  private static final String PKG = "org.libjpegturbo.turbojpeg.";
  private static final Optional<TurboJpeg> INSTANCE = tryLoad();
  private static volatile String unavailableReason;

  private final Constructor<?> newDecompressor;
  private final Method width;
  private final Method height;
  private final Method colorspace;
  private final Method decompress;
  private final Method closeDecompressor;
  private final Constructor<?> newCompressor;
  private final Method setSourceImage;
  private final Method setSubsamp;
  private final Method setQuality;
  private final Method compress;
  private final Method compressedSize;
  private final Method closeCompressor;
  private final String source;

  private TurboJpeg(ClassLoader loader, String source) throws ReflectiveOperationException {
    Class<?> d = Class.forName(PKG + "TJDecompressor", true, loader);
    Class<?> c = Class.forName(PKG + "TJCompressor", true, loader);
    newDecompressor = d.getConstructor(byte[].class, int.class);
    width = d.getMethod("getWidth");
    height = d.getMethod("getHeight");
    colorspace = d.getMethod("getColorspace");
    decompress = d.getMethod("decompress", int.class, int.class, int.class, int.class);
    closeDecompressor = d.getMethod("close");
    newCompressor = c.getConstructor();
    setSourceImage = c.getMethod("setSourceImage", BufferedImage.class, int.class, int.class, int.class, int.class);
    setSubsamp = c.getMethod("setSubsamp", int.class);
    setQuality = c.getMethod("setJPEGQuality", int.class);
    compress = c.getMethod("compress", int.class);
    compressedSize = c.getMethod("getCompressedSize");
    closeCompressor = c.getMethod("close");
    this.source = source;
  }

  /** The binding, when its jar and native library are both present and work. */
  public static Optional<TurboJpeg> load() {
    return INSTANCE;
  }

  /** Why {@link #load()} is empty, for the startup log. */
  public static String unavailableReason() {
    return unavailableReason;
  }

  /** Where the binding came from, for the startup log and {@code /ready}. */
  public String source() {
    return source;
  }

  private static Optional<TurboJpeg> tryLoad() {
    // Optimized Huffman tables, as sharp writes them: 3-14 % fewer bytes for the same pixels. The
    // 2.1 JNI binding passes this on to libjpeg-turbo (TJ_OPTIMIZE) at each compress.
    System.setProperty("turbojpeg.optimize", "1");
    Path jar = Path.of(System.getProperty(JAR_PROPERTY, DEFAULT_JAR));
    if (!Files.isReadable(jar)) {
      unavailableReason = jar + " not found (apt-get install libturbojpeg-java libturbojpeg0-dev)";
      return Optional.empty();
    }
    try {
      // Its own loader: the JNI library binds to exactly one class loader, and this one lives as
      // long as the JVM.
      ClassLoader loader = new URLClassLoader("turbojpeg", new URL[] {jar.toUri().toURL()},
          TurboJpeg.class.getClassLoader());
      TurboJpeg turbo = new TurboJpeg(loader, jar.toString());
      turbo.selfTest();
      return Optional.of(turbo);
    } catch (Exception | LinkageError e) {
      Throwable cause = e instanceof InvocationTargetException ite ? ite.getCause() : e;
      unavailableReason = "libjpeg-turbo at " + jar + " does not load (" + cause + ")";
      return Optional.empty();
    }
  }

  /** Encodes and decodes one tiny image, so a broken native library is found at startup. */
  private void selfTest() throws IOException {
    BufferedImage probe = new BufferedImage(16, 16, BufferedImage.TYPE_INT_RGB);
    byte[] jpeg = encode(probe, 80);
    try (Decompressor d = open(jpeg, jpeg.length)) {
      d.decode(8, 8);
    }
  }

  /** Opens a JPEG for decoding; reads its header at once. */
  public Decompressor open(byte[] jpeg, int length) throws IOException {
    return new Decompressor(call(newDecompressor, jpeg, length));
  }

  /** Baseline 4:2:0 JPEG of an RGB image at {@code quality}, the same layout ImageIO writes. */
  public byte[] encode(BufferedImage image, int quality) throws IOException {
    return encode(image, quality, false);
  }

  /**
   * 4:2:0 JPEG at {@code quality} with optimized Huffman tables and the accurate DCT, baseline or
   * {@code progressive}, without a JFIF segment.
   */
  public byte[] encode(BufferedImage image, int quality, boolean progressive) throws IOException {
    Object c = call(newCompressor);
    try {
      invoke(setSourceImage, c, image, 0, 0, image.getWidth(), image.getHeight());
      invoke(setSubsamp, c, SAMP_420);
      invoke(setQuality, c, quality);
      byte[] buffer = (byte[]) invoke(compress, c, FLAG_ACCURATEDCT | (progressive ? FLAG_PROGRESSIVE : 0));
      return Jfif.stripped(buffer, (int) invoke(compressedSize, c));
    } finally {
      invoke(closeCompressor, c);
    }
  }

  /** One JPEG being decoded; close it to free the native handle at once. */
  public final class Decompressor implements AutoCloseable {

    private final Object handle;

    private Decompressor(Object handle) {
      this.handle = handle;
    }

    public int width() throws IOException {
      return (int) invoke(width, handle);
    }

    public int height() throws IOException {
      return (int) invoke(height, handle);
    }

    public int colorspace() throws IOException {
      return (int) invoke(colorspace, handle);
    }

    /**
     * Decodes to RGB, scaled in the DCT domain to the largest factor (n/8) that fits the bounds:
     * the pixels that would be thrown away are never computed.
     */
    public BufferedImage decode(int maxWidth, int maxHeight) throws IOException {
      return (BufferedImage) invoke(decompress, handle, maxWidth, maxHeight, BufferedImage.TYPE_INT_RGB, 0);
    }

    @Override
    public void close() throws IOException {
      invoke(closeDecompressor, handle);
    }
  }

  private static Object call(Constructor<?> constructor, Object... args) throws IOException {
    try {
      return constructor.newInstance(args);
    } catch (InvocationTargetException e) {
      throw rethrow(e);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Object invoke(Method method, Object target, Object... args) throws IOException {
    try {
      return method.invoke(target, args);
    } catch (InvocationTargetException e) {
      throw rethrow(e);
    } catch (IllegalAccessException e) {
      throw new IllegalStateException(e);
    }
  }

  /** TJException is an IOException: keep it as one, so callers see the decoder's own message. */
  private static IOException rethrow(InvocationTargetException e) {
    Throwable cause = e.getCause();
    if (cause instanceof IOException io) {
      return io;
    }
    if (cause instanceof RuntimeException re) {
      throw re;
    }
    if (cause instanceof Error err) {
      throw err;
    }
    return new IOException(cause);
  }
}
