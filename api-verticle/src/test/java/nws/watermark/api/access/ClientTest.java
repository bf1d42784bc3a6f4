package nws.watermark.api.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.api.Test;

/** Whom per-client limits count: an IPv6 subscriber holds a /64, so rotating within it gains nothing. */
class ClientTest {

  @Test
  void ipv6_addresses_of_one_64_block_are_one_client_and_ipv4_is_itself() {
    assertEquals(new Client("2001:db8:0:0::1", null).id(), new Client("2001:db8::ffff:ffff:ffff:ffff", null).id());
    assertNotEquals(new Client("2001:db8::1", null).id(), new Client("2001:db8:0:1::1", null).id());
    assertEquals("20010db800000000::/64", new Client("2001:db8::1", null).id());
    assertEquals("203.0.113.7", new Client("203.0.113.7", null).id());
    assertEquals("key:3f9a02c1", new Client("2001:db8::1", "key:3f9a02c1").id(), "a key outranks the address");
    assertEquals("unknown", new Client("unknown", null).id());
  }
}
