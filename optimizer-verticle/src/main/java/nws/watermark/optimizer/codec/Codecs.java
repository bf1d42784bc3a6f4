package nws.watermark.optimizer.codec;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nws.watermark.shared.OutputFormat;
import nws.watermark.shared.config.FormatsConfig;

/**
 * What this JVM can read and write, found once at start: the pure-Java formats always; WebP out
 * when webp-imageio's libwebp loads; HEIC and AVIF in, and AVIF out, when libheif does. What is
 * missing is named with the package that brings it, for the startup log, {@code /ready} and the
 * 400 a request for it gets.
 */
public final class Codecs {

  /** The command that installs the native codecs on Debian and Ubuntu. */
  public static final String INSTALL = "apt-get install libturbojpeg0 libturbojpeg-java libheif1";

  private static final Codecs DETECTED = new Codecs();

  private final List<String> reads = new ArrayList<>(List.of("jpeg", "png", "gif", "bmp", "webp"));
  private final Set<OutputFormat> writes = EnumSet.of(OutputFormat.JPEG, OutputFormat.PNG);
  private final Map<String, String> missing = new LinkedHashMap<>();

  private Codecs() {
    if (WebpWriter.load().isPresent()) {
      writes.add(OutputFormat.WEBP);
    } else {
      missing.put("webp output", WebpWriter.unavailableReason());
    }
    Heif heif = Heif.load().orElse(null);
    String noHeif = "needs " + Heif.PACKAGE + " (" + (heif == null ? Heif.unavailableReason() : "libheif "
        + heif.version() + " has no such codec") + "); apt-get install " + Heif.PACKAGE;
    add(heif != null && heif.decodesHeic(), "heic", "heic input", noHeif);
    add(heif != null && heif.decodesAvif(), "avif", "avif input", noHeif);
    if (heif != null && heif.encodesAvif()) {
      writes.add(OutputFormat.AVIF);
    } else {
      missing.put("avif output", noHeif);
    }
  }

  private void add(boolean available, String format, String what, String why) {
    if (available) {
      reads.add(format);
    } else {
      missing.put(what, why);
    }
  }

  /** Everything this JVM can read and write. */
  public static Codecs get() {
    return DETECTED;
  }

  /** What this JVM writes for {@code config}: everything it can, but the formats switched off there. */
  public static Codecs of(FormatsConfig config) {
    if (config.disabled().isEmpty()) {
      return DETECTED;
    }
    Codecs view = new Codecs(DETECTED);
    for (OutputFormat off : config.disabled()) {
      if (view.writes.remove(off)) {
        view.missing.put(off.id() + " output", "switched off by " + FormatsConfig.DISABLED.name());
      }
    }
    return view;
  }

  private Codecs(Codecs copy) {
    reads.clear();
    reads.addAll(copy.reads);
    writes.clear();
    writes.addAll(copy.writes);
    missing.putAll(copy.missing);
  }

  /** Input formats this JVM decodes. */
  public List<String> reads() {
    return List.copyOf(reads);
  }

  /** Output formats this JVM encodes. */
  public Set<OutputFormat> writes() {
    return EnumSet.copyOf(writes);
  }

  /** Why {@code format} cannot be written here, or null when it can. */
  public String whyNot(OutputFormat format) {
    return writes.contains(format) ? null : missing.getOrDefault(format.id() + " output", "not an output format");
  }

  /** The input formats, as a refusal lists them: "JPEG, PNG, GIF, BMP, WebP, HEIC or AVIF". */
  public String readable() {
    List<String> names = reads.stream().map(f -> f.equals("webp") ? "WebP" : f.toUpperCase()).toList();
    return String.join(", ", names.subList(0, names.size() - 1)) + " or " + names.get(names.size() - 1);
  }

  /** {@code {"read": [...], "write": [...], "missing": {what: why}}}, for {@code /ready} and the log. */
  public JsonObject describe() {
    return new JsonObject()
        .put("read", new JsonArray(reads()))
        .put("write", new JsonArray(writes.stream().map(OutputFormat::id).toList()))
        .put("missing", new JsonObject(new LinkedHashMap<>(missing)));
  }
}
