package nws.watermark.api.access;

import io.netty.handler.ipfilter.IpFilterRuleType;
import io.netty.handler.ipfilter.IpSubnetFilterRule;
import io.netty.util.NetUtil;
import io.vertx.core.http.HttpServerRequest;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;

/**
 * Whose {@code X-Forwarded-For} to believe ({@code NWS_TRUSTED_PROXIES}). The client is the peer,
 * unless the peer is a trusted proxy: then it is the last address of the header that is not a
 * trusted proxy too, walking from the right. Addresses left of that were written by the client
 * itself and prove nothing.
 */
final class TrustedProxies {

  private static final String X_FORWARDED_FOR = "X-Forwarded-For";
  private final List<IpSubnetFilterRule> blocks;

  TrustedProxies(List<String> cidrs) {
    this.blocks = cidrs.stream().map(TrustedProxies::rule).toList();
  }

  /** The address of the client that sent {@code request}. */
  String clientOf(HttpServerRequest request) {
    String address = Client.peer(request);
    if (blocks.isEmpty() || !trusted(address)) {
      return address;
    }
    List<String> hops = request.headers().getAll(X_FORWARDED_FOR).stream()
        .flatMap(h -> java.util.Arrays.stream(h.split(",")))
        .map(String::trim)
        .toList();
    for (int i = hops.size() - 1; i >= 0; i--) {
      String hop = hops.get(i);
      if (!NetUtil.isValidIpV4Address(hop) && !NetUtil.isValidIpV6Address(hop)) {
        // Not an address (a port, a name, garbage): nothing to its left can be trusted either.
        return address;
      }
      address = hop;
      if (!trusted(hop)) {
        return hop;
      }
    }
    return address;
  }

  private boolean trusted(String address) {
    byte[] bytes = NetUtil.createByteArrayFromIpAddressString(address);
    if (bytes == null) {
      return false;
    }
    try {
      InetSocketAddress socket = new InetSocketAddress(InetAddress.getByAddress(bytes), 0);
      return blocks.stream().anyMatch(b -> b.matches(socket));
    } catch (java.net.UnknownHostException e) {
      return false;
    }
  }

  private static IpSubnetFilterRule rule(String cidr) {
    int slash = cidr.indexOf('/');
    String address = slash < 0 ? cidr : cidr.substring(0, slash);
    int bits = slash < 0 ? (NetUtil.isValidIpV4Address(address) ? 32 : 128) : Integer.parseInt(cidr.substring(slash + 1));
    return new IpSubnetFilterRule(address, bits, IpFilterRuleType.ACCEPT);
  }
}
