package nws.watermark.api.format;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.vertx.core.Future;
import java.util.List;
import nws.watermark.api.Original;
import nws.watermark.api.Variants.Served;
import nws.watermark.api.Variants;
import nws.watermark.api.admission.RenderGate;
import nws.watermark.api.cache.CacheKey;
import nws.watermark.api.storage.OriginalStore;
import nws.watermark.shared.ErrorCode;
import nws.watermark.shared.ImageOptions;
import nws.watermark.shared.Options;
import nws.watermark.shared.OutputFormat;
import nws.watermark.shared.ServiceException;
import nws.watermark.shared.config.FormatsConfig;

/**
 * Which format a request gets. A named one must be writable by some optimizer (else 400, naming
 * what is missing). {@code auto} takes the best the request's {@code Accept} names
 * ({@link FormatChoice}); when that is AVIF and it is not rendered yet, the client never waits for
 * it: the next best format answers now (an interim answer, short-lived in caches) and the AVIF is
 * rendered in the background for the requests that follow.
 */
public final class Formats {

  private final FormatsConfig config;
  private final WritableFormats writable;
  private final Variants variants;
  private final OriginalStore originals;
  /** Whether an original may have transparency, by id: decides JPEG or PNG without re-reading it. */
  private final Cache<String, Boolean> alpha = Caffeine.newBuilder().maximumSize(100_000).executor(Runnable::run).build();

  public Formats(FormatsConfig config, WritableFormats writable, Variants variants, OriginalStore originals) {
    this.config = config;
    this.writable = writable;
    this.variants = variants;
    this.originals = originals;
  }

  /**
   * The variant of {@code original} that {@code requested} (whose format may be auto) asks for;
   * {@code gate} is asked before it is rendered.
   */
  public Future<Served> serve(Original original, ImageOptions requested, Accept accept, RenderGate gate) {
    OutputFormat format = requested.get(Options.FORMAT);
    if (format != OutputFormat.AUTO) {
      return writable(format).compose(v -> variants.get(original, config.resolved(requested), gate));
    }
    List<OutputFormat> modern = FormatChoice.modern(accept, writable.orAll());
    if (modern.isEmpty() || modern.get(0) != OutputFormat.AVIF) {
      return next(original, requested, accept, modern, gate).map(s -> s.as(true, false));
    }
    ImageOptions avif = with(requested, OutputFormat.AVIF);
    return variants.cached(CacheKey.of(original.sha256(), avif)).compose(hit -> hit != null
        ? Future.succeededFuture(new Served(CacheKey.of(original.sha256(), avif), hit, true, true, false))
        : interim(original, requested, accept, modern.subList(1, modern.size()), avif, gate));
  }

  /** The AVIF is not rendered: answer the next best format now, and render the AVIF afterwards. */
  private Future<Served> interim(Original original, ImageOptions requested, Accept accept, List<OutputFormat> rest,
      ImageOptions avif, RenderGate gate) {
    if (rest.isEmpty() && !FormatChoice.takes(accept, OutputFormat.JPEG)) {
      // The client takes nothing else: it waits for the AVIF, as for an explicit format=avif.
      return variants.get(original, avif, gate).map(s -> s.as(true, false));
    }
    return next(original, requested, accept, rest, gate).map(served -> {
      // After the answer: the original is stored by then, for the background render to read.
      variants.renderLater(Original.stored(original.sha256(), originals), avif);
      return served.as(true, true);
    });
  }

  /** The first of {@code candidates}, else the plain fallback (JPEG, or PNG when the original has transparency). */
  private Future<Served> next(Original original, ImageOptions requested, Accept accept, List<OutputFormat> candidates,
      RenderGate gate) {
    Future<OutputFormat> format = candidates.isEmpty()
        ? mayHaveAlpha(original).map(FormatChoice::fallback)
        : Future.succeededFuture(candidates.get(0));
    return format.compose(f -> variants.get(original, with(requested, f), gate));
  }

  private Future<Boolean> mayHaveAlpha(Original original) {
    Boolean known = alpha.getIfPresent(original.sha256());
    return known != null ? Future.succeededFuture(known) : original.bytes()
        .map(AlphaSniffer::mayHaveAlpha)
        .onSuccess(a -> alpha.put(original.sha256(), a));
  }

  private ImageOptions with(ImageOptions requested, OutputFormat format) {
    return config.resolved(requested.with(Options.FORMAT, format));
  }

  private Future<Void> writable(OutputFormat format) {
    if (writable.now().isEmpty() || writable.now().contains(format)) {
      return Future.succeededFuture();
    }
    return Future.failedFuture(new ServiceException(ErrorCode.INVALID_OPTION, "format=" + format.id()
        + " cannot be written by this service's optimizers: " + writable.whyNot(format) + "; ask for one of "
        + String.join(", ", writable.now().stream().map(OutputFormat::id).toList()) + ", or auto"));
  }
}
