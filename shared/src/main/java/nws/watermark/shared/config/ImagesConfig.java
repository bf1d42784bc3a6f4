package nws.watermark.shared.config;

import nws.watermark.shared.Options;

/** The optimizer's work: how many images at once, how large, the default watermark, the logos and background. */
public record ImagesConfig(int optimizerInstances, long maxPixels, String watermarkText, int background, String logoDir) {

  public static final Setting<Integer> OPTIMIZER_INSTANCES =
      Setting.integer("NWS_OPTIMIZER_INSTANCES", Runtime.getRuntime().availableProcessors())
          .atLeast(0, "0 or more").documentedAs("number of cores");
  public static final Setting<Long> MAX_PIXELS = Setting.number("NWS_MAX_PIXELS", 100_000_000L).atLeast(1);
  public static final Setting<String> WATERMARK_TEXT = Setting.text("NWS_WATERMARK_TEXT", Options.WM.fallback());
  public static final Setting<Integer> BACKGROUND = Setting.parsed("NWS_BACKGROUND", 0xffffff, ImagesConfig::rgb,
      "a colour #rrggbb").shownAs(rgb -> String.format("#%06x", rgb)).documentedAs("#ffffff");
  /** A folder of PNG logos for {@code wmimg}; empty for none. */
  public static final Setting<String> WATERMARK_DIR = Setting.trimmed("NWS_WATERMARK_DIR", "").documentedAs("none");

  public ImagesConfig {
    WATERMARK_TEXT.require(watermarkText.length() <= Options.MAX_WATERMARK_LENGTH,
        "at most " + Options.MAX_WATERMARK_LENGTH + " characters", watermarkText.length());
  }

  public static ImagesConfig from(Env env) {
    return new ImagesConfig(env.get(OPTIMIZER_INSTANCES), env.get(MAX_PIXELS), env.get(WATERMARK_TEXT),
        env.get(BACKGROUND), env.get(WATERMARK_DIR));
  }

  private static Integer rgb(String raw) {
    String value = raw.trim();
    return value.matches("#?[0-9a-fA-F]{6}") ? Integer.parseInt(value.replace("#", ""), 16) : null;
  }
}
