package nws.watermark.optimizer.colour;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The colour profiles phones, cameras and editors tag photos with, from Debian's packages
 * ({@code colord-data}: sRGB, Adobe RGB; {@code argyll-ref}: Display P3), and photos tagged with
 * them, made at test time with ImageMagick ({@code imagemagick}; its own {@code convert}, by full
 * path). Nothing is committed.
 */
public final class Profiles {

  public static final Path SRGB = Path.of("/usr/share/color/icc/colord/sRGB.icc");
  public static final Path ADOBE_RGB = Path.of("/usr/share/color/icc/colord/AdobeRGB1998.icc");
  public static final Path DISPLAY_P3 = Path.of("/usr/share/color/argyll/ref/DisplayP3.icm");
  public static final Path REC709 = Path.of("/usr/share/color/icc/colord/Rec709.icc");
  static final Path CONVERT = Path.of("/usr/bin/convert");

  private Profiles() {}

  public static byte[] bytes(Path profile) {
    assertTrue(Files.isReadable(profile), profile + " exists (apt-get install colord-data argyll-ref)");
    try {
      return Files.readAllBytes(profile);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * {@code source} (an untagged sRGB photo) converted into {@code profile}'s colours and saved as a
   * JPEG that carries it: what a phone (Display P3) or a camera (Adobe RGB) writes.
   */
  public static Path tagged(Path source, Path profile, Path dir) {
    Path out = dir.resolve(source.getFileName() + "." + profile.getFileName() + ".jpg");
    magick(source.toString(), "-profile", SRGB.toString(), "-profile", profile.toString(), "-quality", "92",
        out.toString());
    return out;
  }

  /** ImageMagick's convert with these arguments; fails the test when it fails. */
  public static void magick(String... args) {
    assertTrue(Files.isExecutable(CONVERT), "ImageMagick's " + CONVERT + " (apt-get install imagemagick)");
    List<String> command = new ArrayList<>(List.of(CONVERT.toString()));
    command.addAll(List.of(args));
    try {
      Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
      String output = new String(p.getInputStream().readAllBytes());
      assertTrue(p.waitFor(120, TimeUnit.SECONDS), "convert finishes");
      assertEquals(0, p.exitValue(), () -> String.join(" ", command) + ": " + output);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }
}
