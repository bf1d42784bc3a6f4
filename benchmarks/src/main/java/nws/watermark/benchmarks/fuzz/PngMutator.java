package nws.watermark.benchmarks.fuzz;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import nws.watermark.benchmarks.fuzz.PngChunks.Chunk;

/**
 * PNG, parsed into chunks and written back with recomputed CRCs: IHDR fields, IDAT as zlib bytes
 * and as re-deflated raw rows (bad filter types, rows missing or extra), IDAT split and
 * interleaved, PLTE and tRNS of the wrong size for the colour type, iCCP and zTXt with bad names,
 * garbage or a zlib bomb, eXIf with looping IFDs, chunks out of order or with a lying length or
 * CRC, odd ancillary chunks and APNG frame control.
 */
final class PngMutator implements Mutator {

  private static final String[] OPS = {"ihdr-size", "ihdr-format", "ihdr-methods", "idat-bytes", "idat-raw",
      "idat-split", "plte", "trns", "iccp", "ztxt", "exif", "chunk-length", "chunk-crc", "chunk-order", "ancillary",
      "apng"};

  @Override
  public byte[] mutate(byte[] seed, Random r, List<String> did) {
    PngChunks png = PngChunks.parse(seed);
    if (png == null) {
      return ByteMutator.once(seed.clone(), r, did);
    }
    for (int n = Mutator.opCount(r); n > 0; n--) {
      String op = OPS[r.nextInt(OPS.length)];
      did.add(op + " " + apply(op, png, r));
    }
    return png.bytes();
  }

  private static String apply(String op, PngChunks png, Random r) {
    byte[] ihdr = png.find("IHDR") >= 0 ? png.ihdr() : new byte[13];
    int colourType = Endian.u8(ihdr, 9);
    return switch (op) {
      case "ihdr-size" -> {
        long[] s = Endian.size(r, 31, Endian.u32be(ihdr, 0), Endian.u32be(ihdr, 4));
        Endian.put32be(ihdr, 0, s[0]);
        Endian.put32be(ihdr, 4, s[1]);
        yield s[0] + "x" + s[1];
      }
      case "ihdr-format" -> {
        int depth = new int[] {0, 1, 2, 3, 4, 8, 16, 255}[r.nextInt(8)];
        int colour = new int[] {0, 1, 2, 3, 4, 5, 6, 7, 255}[r.nextInt(9)];
        Endian.put8(ihdr, 8, depth);
        Endian.put8(ihdr, 9, colour);
        yield "depth " + depth + " colour type " + colour;
      }
      case "ihdr-methods" -> {
        int field = 10 + r.nextInt(3);
        int v = new int[] {1, 2, 255}[r.nextInt(3)];
        Endian.put8(ihdr, field, v);
        yield new String[] {"compression", "filter", "interlace"}[field - 10] + "=" + v;
      }
      case "idat-bytes" -> {
        byte[] z = png.idat();
        int n = 1 + r.nextInt(32);
        for (int i = 0; i < n && z.length > 0; i++) {
          z[i == 0 && r.nextBoolean() ? r.nextInt(Math.min(2, z.length)) : r.nextInt(z.length)] ^= (byte) (1 + r.nextInt(255));
        }
        png.replaceIdat(List.of(z));
        yield n + " bytes of the zlib stream";
      }
      case "idat-raw" -> PngData.raw(png, r);
      case "idat-split" -> PngData.split(png, r);
      case "plte" -> PngData.palette(png, r, colourType);
      case "trns" -> {
        int length = new int[] {0, 1, 2, 6, 255, 256, 300}[r.nextInt(7)];
        byte[] data = new byte[length];
        r.nextBytes(data);
        png.chunks.removeIf(c -> c.type().equals("tRNS"));
        png.insertBeforeData(new Chunk("tRNS", data));
        yield length + " bytes for colour type " + colourType;
      }
      case "iccp" -> {
        png.chunks.removeIf(c -> c.type().equals("iCCP") || c.type().equals("sRGB"));
        png.insertBeforeData(new Chunk("iCCP", PngData.compressedText(r, "iCCP")));
        yield "profile";
      }
      case "ztxt" -> {
        png.insertBeforeData(new Chunk(r.nextBoolean() ? "zTXt" : "iTXt", PngData.compressedText(r, "zTXt")));
        yield "text";
      }
      case "exif" -> {
        List<String> what = new ArrayList<>();
        png.insertBeforeData(new Chunk("eXIf", ExifBlocks.tiff(r, what)));
        yield "eXIf " + what.get(0);
      }
      case "chunk-length" -> {
        int k = r.nextInt(png.chunks.size());
        int real = png.chunks.get(k).data().length;
        long lie = new long[] {0, real - 1L, real + 1L, 0x7fffffffL, 0xffffffffL, real * 2L}[r.nextInt(6)];
        png.lieAboutLength(k, Math.max(0, lie));
        yield png.chunks.get(k).type() + " length " + lie + " for " + real;
      }
      case "chunk-crc" -> {
        int k = r.nextInt(png.chunks.size());
        png.keepWrongCrc(k);
        yield png.chunks.get(k).type();
      }
      case "chunk-order" -> PngData.reorder(png, r);
      case "ancillary" -> {
        String type = new String[] {"gAMA", "cHRM", "sRGB", "sBIT", "pHYs", "bKGD", "hIST", "tIME", "sPLT"}[r.nextInt(9)];
        byte[] data = new byte[new int[] {0, 1, 3, 4, 9, 32, 600}[r.nextInt(7)]];
        if (r.nextBoolean()) {
          Arrays.fill(data, (byte) 0xff);
        }
        png.insertBeforeData(new Chunk(type, data));
        yield type + " of " + data.length + " bytes";
      }
      default -> {
        byte[] actl = new byte[8];
        Endian.put32be(actl, 0, new long[] {0, 1, 2, 0xffffffffL}[r.nextInt(4)]);
        byte[] fctl = new byte[26];
        long[] s = Endian.size(r, 31, Endian.u32be(ihdr, 0), Endian.u32be(ihdr, 4));
        Endian.put32be(fctl, 4, s[0]);
        Endian.put32be(fctl, 8, s[1]);
        Endian.put32be(fctl, 12, Endian.edge(r, 32, 0));
        png.insertBeforeData(new Chunk("acTL", actl));
        png.insertBeforeData(new Chunk("fcTL", fctl));
        yield "acTL frames " + Endian.u32be(actl, 0) + ", fcTL " + s[0] + "x" + s[1];
      }
    };
  }

  /** The bytes of a Latin-1 keyword, for the text and profile chunks. */
  static byte[] latin1(String s) {
    return s.getBytes(StandardCharsets.ISO_8859_1);
  }
}
