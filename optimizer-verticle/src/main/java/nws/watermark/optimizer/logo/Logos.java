package nws.watermark.optimizer.logo;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import net.coobird.thumbnailator.Thumbnails;
import nws.watermark.shared.ErrorCode;
import nws.watermark.shared.Options;
import nws.watermark.shared.Presets;
import nws.watermark.shared.ServiceException;

/**
 * The PNG logos of {@code NWS_WATERMARK_DIR} for {@code wmimg}: read and checked once per process
 * and folder (a bad file stops the start, named), each named by its file name without {@code .png},
 * alpha kept. A logo scaled to a size is kept (bounded) so a render only draws it. Thread-safe.
 */
public final class Logos {

  /** No folder configured: every {@code wmimg} is refused. */
  public static final Logos NONE = new Logos("", Map.of());

  static final int MAX_LOGOS = 100;
  static final long MAX_FILE_BYTES = 8L << 20;
  static final int MAX_SIDE = 4096;
  static final long MAX_PIXELS = 4_000_000;
  private static final long SCALED_BYTES = 64L << 20;
  private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
  private static final Map<String, Logos> READ = new ConcurrentHashMap<>();

  private final String dir;
  private final Map<String, BufferedImage> originals;
  private final Cache<Size, BufferedImage> scaled = Caffeine.newBuilder()
      .maximumWeight(SCALED_BYTES)
      .<Size, BufferedImage>weigher((size, image) -> size.width * size.height * 4)
      .build();

  private Logos(String dir, Map<String, BufferedImage> originals) {
    this.dir = dir;
    this.originals = originals;
  }

  /**
   * The logos of {@code dir} ({@link #NONE} for an empty one), read on the first call for that
   * folder. Blocking: call it at start, on a worker thread.
   *
   * @throws IllegalArgumentException naming NWS_WATERMARK_DIR and the file at fault
   */
  public static Logos of(String dir) {
    return dir.isEmpty() ? NONE : READ.computeIfAbsent(dir, Logos::read);
  }

  /** The names {@code wmimg} takes, sorted. */
  public Set<String> names() {
    return new TreeSet<>(originals.keySet());
  }

  /** Whether {@code name} is one of them; the refusal otherwise lists them. */
  public void check(String name) {
    if (!name.isEmpty() && !originals.containsKey(name)) {
      throw new ServiceException(ErrorCode.INVALID_OPTION, originals.isEmpty()
          ? "wmimg='" + name + "': this node has no logos (NWS_WATERMARK_DIR is not set)"
          : "unknown logo wmimg='" + name + "'; logos are " + String.join(", ", names()));
    }
  }

  /**
   * Refuses presets that name a logo this folder lacks: a configuration error found at start, not
   * a client's 400 on every request for the preset.
   *
   * @throws IllegalArgumentException naming the preset and the logo
   */
  public void checkPresets(Presets presets) {
    presets.valuesOf(Options.WMIMG).forEach((preset, logo) -> {
      if (!logo.isEmpty() && !originals.containsKey(logo)) {
        throw new IllegalArgumentException("NWS_PRESETS: preset '" + preset + "' names logo '" + logo + "', which "
            + (originals.isEmpty() ? "no NWS_WATERMARK_DIR holds" : dir + " lacks (logos: " + String.join(", ", names()) + ")"));
      }
    });
  }

  /** The logo's own width and height. */
  public int[] size(String name) {
    check(name);
    BufferedImage logo = originals.get(name);
    return new int[] {logo.getWidth(), logo.getHeight()};
  }

  /** Logo {@code name} at {@code width} x {@code height}, premultiplied ARGB; scaled once per size. */
  public BufferedImage scaled(String name, int width, int height) {
    check(name);
    return scaled.get(new Size(name, width, height), s -> scale(originals.get(name), width, height));
  }

