package nws.watermark.optimizer.logo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import javax.imageio.ImageIO;
import nws.watermark.shared.Presets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LogosTest {

  private static void png(Path file, int w, int h) throws IOException {
    ImageIO.write(new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB), "png", file.toFile());
  }

  private static String refusal(Path dir) {
    return assertThrows(IllegalArgumentException.class, () -> Logos.of(dir.toString())).getMessage();
  }

  @Test
  void logos_are_named_by_file_and_scaled_once_per_size(@TempDir Path dir) throws IOException {
    png(dir.resolve("acme.png"), 300, 100);
    png(dir.resolve("Shop-2.PNG"), 50, 50);
    Files.writeString(dir.resolve("README.txt"), "not a logo, not read");
    Logos logos = Logos.of(dir.toString());
    assertEquals(Set.of("acme", "Shop-2"), logos.names());
    BufferedImage scaled = logos.scaled("acme", 150, 50);
    assertEquals(150, scaled.getWidth());
    assertEquals(BufferedImage.TYPE_INT_ARGB_PRE, scaled.getType());
    assertSame(scaled, logos.scaled("acme", 150, 50), "prepared once per (logo, size)");
    assertSame(logos, Logos.of(dir.toString()), "read once per process");
  }

  @Test
  void a_preset_naming_a_logo_the_folder_lacks_is_refused_naming_both(@TempDir Path dir) throws IOException {
    png(dir.resolve("acme.png"), 30, 10);
    Logos logos = Logos.of(dir.toString());
    logos.checkPresets(Presets.parse("brand=wmimg:acme;thumb=w:100", false, "NWS_PRESETS"));
    String message = assertThrows(IllegalArgumentException.class,
        () -> logos.checkPresets(Presets.parse("brand=wmimg:other", false, "NWS_PRESETS"))).getMessage();
    assertTrue(message.contains("preset 'brand' names logo 'other'") && message.contains("logos: acme"), message);
    assertThrows(IllegalArgumentException.class, () -> Logos.NONE.checkPresets(Presets.parse("b=wmimg:acme", false, "x")));
  }

  @Test
  void a_file_that_is_not_a_png_stops_the_start_naming_it(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("fake.png"), "hello, I am text");
    String message = refusal(dir);
    assertTrue(message.startsWith("NWS_WATERMARK_DIR: logo ") && message.contains("fake.png") && message.contains("not a PNG"),
        message);
  }

  @Test
  void a_logo_too_large_is_refused_from_its_header(@TempDir Path dir) throws IOException {
    png(dir.resolve("big.png"), 10, 10);
    // The header claims 5000 x 5000; nothing that size is decoded.
    byte[] bytes = Files.readAllBytes(dir.resolve("big.png"));
    ByteBuffer.wrap(bytes, 16, 8).putInt(5000).putInt(5000);
    Files.write(dir.resolve("big.png"), bytes);
    String message = refusal(dir);
    assertTrue(message.contains("big.png") && message.contains("5000x5000") && message.contains("at most 4096 px"), message);
  }

  @Test
  void a_bad_name_or_a_missing_folder_stops_the_start(@TempDir Path dir) throws IOException {
    png(dir.resolve("my logo.png"), 10, 10);
    assertTrue(refusal(dir).contains("my logo.png"), refusal(dir));
    String missing = assertThrows(IllegalArgumentException.class, () -> Logos.of(dir.resolve("none").toString())).getMessage();
    assertTrue(missing.startsWith("NWS_WATERMARK_DIR must be a folder of PNG logos"), missing);
  }
}
