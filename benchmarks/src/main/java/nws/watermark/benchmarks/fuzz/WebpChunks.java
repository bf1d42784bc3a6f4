package nws.watermark.benchmarks.fuzz;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import nws.watermark.benchmarks.fuzz.RiffChunks.Chunk;

/**
 * The WebP operations that add or rewrite whole chunks, apart from {@link WebpMutator} to keep
 * both short: VP8X, metadata chunks, animation, alpha. Each answers what it did.
 */
final class WebpChunks {

  private WebpChunks() {}

  /** A VP8X whose flags and canvas need not agree with the chunks that follow. */
  static String vp8x(RiffChunks webp, Random r) {
    byte[] x = new byte[10];
    int flags = r.nextInt(256);
    long[] s = Endian.size(r, 24, 1 + r.nextInt(256), 1 + r.nextInt(256));
    Endian.put8(x, 0, flags);
    Endian.put24le(x, 4, s[0] - 1);
    Endian.put24le(x, 7, s[1] - 1);
    webp.chunks.removeIf(c -> c.fourcc().equals("VP8X"));
    webp.chunks.add(0, new Chunk("VP8X", x));
    return "flags 0x" + Integer.toHexString(flags) + " canvas " + s[0] + "x" + s[1];
  }

  /** An ICCP of garbage, an EXIF with looping IFDs or an XMP of junk, flagged in VP8X or not. */
  static String metadata(RiffChunks webp, Random r) {
    int kind = r.nextInt(3);
    List<String> what = new ArrayList<>();
    byte[] data = switch (kind) {
      case 0 -> JpegTables.iccChunk(r);
      case 1 -> r.nextBoolean() ? ExifBlocks.tiff(r, what) : ExifBlocks.app1(r, what);
      default -> "<x:xmpmeta><rdf:RDF><rdf:Description".repeat(1 + r.nextInt(200)).getBytes(
          StandardCharsets.US_ASCII);
    };
    String fourcc = new String[] {"ICCP", "EXIF", "XMP "}[kind];
    int x = webp.find("VP8X");
    if (x >= 0) {
      Endian.put8(webp.chunks.get(x).data(), 0, Endian.u8(webp.chunks.get(x).data(), 0) | new int[] {0x20, 0x08, 0x04}[kind]);
    }
    webp.chunks.add(x >= 0 && kind == 0 ? x + 1 : webp.chunks.size(), new Chunk(fourcc, data));
    return fourcc.trim() + (what.isEmpty() ? "" : " " + what.get(0)) + (x >= 0 ? ", flagged" : ", no VP8X");
  }

  /** The animation flag, an ANIM, and ANMF frames around the image with odd offsets, sizes and durations. */
  static String anim(RiffChunks webp, Random r) {
    int bits = webp.bitstream();
    if (bits < 0) {
      return "skipped: no bitstream";
    }
    Chunk image = webp.chunks.get(bits);
    if (webp.find("VP8X") < 0) {
      vp8x(webp, r);
    }
    byte[] x = webp.chunks.get(webp.find("VP8X")).data();
    Endian.put8(x, 0, Endian.u8(x, 0) | 0x02);
    webp.chunks.add(new Chunk("ANIM", new byte[] {0, 0, 0, 0, (byte) r.nextInt(256), 0}));
    int frames = 1 + r.nextInt(4);
    for (int i = 0; i < frames; i++) {
      byte[] header = new byte[16];
      Endian.put24le(header, 0, Endian.edge(r, 24, 0));
      Endian.put24le(header, 3, Endian.edge(r, 24, 0));
      Endian.put24le(header, 6, Endian.edge(r, 24, 64));
      Endian.put24le(header, 9, Endian.edge(r, 24, 64));
      Endian.put24le(header, 12, r.nextInt(1000));
      byte[] fourcc = image.fourcc().getBytes(StandardCharsets.ISO_8859_1);
      header[15] = (byte) r.nextInt(4);
      byte[] sub = new byte[8 + image.data().length];
      System.arraycopy(fourcc, 0, sub, 0, 4);
      Endian.put32le(sub, 4, image.data().length);
      System.arraycopy(image.data(), 0, sub, 8, image.data().length);
      webp.chunks.add(new Chunk("ANMF", Multipart.concat(header, sub)));
    }
    boolean moved = r.nextBoolean();
    if (moved) {
      webp.chunks.remove(image);
    }
    return frames + " ANMF frames" + (moved ? ", the still image gone" : "");
  }

  /** An ALPH chunk whose header byte (method, filter, pre-processing) and data are garbage. */
  static String alph(RiffChunks webp, Random r) {
    byte[] a = new byte[1 + r.nextInt(2048)];
    r.nextBytes(a);
    int at = webp.find("ALPH");
    if (at >= 0) {
      webp.chunks.set(at, new Chunk("ALPH", a));
    } else {
      int bits = webp.bitstream();
      webp.chunks.add(Math.max(0, bits), new Chunk("ALPH", a));
    }
    return "header 0x" + Integer.toHexString(a[0] & 0xff) + ", " + a.length + " bytes";
  }
}