  private static BufferedImage scale(BufferedImage logo, int width, int height) {
    if (logo.getWidth() == width && logo.getHeight() == height) {
      return logo;
    }
    try {
      BufferedImage out = Thumbnails.of(logo).forceSize(width, height).asBufferedImage();
      return out.getType() == BufferedImage.TYPE_INT_ARGB_PRE ? out : premultiplied(out);
    } catch (IOException e) {
      throw new IllegalStateException("scaling a logo in memory failed", e);
    }
  }

  private static Logos read(String dir) {
    Path folder = Path.of(dir);
    if (!Files.isDirectory(folder)) {
      throw new IllegalArgumentException("NWS_WATERMARK_DIR must be a folder of PNG logos, got '" + dir + "'");
    }
    List<Path> files;
    try (Stream<Path> listing = Files.list(folder)) {
      files = listing.filter(p -> p.getFileName().toString().toLowerCase().endsWith(".png")).sorted().toList();
    } catch (IOException e) {
      throw new IllegalArgumentException("NWS_WATERMARK_DIR '" + dir + "' cannot be listed: " + e.getMessage());
    }
    if (files.size() > MAX_LOGOS) {
      throw new IllegalArgumentException("NWS_WATERMARK_DIR '" + dir + "' holds " + files.size()
          + " PNG files; at most " + MAX_LOGOS + " logos are read");
    }
    Map<String, BufferedImage> logos = new TreeMap<>();
    for (Path file : files) {
      String name = file.getFileName().toString();
      name = name.substring(0, name.length() - 4);
      if (!name.matches(Options.LOGO_NAME)) {
        throw bad(file, "its name (without .png) must be letters, digits, - and _, at most 64");
      }
      if (logos.containsKey(name)) {
        throw bad(file, "another file has the name '" + name + "'");
      }
      logos.put(name, decode(file));
    }
    return new Logos(dir, Map.copyOf(logos));
  }

  /** Size checked from the header before a pixel is decoded, as for uploads. */
  private static BufferedImage decode(Path file) {
    byte[] bytes;
    try {
      if (Files.size(file) > MAX_FILE_BYTES) {
        throw bad(file, "it is over " + (MAX_FILE_BYTES >> 20) + " MiB");
      }
      bytes = Files.readAllBytes(file);
    } catch (IOException e) {
      throw bad(file, "it cannot be read (" + e.getMessage() + ")");
    }
    if (bytes.length < 24 || !java.util.Arrays.equals(bytes, 0, 8, PNG, 0, 8)) {
      throw bad(file, "it is not a PNG");
    }
    long width = ByteBuffer.wrap(bytes, 16, 4).getInt() & 0xffffffffL;
    long height = ByteBuffer.wrap(bytes, 20, 4).getInt() & 0xffffffffL;
    if (width < 1 || height < 1 || width > MAX_SIDE || height > MAX_SIDE || width * height > MAX_PIXELS) {
      throw bad(file, "it is " + width + "x" + height + "; a logo is at most " + MAX_SIDE + " px a side and "
          + MAX_PIXELS / 1_000_000 + " megapixels");
    }
    try {
      BufferedImage image = ImageIO.read(new ByteArrayInputStream(bytes));
      if (image == null) {
        throw bad(file, "it does not decode as a PNG");
      }
      return premultiplied(image);
    } catch (IOException | RuntimeException e) {
      if (e instanceof IllegalArgumentException refusal && refusal.getMessage().startsWith("NWS_WATERMARK_DIR")) {
        throw refusal;
      }
      throw bad(file, "it does not decode as a PNG (" + e.getMessage() + ")");
    }
  }

  private static BufferedImage premultiplied(BufferedImage image) {
    BufferedImage out = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_ARGB_PRE);
    Graphics2D g = out.createGraphics();
    try {
      g.drawImage(image, 0, 0, null);
    } finally {
      g.dispose();
    }
    return out;
  }

  private static IllegalArgumentException bad(Path file, String why) {
    return new IllegalArgumentException("NWS_WATERMARK_DIR: logo " + file + " cannot be used: " + why);
  }

  @Override
  public String toString() {
    return dir.isEmpty() ? "no logos" : names() + " from " + dir;
  }

  private record Size(String name, int width, int height) {}
}
