package nws.watermark.api.http.upload;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.streams.ReadStream;
import nws.watermark.api.admission.UploadBudget;

/**
 * An upload kept in memory, in the chunks it arrived in. The declared size is reserved up front,
 * so a burst of uploads cannot all start in memory; an upload without a declared size reserves as
 * it grows, and is refused with BUSY when the budget runs out.
 */
final class MemorySink extends UploadSink {

  private final UploadBytes body = new UploadBytes();

  MemorySink(UploadBudget budget, long maxBytes, long declared) {
    super(budget, maxBytes);
    budget.reserve(declared);
    reserved = declared;
  }

  @Override
  void keep(Buffer chunk, ReadStream<?> source) {
    long beyond = body.length() + chunk.length() - reserved;
    if (beyond > 0) {
      budget.reserve(beyond);
      reserved += beyond;
    }
    body.add(chunk);
  }

  @Override
  Future<UploadBytes> bytes() {
    return Future.succeededFuture(body);
  }
}
