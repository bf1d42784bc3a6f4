package nws.watermark.optimizer.pipeline;

import java.awt.image.BufferedImage;
import nws.watermark.shared.ImageOptions;

/** One image on its way through the {@link Pipeline}: each step reads and replaces what it needs. */
public final class Job {

  final byte[] input;
  final ImageOptions options;
  Orientation orientation = Orientation.UPRIGHT;
  BufferedImage image;
  boolean watermarkSkipped;
  byte[] output;

  Job(byte[] input, ImageOptions options) {
    this.input = input;
    this.options = options;
  }
}
