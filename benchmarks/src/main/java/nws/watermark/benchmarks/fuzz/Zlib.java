package nws.watermark.benchmarks.fuzz;

import java.io.ByteArrayOutputStream;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/** zlib streams for the PNG mutator: inflate with a bound, deflate at any level, and a bomb. */
final class Zlib {

  /** 32 MB of zeros in about 32 KB: an iCCP or zTXt that expands a thousandfold. */
  private static final byte[] BOMB = bomb(32);

  private Zlib() {}

  /** The inflated stream, or null when it is corrupt or inflates past {@code limit} bytes. */
  static byte[] inflate(byte[] zlib, int limit) {
    Inflater inflater = new Inflater();
    try {
      inflater.setInput(zlib);
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      byte[] buffer = new byte[64 * 1024];
      while (!inflater.finished()) {
        int n = inflater.inflate(buffer);
        if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
          break;
        }
        out.write(buffer, 0, n);
        if (out.size() > limit) {
          return null;
        }
      }
      return out.toByteArray();
    } catch (DataFormatException e) {
      return null;
    } finally {
      inflater.end();
    }
  }

  static byte[] deflate(byte[] raw, int level) {
    Deflater deflater = new Deflater(level);
    try {
      deflater.setInput(raw);
      deflater.finish();
      ByteArrayOutputStream out = new ByteArrayOutputStream(raw.length / 2 + 64);
      byte[] buffer = new byte[64 * 1024];
      while (!deflater.finished()) {
        out.write(buffer, 0, deflater.deflate(buffer));
      }
      return out.toByteArray();
    } finally {
      deflater.end();
    }
  }

  static byte[] bomb() {
    return BOMB.clone();
  }

  private static byte[] bomb(int megabytes) {
    Deflater deflater = new Deflater(9);
    try {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      byte[] zeros = new byte[1024 * 1024];
      byte[] buffer = new byte[64 * 1024];
      for (int i = 0; i < megabytes; i++) {
        deflater.setInput(zeros);
        while (!deflater.needsInput()) {
          out.write(buffer, 0, deflater.deflate(buffer));
        }
      }
      deflater.finish();
      while (!deflater.finished()) {
        out.write(buffer, 0, deflater.deflate(buffer));
      }
      return out.toByteArray();
    } finally {
      deflater.end();
    }
  }
}
