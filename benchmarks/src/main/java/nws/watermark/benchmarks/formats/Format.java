package nws.watermark.benchmarks.formats;

import nws.watermark.shared.config.FormatsConfig;

/** The lossy formats compared, at the service's default quality of each (sharp's defaults too). */
enum Format {
  JPEG("jpeg", "jpg", FormatsConfig.JPEG_QUALITY.fallback()),
  WEBP("webp", "webp", FormatsConfig.WEBP_QUALITY.fallback()),
  AVIF("avif", "avif", FormatsConfig.AVIF_QUALITY.fallback());

  final String id;
  final String extension;
  final int quality;

  Format(String id, String extension, int quality) {
    this.id = id;
    this.extension = extension;
    this.quality = quality;
  }
}
