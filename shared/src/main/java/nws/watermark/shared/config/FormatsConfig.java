package nws.watermark.shared.config;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import nws.watermark.shared.ImageOptions;
import nws.watermark.shared.Options;
import nws.watermark.shared.OutputFormat;

/**
 * The encodings written: the default format, each format's default quality (used when a request
 * gives no {@code q}), the AVIF encoder's speed, and how many AVIF renders may wait for a free
 * optimizer in the background under {@code format=auto}.
 */
public record FormatsConfig(
    OutputFormat defaultFormat,
    int jpegQuality,
    int webpQuality,
    int avifQuality,
    int avifSpeed,
    int backgroundQueue,
    Set<OutputFormat> disabled,
    boolean jpegProgressive) {

  public static final Setting<OutputFormat> DEFAULT_FORMAT =
      Setting.parsed("NWS_DEFAULT_FORMAT", OutputFormat.JPEG, FormatsConfig::format,
          "one of " + Arrays.stream(OutputFormat.values()).map(OutputFormat::id).collect(Collectors.joining(", ")))
          .shownAs(OutputFormat::id).documentedAs("jpeg");
  public static final Setting<Integer> JPEG_QUALITY = quality("NWS_JPEG_QUALITY", 80);
  public static final Setting<Integer> WEBP_QUALITY = quality("NWS_WEBP_QUALITY", 80);
  public static final Setting<Integer> AVIF_QUALITY = quality("NWS_AVIF_QUALITY", 50);
  public static final Setting<Integer> AVIF_SPEED = Setting.integer("NWS_AVIF_SPEED", 5).between(0, 9);
  public static final Setting<Integer> BACKGROUND_QUEUE = Setting.integer("NWS_BACKGROUND_QUEUE", 64)
      .atLeast(0, "0 (no background renders) or more");
  public static final Setting<Set<OutputFormat>> DISABLED = Setting.parsed("NWS_DISABLED_FORMATS",
      Set.<OutputFormat>of(), FormatsConfig::disabled, "a comma-separated list of png, webp, avif")
      .shownAs(set -> set.stream().map(OutputFormat::id).sorted().collect(Collectors.joining(",")))
      .documentedAs("none");

  public static final Setting<Boolean> JPEG_PROGRESSIVE = Setting.bool("NWS_JPEG_PROGRESSIVE", false);

  public static FormatsConfig from(Env env) {
    return new FormatsConfig(env.get(DEFAULT_FORMAT), env.get(JPEG_QUALITY), env.get(WEBP_QUALITY),
        env.get(AVIF_QUALITY), env.get(AVIF_SPEED), env.get(BACKGROUND_QUEUE), env.get(DISABLED),
        env.get(JPEG_PROGRESSIVE));
  }

  /** The quality {@code format} is written at when a request gives none (PNG is lossless: 100). */
  public int qualityOf(OutputFormat format) {
    return switch (format) {
      case JPEG -> jpegQuality;
      case WEBP -> webpQuality;
      case AVIF -> avifQuality;
      case PNG, AUTO -> Options.MAX_QUALITY;
    };
  }

  /**
   * {@code options} with the quality its format takes by default, where the request gave none,
   * and without a progressive flag a format other than JPEG has no use for (so it splits no key).
   */
  public ImageOptions resolved(ImageOptions options) {
    OutputFormat format = options.get(Options.FORMAT);
    ImageOptions out = format == OutputFormat.JPEG ? options : options.with(Options.PROGRESSIVE, false);
    return out.get(Options.Q) != Options.FORMAT_QUALITY ? out : out.with(Options.Q, qualityOf(format));
  }

  private static Setting<Integer> quality(String name, int fallback) {
    return Setting.integer(name, fallback).between(Options.MIN_QUALITY, Options.MAX_QUALITY);
  }

  /** Formats this node will not write though it could (to spare the CPU an AVIF costs, say); JPEG stays. */
  private static Set<OutputFormat> disabled(String raw) {
    Set<OutputFormat> out = EnumSet.noneOf(OutputFormat.class);
    for (String part : raw.split(",")) {
      if (part.isBlank()) {
        continue;
      }
      OutputFormat f = format(part);
      if (f == null || f == OutputFormat.JPEG || f == OutputFormat.AUTO) {
        return null;
      }
      out.add(f);
    }
    return Set.copyOf(out);
  }

  private static OutputFormat format(String raw) {
    try {
      return OutputFormat.valueOf(raw.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
