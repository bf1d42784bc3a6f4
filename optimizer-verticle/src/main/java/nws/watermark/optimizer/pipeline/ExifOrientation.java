package nws.watermark.optimizer.pipeline;

import com.drew.imaging.ImageMetadataReader;
import com.drew.imaging.jpeg.JpegMetadataReader;
import com.drew.metadata.Metadata;
import com.drew.metadata.exif.ExifIFD0Directory;
import com.drew.metadata.exif.ExifReader;
import java.io.ByteArrayInputStream;
import java.util.List;

/** Reads the EXIF orientation of an upload, before it is decoded. */
final class ExifOrientation {

  private ExifOrientation() {}

  /** The orientation; a file without EXIF, or with EXIF we cannot read, is upright. */
  static Orientation of(byte[] input, int length) {
    try {
      var in = new ByteArrayInputStream(input, 0, length);
      // For a JPEG only the EXIF segment is parsed: one tag is all this step needs.
      Metadata metadata = isJpeg(input, length)
          ? JpegMetadataReader.readMetadata(in, List.of(new ExifReader()))
          : ImageMetadataReader.readMetadata(in, length);
      ExifIFD0Directory exif = metadata.getFirstDirectoryOfType(ExifIFD0Directory.class);
      if (exif != null && exif.containsTag(ExifIFD0Directory.TAG_ORIENTATION)) {
        return Orientation.ofExif(exif.getInt(ExifIFD0Directory.TAG_ORIENTATION));
      }
    } catch (Exception | StackOverflowError e) {
      // Broken metadata must not refuse a picture that decodes: treat it as upright.
    }
    return Orientation.UPRIGHT;
  }

  private static boolean isJpeg(byte[] input, int length) {
    return length > 2 && (input[0] & 0xff) == 0xff && (input[1] & 0xff) == 0xd8;
  }
}
