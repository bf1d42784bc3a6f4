package nws.watermark.benchmarks.fuzz;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.CRC32;

/**
 * A PNG cut into its chunks, to edit as a list and write back with every CRC recomputed, so the
 * decoder gets past the checksum to the field that was changed. One chunk may keep a wrong CRC or
 * a lying length on purpose.
 */
final class PngChunks {

  static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

  /** One chunk: its four-letter type and its data. */
  record Chunk(String type, byte[] data) {}

  final List<Chunk> chunks = new ArrayList<>();
  private int crcLieAt = -1;
  private int lengthLieAt = -1;
  private long lengthLie;

  /** The chunks of {@code png}, up to the first one cut short; null when it is not a PNG. */
  static PngChunks parse(byte[] png) {
    if (png.length < 8 || !Arrays.equals(Arrays.copyOf(png, 8), SIGNATURE)) {
      return null;
    }
    PngChunks parsed = new PngChunks();
    for (int i = 8; i + 12 <= png.length; ) {
      long length = Endian.u32be(png, i);
      if (length > png.length - i - 12) {
        break;
      }
      String type = new String(png, i + 4, 4, StandardCharsets.ISO_8859_1);
      parsed.chunks.add(new Chunk(type, Arrays.copyOfRange(png, i + 8, i + 8 + (int) length)));
      i += 12 + (int) length;
    }
    return parsed.find("IHDR") < 0 ? null : parsed;
  }

  int find(String type) {
    for (int i = 0; i < chunks.size(); i++) {
      if (chunks.get(i).type().equals(type)) {
        return i;
      }
    }
    return -1;
  }

  byte[] ihdr() {
    return chunks.get(find("IHDR")).data();
  }

  /** The IDAT chunks' data joined: the zlib stream. */
  byte[] idat() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    chunks.stream().filter(c -> c.type().equals("IDAT")).forEach(c -> out.writeBytes(c.data()));
    return out.toByteArray();
  }

  /** Replaces the IDAT chunks with {@code pieces}, where the first IDAT was (or before IEND). */
  void replaceIdat(List<byte[]> pieces) {
    int at = find("IDAT");
    chunks.removeIf(c -> c.type().equals("IDAT"));
    int where = at >= 0 ? Math.min(at, chunks.size()) : Math.max(0, find("IEND") < 0 ? chunks.size() : find("IEND"));
    for (int i = pieces.size() - 1; i >= 0; i--) {
      chunks.add(where, new Chunk("IDAT", pieces.get(i)));
    }
  }

  /** Inserts {@code chunk} just before the first IDAT (or IEND, or at the end). */
  void insertBeforeData(Chunk chunk) {
    int at = find("IDAT");
    at = at >= 0 ? at : find("IEND");
    chunks.add(at >= 0 ? at : chunks.size(), chunk);
  }

  void keepWrongCrc(int index) {
    crcLieAt = index;
  }

  void lieAboutLength(int index, long length) {
    lengthLieAt = index;
    lengthLie = length;
  }

  byte[] bytes() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(SIGNATURE);
    byte[] word = new byte[4];
    for (int i = 0; i < chunks.size(); i++) {
      Chunk c = chunks.get(i);
      byte[] type = c.type().getBytes(StandardCharsets.ISO_8859_1);
      Endian.put32be(word, 0, i == lengthLieAt ? lengthLie : c.data().length);
      out.writeBytes(word);
      out.writeBytes(type);
      out.writeBytes(c.data());
      CRC32 crc = new CRC32();
      crc.update(type);
      crc.update(c.data());
      Endian.put32be(word, 0, i == crcLieAt ? ~crc.getValue() : crc.getValue());
      out.writeBytes(word);
    }
    return out.toByteArray();
  }
}
