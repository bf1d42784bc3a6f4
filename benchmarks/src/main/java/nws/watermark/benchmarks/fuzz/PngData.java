package nws.watermark.benchmarks.fuzz;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import nws.watermark.benchmarks.fuzz.PngChunks.Chunk;

/**
 * The PNG operations that rebuild data, apart from {@link PngMutator} to keep both short: raw rows
 * re-deflated, IDAT split, palettes, compressed text and profiles, chunk order. Each answers what
 * it did.
 */
final class PngData {

  /** Inflating past this is a bomb seed: its IDAT is left to {@code idat-bytes}. */
  private static final int RAW_LIMIT = 16 * 1024 * 1024;

  private PngData() {}

  /** The rows inflated, changed (filter types past 4, rows cut or added, bytes flipped), deflated again. */
  static String raw(PngChunks png, Random r) {
    byte[] raw = Zlib.inflate(png.idat(), RAW_LIMIT);
    if (raw == null || raw.length == 0) {
      return "skipped: IDAT does not inflate within " + RAW_LIMIT + " bytes";
    }
    byte[] ihdr = png.find("IHDR") >= 0 ? png.ihdr() : new byte[13];
    int height = (int) Math.max(1, Math.min(Endian.u32be(ihdr, 4), raw.length));
    int stride = Math.max(1, raw.length / height);
    String what;
    switch (r.nextInt(4)) {
      case 0 -> {
        int n = 1 + r.nextInt(8);
        for (int i = 0; i < n; i++) {
          raw[r.nextInt(height) * stride % raw.length] = (byte) (5 + r.nextInt(251));
        }
        what = n + " rows with filter types past 4";
      }
      case 1 -> {
        int keep = r.nextInt(raw.length);
        what = "rows cut to " + keep + " of " + raw.length + " bytes";
        raw = Arrays.copyOf(raw, keep);
      }
      case 2 -> {
        int extra = 1 + r.nextInt(Math.min(raw.length, 1 << 20));
        raw = Arrays.copyOf(raw, raw.length + extra);
        what = extra + " bytes past the last row";
      }
      default -> {
        int n = 1 + r.nextInt(256);
        for (int i = 0; i < n; i++) {
          raw[r.nextInt(raw.length)] = (byte) r.nextInt(256);
        }
        what = n + " raw bytes";
      }
    }
    png.replaceIdat(List.of(Zlib.deflate(raw, r.nextInt(10))));
    return what;
  }

  /** The zlib stream in many small IDATs, with empty IDATs or another chunk between them. */
  static String split(PngChunks png, Random r) {
    byte[] z = png.idat();
    int piece = 1 + r.nextInt(Math.max(1, Math.min(z.length, 4096)));
    List<byte[]> pieces = new ArrayList<>();
    for (int i = 0; i < z.length; i += piece) {
      pieces.add(Arrays.copyOfRange(z, i, Math.min(z.length, i + piece)));
      if (r.nextInt(8) == 0) {
        pieces.add(new byte[0]);
      }
    }
    png.replaceIdat(pieces);
    if (r.nextBoolean() && pieces.size() > 1) {
      png.chunks.add(png.find("IDAT") + 1, new Chunk(r.nextBoolean() ? "tEXt" : "PLTE", new byte[] {'a', 0, 'b'}));
      return pieces.size() + " IDATs of " + piece + " bytes, another chunk between";
    }
    return pieces.size() + " IDATs of " + piece + " bytes";
  }

  /** A palette of 0, 1, 256 or 257 entries or a length that is no multiple of 3; or an RGB image made indexed with it. */
  static String palette(PngChunks png, Random r, int colourType) {
    int length = new int[] {0, 3, 3 * 256, 3 * 257, 4, 3 * 16 + 1}[r.nextInt(6)];
    byte[] data = new byte[length];
    r.nextBytes(data);
    png.chunks.removeIf(c -> c.type().equals("PLTE"));
    png.insertBeforeData(new Chunk("PLTE", data));
    if (r.nextBoolean() && png.find("IHDR") >= 0) {
      Endian.put8(png.ihdr(), 8, 8);
      Endian.put8(png.ihdr(), 9, 3);
      return length + " bytes, colour type " + colourType + " made indexed";
    }
    return length + " bytes for colour type " + colourType;
  }

  /** An iCCP or zTXt body: a keyword (empty, 80+ bytes, no terminator), a method, then zlib garbage, a bomb or a junk profile. */
  static byte[] compressedText(Random r, String type) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    String keyword = new String[] {"ICC Profile", "", "k".repeat(100), "Comment"}[r.nextInt(4)];
    out.writeBytes(PngMutator.latin1(keyword));
    if (r.nextInt(8) != 0) {
      out.write(0);
    }
    out.write(r.nextInt(6) == 0 ? 1 + r.nextInt(255) : 0);
    if (type.equals("zTXt") && r.nextBoolean()) {
      out.writeBytes(new byte[] {0, 0, 0, 0});
    }
    switch (r.nextInt(3)) {
      case 0 -> out.writeBytes(Zlib.bomb());
      case 1 -> {
        byte[] junk = new byte[r.nextInt(4096)];
        r.nextBytes(junk);
        out.writeBytes(junk);
      }
      default -> {
        byte[] profile = new byte[132 + r.nextInt(2048)];
        r.nextBytes(profile);
        Endian.put32be(profile, 0, Endian.edge(r, 32, profile.length));
        System.arraycopy(PngMutator.latin1("acsp"), 0, profile, 36, 4);
        Endian.put32be(profile, 128, r.nextBoolean() ? 0xffffffffL : r.nextInt(64));
        out.writeBytes(Zlib.deflate(profile, 6));
      }
    }
    return out.toByteArray();
  }

  /** IEND first, IHDR twice, gone or last, IEND gone, or an unknown critical chunk. */
  static String reorder(PngChunks png, Random r) {
    int ihdr = png.find("IHDR");
    int shape = ihdr < 0 ? new int[] {0, 4, 5}[r.nextInt(3)] : r.nextInt(6);
    switch (shape) {
      case 0 -> png.chunks.add(0, new Chunk("IEND", new byte[0]));
      case 1 -> png.chunks.add(ihdr + 1, new Chunk("IHDR", png.chunks.get(ihdr).data().clone()));
      case 2 -> png.chunks.remove(ihdr);
      case 3 -> png.chunks.add(png.chunks.remove(ihdr));
      case 4 -> png.chunks.removeIf(c -> c.type().equals("IEND"));
      default -> png.chunks.add(Math.max(0, ihdr) + 1 > png.chunks.size() ? png.chunks.size() : Math.max(0, ihdr) + 1,
          new Chunk("ABCD", new byte[] {1, 2, 3}));
    }
    return new String[] {"IEND first", "IHDR twice", "no IHDR", "IHDR last", "no IEND", "unknown critical chunk"}[shape];
  }
}
