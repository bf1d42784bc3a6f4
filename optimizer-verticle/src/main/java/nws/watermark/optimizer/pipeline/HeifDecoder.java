package nws.watermark.optimizer.pipeline;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import nws.watermark.optimizer.codec.Codecs;
import nws.watermark.optimizer.codec.Heif;
import nws.watermark.optimizer.codec.HeifReader;
import nws.watermark.shared.ErrorCode;
import nws.watermark.shared.ServiceException;

/**
 * HEIC, HEIF and AVIF: the files phones and modern pipelines write, recognised by their ISO BMFF
 * {@code ftyp} brand and decoded by libheif. The size from the file's boxes passes the pixel limit
 * before anything is decoded. The file's own rotation and mirroring are applied by libheif, so its
 * EXIF orientation (phones write both) is never applied on top. Without libheif such a file is
 * refused as a format this node does not read, naming the package that adds it.
 */
record HeifDecoder(HeifReader reader, SourceSize size) implements Decode.Decoder {

  /** Brands of HEIF still images (HEVC) and AVIF; sequences' first image is decoded as well. */
  private static final Set<String> BRANDS = Set.of("heic", "heix", "hevc", "hevx", "heim", "heis", "mif1", "msf1",
      "avif", "avis");

  /** A decoder when libheif loaded, else one that refuses such files with the reason. */
  static Decode.Decoder of(SourceSize size) {
    return Heif.load().<Decode.Decoder>map(h -> new HeifDecoder(new HeifReader(h), size)).orElse(HeifDecoder::refuse);
  }

  @Override
  public boolean decode(Job job) throws IOException {
    if (!isHeif(job.input, job.length)) {
      return false;
    }
    // libheif turns the pixels by the file's own rotation: its EXIF orientation must not turn them again.
    job.orientation = Orientation.UPRIGHT;
    HeifReader.Decoded decoded;
    try {
      decoded = reader.decode(job.input, job.length, header -> {
        size.check("HEIF", header.width(), header.height());
        SourceSize.plan(job, header.width(), header.height());
      });
    } catch (IOException e) {
      throw SourceSize.undecodable("HEIF", e.getMessage());
    }
    job.image = decoded.image();
    job.iccProfile = decoded.icc();
    return true;
  }

  private static boolean refuse(Job job) {
    if (!isHeif(job.input, job.length)) {
      return false;
    }
    throw new ServiceException(ErrorCode.UNSUPPORTED_FORMAT, "this service does not read HEIC or AVIF: "
        + Heif.unavailableReason() + " (apt-get install " + Heif.PACKAGE + "); send " + Codecs.get().readable());
  }

  /** An ISO BMFF file whose {@code ftyp} box names a HEIF or AVIF brand, major or compatible. */
  static boolean isHeif(byte[] in, int length) {
    if (length < 16 || !"ftyp".equals(new String(in, 4, 4, StandardCharsets.ISO_8859_1))) {
      return false;
    }
    int box = Math.min(length, ((in[0] & 0xff) << 24) | ((in[1] & 0xff) << 16) | ((in[2] & 0xff) << 8) | (in[3] & 0xff));
    for (int at = 8; at + 4 <= box; at += at == 8 ? 8 : 4) {
      if (BRANDS.contains(new String(in, at, 4, StandardCharsets.ISO_8859_1))) {
        return true;
      }
    }
    return false;
  }
}
