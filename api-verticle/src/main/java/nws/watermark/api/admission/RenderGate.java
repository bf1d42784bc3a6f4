package nws.watermark.api.admission;

import io.vertx.core.Future;

/**
 * Asked once before a request's variant is rendered, i.e. when no cache has it: the place for a
 * limit on what costs the most ({@code NWS_RENDER_RATE_LIMIT}). A hit never asks.
 */
@FunctionalInterface
public interface RenderGate {

  RenderGate OPEN = () -> Future.succeededFuture();

  /** Succeeds when the render may go ahead; fails with the refusal otherwise. */
  Future<Void> admit();
}
