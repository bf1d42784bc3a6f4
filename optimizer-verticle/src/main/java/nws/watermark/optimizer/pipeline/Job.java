package nws.watermark.optimizer.pipeline;

import java.awt.image.BufferedImage;
import nws.watermark.shared.ImageOptions;

/** One image on its way through the {@link Pipeline}: each step reads and replaces what it needs. */
public final class Job {

  /** The upload; only the first {@link #length} bytes are the image (no copy to trim it). */
  final byte[] input;
  final int length;
  final ImageOptions options;
  Orientation orientation = Orientation.UPRIGHT;
  /** Size of the stored image as its header gives it, before any shrink-on-load. */
  int sourceWidth;
  int sourceHeight;
  /** Crop and output size, in source pixels; set by Decode, applied by Resize. */
  Geometry geometry;
  BufferedImage image;
  /** The ICC profile the decoded pixels are in, when the decoder left them unconverted; null: sRGB. */
  byte[] iccProfile;
  boolean watermarkSkipped;
  byte[] output;

  Job(byte[] input, int length, ImageOptions options) {
    this.input = input;
    this.length = length;
    this.options = options;
  }
}
