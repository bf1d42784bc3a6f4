package nws.watermark.benchmarks.formats;

/** What sharp-encode.mjs writes each round, by its JSON key, and the format ours is compared in. */
enum SharpOutput {
  JPEG("jpeg", Format.JPEG, "sharp"),
  WEBP("webp", Format.WEBP, "sharp"),
  /** sharp's default AVIF: chroma at full size (4:4:4). */
  AVIF("avif", Format.AVIF, "sharp 444"),
  /** The same at 4:2:0, as ours: luma SSIM does not see the chroma 4:4:4 pays for, so this is like for like. */
  AVIF_420("avif420", Format.AVIF, "sharp 420");

  final String id;
  final Format format;
  /** Its row in the table. */
  final String label;

  SharpOutput(String id, Format format, String label) {
    this.id = id;
    this.format = format;
    this.label = label;
  }
}
