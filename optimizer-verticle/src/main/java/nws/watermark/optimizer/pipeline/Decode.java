package nws.watermark.optimizer.pipeline;

import java.util.ArrayList;
import java.util.List;
import nws.watermark.optimizer.codec.Codecs;
import nws.watermark.optimizer.codec.TurboJpeg;
import nws.watermark.shared.ErrorCode;
import nws.watermark.shared.ServiceException;

/**
 * Decodes the first frame of the upload, after checking the pixel count in its header (a
 * decompression bomb is refused before any pixel memory is taken), and reads the EXIF orientation.
 * Shrink-on-load: no more pixels are decoded than the output needs. The decoders are tried in
 * order; the first that takes the file decodes it ({@link TurboDecoder} for plain JPEGs when the
 * engine has libjpeg-turbo, {@link HeifDecoder} for HEIC and AVIF, then {@link ImageIoDecoder}).
 */
final class Decode implements Step {

  /** One way of decoding: false when it does not take this file, so the next one tries. */
  interface Decoder {
    boolean decode(Job job) throws Exception;
  }

  private final List<Decoder> decoders;

  Decode(long maxPixels, Engine engine) {
    SourceSize size = new SourceSize(maxPixels);
    List<Decoder> chain = new ArrayList<>();
    TurboJpeg.load().filter(t -> engine == Engine.TURBOJPEG).ifPresent(t -> chain.add(new TurboDecoder(t, size)));
    chain.add(HeifDecoder.of(size));
    chain.add(new ImageIoDecoder(size, engine == Engine.NAIVE));
    this.decoders = List.copyOf(chain);
  }

  @Override
  public void apply(Job job) throws Exception {
    if (job.length == 0) {
      throw new ServiceException(ErrorCode.MISSING_IMAGE, "the image is empty (0 bytes)");
    }
    // The orientation decides which way the box is turned, so it is known before decoding.
    job.orientation = ExifOrientation.of(job.input, job.length);
    for (Decoder decoder : decoders) {
      if (decoder.decode(job)) {
        return;
      }
    }
    throw new ServiceException(ErrorCode.UNSUPPORTED_FORMAT,
        "the upload is not an image type this service reads; send " + Codecs.get().readable());
  }
}
