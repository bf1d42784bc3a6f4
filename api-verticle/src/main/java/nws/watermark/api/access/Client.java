package nws.watermark.api.access;

import io.netty.util.NetUtil;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import java.util.HexFormat;

/**
 * Who a request comes from: its address (the peer's, or the one a trusted proxy forwarded) and,
 * when it showed a valid API key, that key's id. Per-client limits count by the key id when there
 * is one, else by the address.
 */
public record Client(String address, String keyId) {

  private static final String KEY = "nws.client";

  /**
   * The name per-client limits count under: the key id, else the address; an IPv6 address by its
   * /64, the block one subscriber holds, or a client could take a fresh allowance per address.
   */
  public String id() {
    if (keyId != null) {
      return keyId;
    }
    byte[] ip = address.indexOf(':') < 0 ? null : NetUtil.createByteArrayFromIpAddressString(address);
    return ip == null || ip.length != 16 ? address : HexFormat.of().formatHex(ip, 0, 8) + "::/64";
  }

  /** The client {@link AccessControl#identify()} found for this request; the peer's address before it ran. */
  public static Client of(RoutingContext ctx) {
    Client client = ctx.get(KEY);
    return client != null ? client : new Client(peer(ctx.request()), null);
  }

  /** The address of the connection's other end, "unknown" when the socket has none. */
  static String peer(HttpServerRequest request) {
    var peer = request.remoteAddress();
    return peer == null || peer.host() == null ? "unknown" : peer.host();
  }

  void putIn(RoutingContext ctx) {
    ctx.put(KEY, this);
  }
}
