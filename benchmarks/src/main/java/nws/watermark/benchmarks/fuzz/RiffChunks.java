package nws.watermark.benchmarks.fuzz;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A WebP file cut into its RIFF chunks (VP8, VP8L, VP8X, ALPH, ICCP, EXIF, ANIM, ANMF, ...), to
 * edit as a list and write back with the RIFF size and every chunk size recomputed and odd chunks
 * padded, unless a size lie is set.
 */
final class RiffChunks {

  /** One chunk: its FourCC and its data. */
  record Chunk(String fourcc, byte[] data) {}

  final List<Chunk> chunks = new ArrayList<>();
  private long riffSizeLie = -1;
  private int chunkLieAt = -1;
  private long chunkSizeLie;
  private boolean noPadding;

  /** The chunks of {@code webp}, up to the first one cut short; null when it is not a WebP. */
  static RiffChunks parse(byte[] webp) {
    if (webp.length < 20 || !new String(webp, 0, 4, StandardCharsets.ISO_8859_1).equals("RIFF")
        || !new String(webp, 8, 4, StandardCharsets.ISO_8859_1).equals("WEBP")) {
      return null;
    }
    RiffChunks parsed = new RiffChunks();
    for (int i = 12; i + 8 <= webp.length; ) {
      long size = Endian.u32le(webp, i + 4);
      if (size > webp.length - i - 8) {
        break;
      }
      parsed.chunks.add(new Chunk(new String(webp, i, 4, StandardCharsets.ISO_8859_1),
          Arrays.copyOfRange(webp, i + 8, i + 8 + (int) size)));
      i += 8 + (int) size + (int) (size & 1);
    }
    return parsed.chunks.isEmpty() ? null : parsed;
  }

  int find(String fourcc) {
    for (int i = 0; i < chunks.size(); i++) {
      if (chunks.get(i).fourcc().equals(fourcc)) {
        return i;
      }
    }
    return -1;
  }

  /** The image bitstream chunk (VP8 or VP8L), or -1. */
  int bitstream() {
    int vp8 = find("VP8 ");
    return vp8 >= 0 ? vp8 : find("VP8L");
  }

  void lieAboutRiffSize(long size) {
    riffSizeLie = size;
  }

  void lieAboutChunkSize(int index, long size) {
    chunkLieAt = index;
    chunkSizeLie = size;
  }

  /** Odd-sized chunks are written without their padding byte. */
  void dropPadding() {
    noPadding = true;
  }

  byte[] bytes() {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    byte[] word = new byte[4];
    for (int i = 0; i < chunks.size(); i++) {
      Chunk c = chunks.get(i);
      body.writeBytes(c.fourcc().getBytes(StandardCharsets.ISO_8859_1));
      Endian.put32le(word, 0, i == chunkLieAt ? chunkSizeLie : c.data().length);
      body.writeBytes(word);
      body.writeBytes(c.data());
      if ((c.data().length & 1) == 1 && !noPadding) {
        body.write(0);
      }
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream(body.size() + 12);
    out.writeBytes("RIFF".getBytes(StandardCharsets.ISO_8859_1));
    Endian.put32le(word, 0, riffSizeLie >= 0 ? riffSizeLie : body.size() + 4);
    out.writeBytes(word);
    out.writeBytes("WEBP".getBytes(StandardCharsets.ISO_8859_1));
    out.writeBytes(body.toByteArray());
    return out.toByteArray();
  }
}
