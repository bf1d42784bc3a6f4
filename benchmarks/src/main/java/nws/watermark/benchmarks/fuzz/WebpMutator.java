package nws.watermark.benchmarks.fuzz;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import nws.watermark.benchmarks.fuzz.RiffChunks.Chunk;

/**
 * WebP, by RIFF chunk: the RIFF and chunk sizes and padding; the VP8 frame header (key frame bit,
 * version, partition size, start code, 14-bit sizes and scale); the VP8L header (signature, sizes,
 * version); VP8X flags and canvas that disagree with the chunks present; ICCP, EXIF (looping IFDs)
 * and XMP chunks; ANIM and ANMF frames; ALPH headers; the bitstream itself.
 */
final class WebpMutator implements Mutator {

  private static final String[] OPS = {"riff-size", "chunk-size", "padding", "vp8-header", "vp8l-header", "vp8x",
      "metadata", "anim", "alph", "bitstream-bytes", "truncate-chunk", "chunk-order"};

  @Override
  public byte[] mutate(byte[] seed, Random r, List<String> did) {
    RiffChunks webp = RiffChunks.parse(seed);
    if (webp == null) {
      return ByteMutator.once(seed.clone(), r, did);
    }
    for (int n = Mutator.opCount(r); n > 0; n--) {
      String op = OPS[r.nextInt(OPS.length)];
      did.add(op + " " + apply(op, webp, r));
    }
    return webp.bytes();
  }

  private static String apply(String op, RiffChunks webp, Random r) {
    int bits = webp.bitstream();
    byte[] data = bits >= 0 ? webp.chunks.get(bits).data() : new byte[10];
    return switch (op) {
      case "riff-size" -> {
        long size = new long[] {0, 4, 12, 0x7fffffffL, 0xffffffffL, r.nextInt(1 << 20)}[r.nextInt(6)];
        webp.lieAboutRiffSize(size);
        yield String.valueOf(size);
      }
      case "chunk-size" -> {
        int k = r.nextInt(webp.chunks.size());
        long real = webp.chunks.get(k).data().length;
        long lie = new long[] {0, 1, real - 1, real + 1, real + 7, 0x7fffffffL, 0xfffffff6L}[r.nextInt(7)];
        webp.lieAboutChunkSize(k, Math.max(0, lie));
        yield webp.chunks.get(k).fourcc().trim() + " size " + lie + " for " + real;
      }
      case "padding" -> {
        webp.chunks.add(r.nextInt(webp.chunks.size() + 1), new Chunk("JUNK", new byte[] {1, 2, 3}));
        webp.dropPadding();
        yield "odd chunk without its pad byte";
      }
      case "vp8-header" -> {
        if (data.length < 10 || bits < 0 || !webp.chunks.get(bits).fourcc().equals("VP8 ")) {
          yield "skipped: no VP8 chunk";
        }
        long[] s = Endian.size(r, 14, Endian.u16le(data, 6) & 0x3fff, Endian.u16le(data, 8) & 0x3fff);
        int tag = (Endian.u8(data, 0) & ~0x0f) | r.nextInt(16);
        Endian.put8(data, 0, tag);
        Endian.put16le(data, 6, s[0] | ((long) r.nextInt(4) << 14));
        Endian.put16le(data, 8, s[1] | ((long) r.nextInt(4) << 14));
        if (r.nextInt(4) == 0) {
          Endian.put8(data, 3 + r.nextInt(3), r.nextInt(256));
        }
        yield "frame tag 0x" + Integer.toHexString(tag) + " " + s[0] + "x" + s[1];
      }
      case "vp8l-header" -> {
        if (data.length < 5 || bits < 0 || !webp.chunks.get(bits).fourcc().equals("VP8L")) {
          yield "skipped: no VP8L chunk";
        }
        long[] s = Endian.size(r, 14, 1 + (Endian.u16le(data, 1) & 0x3fff), 1 + ((Endian.u32le(data, 1) >> 14) & 0x3fff));
        long header = ((s[0] - 1) & 0x3fff) | (((s[1] - 1) & 0x3fff) << 14) | ((long) r.nextInt(16) << 28);
        Endian.put32le(data, 1, header);
        Endian.put8(data, 0, r.nextInt(4) == 0 ? r.nextInt(256) : 0x2f);
        yield s[0] + "x" + s[1] + " signature 0x" + Integer.toHexString(Endian.u8(data, 0));
      }
      case "vp8x" -> WebpChunks.vp8x(webp, r);
      case "metadata" -> WebpChunks.metadata(webp, r);
      case "anim" -> WebpChunks.anim(webp, r);
      case "alph" -> WebpChunks.alph(webp, r);
      case "bitstream-bytes" -> {
        int n = 1 + r.nextInt(64);
        for (int i = 0; i < n && data.length > 12; i++) {
          data[10 + r.nextInt(data.length - 10)] = (byte) r.nextInt(256);
        }
        yield n + " bytes";
      }
      case "truncate-chunk" -> {
        int k = r.nextInt(webp.chunks.size());
        Chunk c = webp.chunks.get(k);
        int keep = r.nextInt(c.data().length + 1);
        webp.chunks.set(k, new Chunk(c.fourcc(), Arrays.copyOf(c.data(), keep)));
        yield c.fourcc().trim() + " cut to " + keep + " of " + c.data().length;
      }
      default -> {
        List<Chunk> reordered = new ArrayList<>(webp.chunks);
        Collections.shuffle(reordered, r);
        if (r.nextBoolean() && !reordered.isEmpty()) {
          reordered.add(reordered.get(0));
        }
        webp.chunks.clear();
        webp.chunks.addAll(reordered);
        yield "shuffled" + (reordered.size() > 1 ? ", one twice" : "");
      }
    };
  }
}
