package nws.watermark.api.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.client.HttpResponse;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import java.util.function.Supplier;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import nws.watermark.api.Service;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Files made to hurt an image service, beyond the corpus: forged headers, lies about size,
 * truncation, garbage. None may cause a 5xx, a hang or an out-of-memory; bombs are refused from
 * the header. An expected code of "-" means any 4xx or a 200 is fine (lenient decoders differ).
 */
class HostileInputTest {

  @RegisterExtension
  static final Service service = Service.start();

  static Stream<Arguments> hostile() {
    byte[] storm = Service.corpus("photo_2mp_storm.jpg");
    byte[] coffee = Service.corpus("photo_coffee.png");
    byte[] gif = Service.corpus("anim3.gif");
    byte[] bmp = Service.corpus("photo.bmp");
    byte[] webp = Service.corpus("photo_picos.webp");
    return Stream.of(
        row("png claiming 100000x100000", "h.png", () -> png(100_000, 100_000, new byte[0]), 422, "TOO_MANY_PIXELS"),
        row("png claiming 0x0", "h.png", () -> png(0, 0, new byte[0]), 422, "UNDECODABLE_IMAGE"),
        row("png 9000x9000 with no pixel data", "h.png", () -> png(9000, 9000, new byte[0]), 422, "UNDECODABLE_IMAGE"),
        row("png with a broken IHDR CRC", "h.png", () -> flip(coffee, 29), 0, "-"),
        row("png cut in half", "h.png", () -> Arrays.copyOf(coffee, coffee.length / 2), 422, "UNDECODABLE_IMAGE"),
        row("jpeg SOF patched to 65500x65500", "h.jpg", () -> jpegSize(storm, 65500, 65500), 422, "TOO_MANY_PIXELS"),
        row("jpeg SOF patched to 0 width", "h.jpg", () -> jpegSize(storm, 0, 1280), 422, "UNDECODABLE_IMAGE"),
        row("jpeg header only", "h.jpg", () -> Arrays.copyOf(storm, 2000), 422, "UNDECODABLE_IMAGE"),
        row("jpeg with garbage scan data", "h.jpg", () -> garbage(storm, 5000, storm.length - 2), 0, "-"),
        row("jpeg magic then random bytes", "h.jpg", () -> prefix(new byte[] {(byte) 0xff, (byte) 0xd8, (byte) 0xff}, 50_000), 0, "-"),
        row("gif with a 65535x65535 frame", "h.gif", () -> gifSize(gif, 65535, 65535), 422, "TOO_MANY_PIXELS"),
        row("gif cut after the header", "h.gif", () -> Arrays.copyOf(gif, 40), 0, "-"),
        row("bmp claiming 60000x60000", "h.bmp", () -> bmpSize(bmp, 60000, 60000), 422, "UNDECODABLE_IMAGE"),
        row("bmp claiming negative width", "h.bmp", () -> bmpSize(bmp, -800, 533), 0, "-"),
        row("bmp cut in half", "h.bmp", () -> Arrays.copyOf(bmp, bmp.length / 2), 0, "-"),
        row("webp cut in half", "h.webp", () -> Arrays.copyOf(webp, webp.length / 2), 0, "-"),
        row("webp VP8X canvas 16384x16384", "h.webp", HostileInputTest::webpCanvas, 0, "-"),
        row("random bytes", "h.jpg", () -> prefix(new byte[0], 100_000), 415, "UNSUPPORTED_FORMAT"),
        row("svg text", "h.svg", () -> "<svg xmlns='http://www.w3.org/2000/svg'/>".getBytes(StandardCharsets.UTF_8), 415, "UNSUPPORTED_FORMAT"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("hostile")
  void a_hostile_file_gets_a_clear_client_error_never_a_5xx(String name, String file, Supplier<byte[]> bytes,
      int status, String code) {
    HttpResponse<Buffer> r = service.upload(file, bytes.get(), "");
    assertTrue(r.statusCode() < 500, name + " gave " + r.statusCode() + " " + r.bodyAsString());
    if (status != 0) {
      CorpusTest.assertError(r, status, code);
    } else if (r.statusCode() != 200) {
      assertTrue(r.statusCode() >= 400, name + ": " + r.statusCode());
      assertTrue(r.bodyAsJsonObject().getString("error").matches("[A-Z_]+"), r.bodyAsString());
    }
  }

  @Test
  void the_service_is_still_healthy_after_the_hostile_files() {
    hostile().forEach(args -> service.upload((String) args.get()[1], ((Supplier<byte[]>) args.get()[2]).get(), "?q=55"));
    assertEquals(200, service.upload("photo_03mp_rocket.jpg").statusCode());
  }

  private static Arguments row(String name, String file, Supplier<byte[]> bytes, int status, String code) {
    return Arguments.of(name, file, bytes, status, code);
  }

  /** A PNG with an IHDR for {@code w} x {@code h} 8-bit grey, the given IDAT, and IEND. */
  static byte[] png(int w, int h, byte[] idat) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
    ByteBuffer ihdr = ByteBuffer.allocate(13).putInt(w).putInt(h).put((byte) 8).put((byte) 0).put((byte) 0)
        .put((byte) 0).put((byte) 0);
    chunk(out, "IHDR", ihdr.array());
    chunk(out, "IDAT", idat);
    chunk(out, "IEND", new byte[0]);
    return out.toByteArray();
  }

  private static void chunk(ByteArrayOutputStream out, String type, byte[] data) {
    byte[] typeBytes = type.getBytes(StandardCharsets.US_ASCII);
    CRC32 crc = new CRC32();
    crc.update(typeBytes);
    crc.update(data);
    out.writeBytes(ByteBuffer.allocate(4).putInt(data.length).array());
    out.writeBytes(typeBytes);
    out.writeBytes(data);
    out.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
  }

  /** The JPEG with its SOF0/SOF2 dimensions replaced. */
  static byte[] jpegSize(byte[] jpeg, int w, int h) {
    byte[] out = jpeg.clone();
    for (int i = 2; i + 9 < out.length; ) {
      int marker = out[i + 1] & 0xff;
      int length = ((out[i + 2] & 0xff) << 8) | (out[i + 3] & 0xff);
      if (marker == 0xc0 || marker == 0xc2) {
        out[i + 5] = (byte) (h >> 8);
        out[i + 6] = (byte) h;
        out[i + 7] = (byte) (w >> 8);
        out[i + 8] = (byte) w;
        return out;
      }
      i += 2 + length;
    }
    throw new IllegalStateException("no SOF marker");
  }

  /** The GIF with its first image descriptor (and logical screen) set to {@code w} x {@code h}. */
  static byte[] gifSize(byte[] gif, int w, int h) {
    byte[] out = gif.clone();
    ByteBuffer b = ByteBuffer.wrap(out).order(ByteOrder.LITTLE_ENDIAN);
    b.putShort(6, (short) w).putShort(8, (short) h);
    int i = 13 + ((out[10] & 0x80) != 0 ? 3 * (1 << ((out[10] & 7) + 1)) : 0);
    while (out[i] != 0x2c) {
      // Skip extension blocks (0x21 label, then sub-blocks) up to the image descriptor.
      i += 2;
      while (out[i] != 0) {
        i += (out[i] & 0xff) + 1;
      }
      i++;
    }
    b.putShort(i + 5, (short) w).putShort(i + 7, (short) h);
    return out;
  }

  static byte[] bmpSize(byte[] bmp, int w, int h) {
    byte[] out = bmp.clone();
    ByteBuffer.wrap(out).order(ByteOrder.LITTLE_ENDIAN).putInt(18, w).putInt(22, h);
    return out;
  }

  /** A VP8X WebP whose canvas is 16384 x 16384, with no image data after it. */
  static byte[] webpCanvas() {
    ByteBuffer b = ByteBuffer.allocate(30).order(ByteOrder.LITTLE_ENDIAN);
    b.put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt(22).put("WEBP".getBytes(StandardCharsets.US_ASCII));
    b.put("VP8X".getBytes(StandardCharsets.US_ASCII)).putInt(10).putInt(0);
    int w = 16383;
    int h = 16383;
    b.put((byte) w).put((byte) (w >> 8)).put((byte) (w >> 16));
    b.put((byte) h).put((byte) (h >> 8)).put((byte) (h >> 16));
    return b.array();
  }

  static byte[] flip(byte[] bytes, int index) {
    byte[] out = bytes.clone();
    out[index] ^= 0x5a;
    return out;
  }

  static byte[] garbage(byte[] bytes, int from, int to) {
    byte[] out = bytes.clone();
    Random random = new Random(42);
    for (int i = from; i < to; i += 7) {
      out[i] = (byte) random.nextInt();
    }
    return out;
  }

  static byte[] prefix(byte[] head, int size) {
    byte[] out = new byte[size];
    new Random(7).nextBytes(out);
    System.arraycopy(head, 0, out, 0, head.length);
    return out;
  }
}
