package nws.watermark.benchmarks.fuzz;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A JPEG cut at its marker segments: the segments before the first SOS (APPn, DQT, SOF, DHT, DRI,
 * ...) as a list to edit, and everything from the first SOS on (scan data, later tables and scans
 * of a progressive file, EOI) as bytes. Written back with each segment's length recomputed, unless
 * a length lie is set.
 */
final class JpegSegments {

  /** One marker segment: the marker byte (after 0xFF) and its payload, without the length field. */
  record Segment(int marker, byte[] payload) {}

  final List<Segment> head = new ArrayList<>();
  byte[] tail;
  private int lieAt = -1;
  private int lieLength;

  private JpegSegments(byte[] tail) {
    this.tail = tail;
  }

  /** The segments of {@code jpeg}, or null when it does not start with SOI or has no SOS. */
  static JpegSegments parse(byte[] jpeg) {
    if (jpeg.length < 4 || Endian.u16be(jpeg, 0) != 0xffd8) {
      return null;
    }
    List<Segment> segments = new ArrayList<>();
    int i = 2;
    while (i + 4 <= jpeg.length) {
      if ((jpeg[i] & 0xff) != 0xff) {
        return null;
      }
      int marker = jpeg[i + 1] & 0xff;
      if (marker == 0xff) {
        i++;
        continue;
      }
      if (marker == 0xda) {
        JpegSegments parsed = new JpegSegments(Arrays.copyOfRange(jpeg, i, jpeg.length));
        parsed.head.addAll(segments);
        return parsed;
      }
      int length = Endian.u16be(jpeg, i + 2);
      if (length < 2 || i + 2 + length > jpeg.length) {
        return null;
      }
      segments.add(new Segment(marker, Arrays.copyOfRange(jpeg, i + 4, i + 2 + length)));
      i += 2 + length;
    }
    return null;
  }

  /** Index of the first segment whose marker is one of {@code markers}, or -1. */
  int find(int... markers) {
    for (int i = 0; i < head.size(); i++) {
      for (int m : markers) {
        if (head.get(i).marker() == m) {
          return i;
        }
      }
    }
    return -1;
  }

  /** Index of the frame header (SOF0..SOF15 but DHT, JPG and DAC), or -1. */
  int frame() {
    return find(0xc0, 0xc1, 0xc2, 0xc3, 0xc5, 0xc6, 0xc7, 0xc9, 0xca, 0xcb, 0xcd, 0xce, 0xcf);
  }

  /** Segment {@code index} will be written with {@code length} in its length field, whatever its size. */
  void lieAboutLength(int index, int length) {
    lieAt = index;
    lieLength = length;
  }

  byte[] bytes() {
    ByteArrayOutputStream out = new ByteArrayOutputStream(tail.length + 4096);
    out.write(0xff);
    out.write(0xd8);
    for (int i = 0; i < head.size(); i++) {
      Segment s = head.get(i);
      // A payload over 65533 bytes cannot be framed: cut, as a writer would have to.
      int size = Math.min(s.payload().length, 65533);
      int length = i == lieAt ? lieLength : size + 2;
      out.writeBytes(new byte[] {(byte) 0xff, (byte) s.marker(), (byte) (length >> 8), (byte) length});
      out.write(s.payload(), 0, size);
    }
    out.writeBytes(tail);
    return out.toByteArray();
  }
}
