package nws.watermark.api.access;

import io.vertx.ext.web.RoutingContext;

/**
 * Who a request comes from: its address (the peer's, or the one a trusted proxy forwarded) and,
 * when it showed a valid API key, that key's id. Per-client limits count by the key id when there
 * is one, else by the address.
 */
public record Client(String address, String keyId) {

  private static final String KEY = "nws.client";

  /** The name per-client limits count under. */
  public String id() {
    return keyId != null ? keyId : address;
  }

  /** The client {@link ClientIdentity} found for this request; the peer's address before it ran. */
  public static Client of(RoutingContext ctx) {
    Client client = ctx.get(KEY);
    if (client != null) {
      return client;
    }
    var peer = ctx.request().remoteAddress();
    return new Client(peer == null || peer.host() == null ? "unknown" : peer.host(), null);
  }

  void putIn(RoutingContext ctx) {
    ctx.put(KEY, this);
  }
}
