package nws.watermark.optimizer.codec;

import com.sun.jna.Callback;
import com.sun.jna.Library;
import com.sun.jna.Pointer;
import com.sun.jna.Structure;
import com.sun.jna.ptr.IntByReference;
import com.sun.jna.ptr.PointerByReference;

/**
 * The part of libheif's C API (heif.h, 1.15 as Debian 12 ships it) this service calls, mapped
 * with JNA. Opaque handles (context, image handle, image, encoder) are plain pointers; enums are
 * ints; {@code heif_error} is returned by value.
 */
interface LibHeif extends Library {

  int OK = 0;
  int COMPRESSION_HEVC = 1;
  int COMPRESSION_AV1 = 4;
  int COLORSPACE_RGB = 1;
  int CHROMA_INTERLEAVED_RGB = 10;
  int CHROMA_INTERLEAVED_RGBA = 11;
  int CHANNEL_INTERLEAVED = 10;
  int PROFILE_NCLX = fourcc("nclx");
  int PROFILE_RICC = fourcc("rICC");
  int PROFILE_PROF = fourcc("prof");

  static int fourcc(String s) {
    return (s.charAt(0) << 24) | (s.charAt(1) << 16) | (s.charAt(2) << 8) | s.charAt(3);
  }

  /** {@code struct heif_error}: code, subcode and a static message string owned by libheif. */
  @Structure.FieldOrder({"code", "subcode", "message"})
  class HeifError extends Structure implements Structure.ByValue {
    public int code;
    public int subcode;
    public Pointer message;

    boolean ok() {
      return code == OK;
    }

    String text() {
      return (message == null ? "" : message.getString(0)) + " (" + code + "/" + subcode + ")";
    }
  }

  /** {@code struct heif_writer}: where {@code heif_context_write} sends the encoded file. */
  @Structure.FieldOrder({"writer_api_version", "write"})
  class Writer extends Structure {
    public int writer_api_version = 1;
    public WriteCallback write;

    Writer(WriteCallback write) {
      this.write = write;
    }
  }

  interface WriteCallback extends Callback {
    HeifError invoke(Pointer ctx, Pointer data, long size, Pointer userdata);
  }

  /** {@code struct heif_encoding_options}, as {@code heif_encoding_options_alloc} fills it. */
  @Structure.FieldOrder({"version", "save_alpha_channel", "macOS_compatibility_workaround",
      "save_two_colr_boxes_when_ICC_and_nclx_available", "output_nclx_profile",
      "macOS_compatibility_workaround_no_nclx_profile", "image_orientation"})
  class EncodingOptions extends Structure {
    public byte version;
    public byte save_alpha_channel;
    public byte macOS_compatibility_workaround;
    public byte save_two_colr_boxes_when_ICC_and_nclx_available;
    public Pointer output_nclx_profile;
    public byte macOS_compatibility_workaround_no_nclx_profile;
    public int image_orientation;

    EncodingOptions(Pointer p) {
      super(p);
      read();
    }
  }

  String heif_get_version();
  HeifError heif_init(Pointer params);
  int heif_have_decoder_for_format(int format);
  int heif_have_encoder_for_format(int format);

  Pointer heif_context_alloc();
  void heif_context_free(Pointer ctx);
  HeifError heif_context_read_from_memory_without_copy(Pointer ctx, Pointer mem, long size, Pointer options);
  void heif_context_set_maximum_image_size_limit(Pointer ctx, int maximumWidth);
  HeifError heif_context_get_primary_image_handle(Pointer ctx, PointerByReference handle);

  void heif_image_handle_release(Pointer handle);
  int heif_image_handle_get_width(Pointer handle);
  int heif_image_handle_get_height(Pointer handle);
  int heif_image_handle_has_alpha_channel(Pointer handle);
  int heif_image_handle_get_color_profile_type(Pointer handle);
  long heif_image_handle_get_raw_color_profile_size(Pointer handle);
  HeifError heif_image_handle_get_raw_color_profile(Pointer handle, byte[] out);

  HeifError heif_decode_image(Pointer handle, PointerByReference image, int colorspace, int chroma, Pointer options);
  void heif_image_release(Pointer image);
  int heif_image_get_width(Pointer image, int channel);
  int heif_image_get_height(Pointer image, int channel);
  Pointer heif_image_get_plane_readonly(Pointer image, int channel, IntByReference stride);
  Pointer heif_image_get_plane(Pointer image, int channel, IntByReference stride);
  HeifError heif_image_create(int width, int height, int colorspace, int chroma, PointerByReference image);
  HeifError heif_image_add_plane(Pointer image, int channel, int width, int height, int bitDepth);
  HeifError heif_image_set_raw_color_profile(Pointer image, String fourcc, byte[] data, long size);
  Pointer heif_nclx_color_profile_alloc();
  void heif_nclx_color_profile_free(Pointer nclx);
  HeifError heif_nclx_color_profile_set_color_primaries(Pointer nclx, short cp);
  HeifError heif_nclx_color_profile_set_transfer_characteristics(Pointer nclx, short tc);
  HeifError heif_nclx_color_profile_set_matrix_coefficients(Pointer nclx, short mc);
  HeifError heif_image_set_nclx_color_profile(Pointer image, Pointer nclx);

  HeifError heif_context_get_encoder_for_format(Pointer ctx, int format, PointerByReference encoder);
  void heif_encoder_release(Pointer encoder);
  HeifError heif_encoder_set_lossy_quality(Pointer encoder, int quality);
  HeifError heif_encoder_set_parameter_integer(Pointer encoder, String name, int value);
  HeifError heif_encoder_set_parameter_string(Pointer encoder, String name, String value);
  Pointer heif_encoding_options_alloc();
  void heif_encoding_options_free(Pointer options);
  HeifError heif_context_encode_image(Pointer ctx, Pointer image, Pointer encoder, Pointer options, PointerByReference handle);
  HeifError heif_context_add_exif_metadata(Pointer ctx, Pointer handle, byte[] data, int size);
  HeifError heif_context_write(Pointer ctx, Writer writer, Pointer userdata);
}
