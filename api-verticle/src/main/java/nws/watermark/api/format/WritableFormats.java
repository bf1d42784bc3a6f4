package nws.watermark.api.format;

import java.util.EnumSet;
import java.util.function.Function;
import java.util.Set;
import nws.watermark.shared.OutputFormat;

/**
 * The formats some optimizer of this service can write now, so a request for one none can write
 * is refused at once (400, naming what is missing) instead of failing on every optimizer, and
 * {@code format=auto} never picks one. Standalone it is this JVM's codecs; clustered, the union of
 * what the live optimizer nodes announce.
 */
public interface WritableFormats {

  /** The formats some optimizer writes; empty while no optimizer is known (then nothing is refused). */
  Set<OutputFormat> now();

  /** Why no optimizer writes {@code format}: the missing piece, as an optimizer reported it. */
  String whyNot(OutputFormat format);

  /** Fixed formats, and why each other one is missing. */
  static WritableFormats of(Set<OutputFormat> writes, Function<OutputFormat, String> whyNot) {
    Set<OutputFormat> fixed = writes.isEmpty() ? EnumSet.noneOf(OutputFormat.class) : EnumSet.copyOf(writes);
    return new WritableFormats() {
      @Override
      public Set<OutputFormat> now() {
        return fixed;
      }

      @Override
      public String whyNot(OutputFormat format) {
        return whyNot.apply(format);
      }
    };
  }

  /** {@link #now()}, or every format when no optimizer is known. */
  default Set<OutputFormat> orAll() {
    Set<OutputFormat> now = now();
    return now.isEmpty() ? EnumSet.complementOf(EnumSet.of(OutputFormat.AUTO)) : now;
  }
}
