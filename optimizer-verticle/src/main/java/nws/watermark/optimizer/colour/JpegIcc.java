package nws.watermark.optimizer.colour;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** The ICC profile a JPEG carries in its APP2 segments, read from the markers before the first scan. */
public final class JpegIcc {

  private static final byte[] ICC = "ICC_PROFILE\0".getBytes(StandardCharsets.US_ASCII);
  private static final int SOS = 0xDA;
  private static final int EOI = 0xD9;
  private static final int APP2 = 0xE2;

  private JpegIcc() {}

  /**
   * The profile, its chunks joined in sequence order; null when there is none or its chunks do
   * not add up (numbered twice, missing, counted differently): the file is then taken as untagged,
   * as ImageIO takes it.
   */
  public static byte[] profile(byte[] in, int length) {
    if (length < 4 || (in[0] & 0xFF) != 0xFF || (in[1] & 0xFF) != 0xD8) {
      return null;
    }
    byte[][] chunks = null;
    for (int pos = 2; pos + 4 <= length; ) {
      if ((in[pos] & 0xFF) != 0xFF) {
        return null;
      }
      int marker = in[pos + 1] & 0xFF;
      if (marker == 0xFF) {
        pos++;
        continue;
      }
      if (marker == SOS || marker == EOI) {
        break;
      }
      int size = ((in[pos + 2] & 0xFF) << 8) | (in[pos + 3] & 0xFF);
      if (size < 2 || pos + 2 + size > length) {
        return null;
      }
      if (isIcc(in, pos, size)) {
        int seq = in[pos + 4 + ICC.length] & 0xFF;
        int count = in[pos + 5 + ICC.length] & 0xFF;
        chunks = chunks == null ? new byte[count][] : chunks;
        if (count != chunks.length || seq < 1 || seq > count || chunks[seq - 1] != null) {
          return null;
        }
        chunks[seq - 1] = Arrays.copyOfRange(in, pos + 6 + ICC.length, pos + 2 + size);
      }
      pos += 2 + size;
    }
    return chunks == null ? null : joined(chunks);
  }

  /**
   * The JPEG without its APP2 ICC segments when they are there but do not make a profile (chunks
   * that do not add up, or a header whose size is not the profile's): null when there is nothing
   * to take out. A reader that trusts the header allocates what it says, up to gigabytes
   * (TwelveMonkeys does); a browser shows such a file as untagged, and so does this service.
   */
  public static byte[] withoutBrokenProfile(byte[] in, int length) {
    if (length < 4 || (in[0] & 0xFF) != 0xFF || (in[1] & 0xFF) != 0xD8 || !hasIcc(in, length)) {
      return null;
    }
    byte[] profile = profile(in, length);
    if (profile != null && profile.length >= 128 && declaredSize(profile) == profile.length) {
      return null;
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream(length);
    out.write(in, 0, 2);
    int pos = 2;
    while (pos + 4 <= length && (in[pos] & 0xFF) == 0xFF) {
      int marker = in[pos + 1] & 0xFF;
      if (marker == 0xFF) {
        out.write(0xFF);
        pos++;
        continue;
      }
      int size = ((in[pos + 2] & 0xFF) << 8) | (in[pos + 3] & 0xFF);
      if (marker == SOS || marker == EOI || size < 2 || pos + 2 + size > length) {
        break;
      }
      if (!isIcc(in, pos, size)) {
        out.write(in, pos, 2 + size);
      }
      pos += 2 + size;
    }
    out.write(in, pos, length - pos);
    return out.toByteArray();
  }

  private static boolean hasIcc(byte[] in, int length) {
    for (int pos = 2; pos + 4 <= length && (in[pos] & 0xFF) == 0xFF; ) {
      int marker = in[pos + 1] & 0xFF;
      if (marker == 0xFF) {
        pos++;
        continue;
      }
      int size = ((in[pos + 2] & 0xFF) << 8) | (in[pos + 3] & 0xFF);
      if (marker == SOS || marker == EOI || size < 2 || pos + 2 + size > length) {
        return false;
      }
      if (isIcc(in, pos, size)) {
        return true;
      }
      pos += 2 + size;
    }
    return false;
  }

  private static boolean isIcc(byte[] in, int pos, int size) {
    return (in[pos + 1] & 0xFF) == APP2 && size >= 2 + ICC.length + 2
        && Arrays.equals(in, pos + 4, pos + 4 + ICC.length, ICC, 0, ICC.length);
  }

  /** The size an ICC profile's header gives itself (its first four bytes, big-endian). */
  private static long declaredSize(byte[] profile) {
    return ((profile[0] & 0xFFL) << 24) | ((profile[1] & 0xFFL) << 16) | ((profile[2] & 0xFFL) << 8) | (profile[3] & 0xFFL);
  }

  private static byte[] joined(byte[][] chunks) {
    int total = 0;
    for (byte[] c : chunks) {
      if (c == null) {
        return null;
      }
      total += c.length;
    }
    byte[] out = new byte[total];
    int at = 0;
    for (byte[] c : chunks) {
      System.arraycopy(c, 0, out, at, c.length);
      at += c.length;
    }
    return out;
  }
}
