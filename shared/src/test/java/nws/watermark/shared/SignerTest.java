package nws.watermark.shared;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import nws.watermark.shared.Signer.Verdict;
import org.junit.jupiter.api.Test;

/** The signing rule as the README gives it, with its published test vector. */
class SignerTest {

  /** The README's test vector: users in other languages check their signer against it. */
  static final String KEY = "nws-example-signing-key-0123456789abcdef";
  static final String ID = "50d858e0985ecc7f60418aaf0cc5ab587f42c2570a884095a9e8ccacd0f6545c";
  static final String UNSIGNED = "/images/" + ID + "?w=200&wm=Hello%20World&format=webp";
  static final String SIG = "JSjWAynDPq42MTzJk5dYLWxYGqnxLXxgXEvwelZfsNA";
  private static final Instant NOW = Instant.ofEpochSecond(1_800_000_000L);

  private final Signer signer = new Signer(List.of(KEY));

  @Test
  void the_published_vector_signs_to_its_signature() {
    assertEquals("/images/" + ID + "?format=webp&w=200&wm=Hello%20World",
        Signer.canonical("/images/" + ID, Signer.parse("w=200&wm=Hello%20World&format=webp")));
    assertEquals(UNSIGNED + "&sig=" + SIG, signer.sign(UNSIGNED));
  }

  @Test
  void the_order_and_escaping_of_the_query_do_not_change_the_signature() {
    String sig = sigOf(signer.sign(UNSIGNED));
    // Another order, a space as '+', a needlessly escaped letter: the same request, the same text.
    assertEquals(Verdict.VALID, verify("/images/" + ID, "format=webp&wm=Hello+World&%77=200&sig=" + sig));
  }

  @Test
  void a_changed_parameter_a_padded_signature_and_a_missing_one_are_refused() {
    String sig = sigOf(signer.sign(UNSIGNED));
    assertEquals(Verdict.WRONG, verify("/images/" + ID, "w=2000&wm=Hello%20World&format=webp&sig=" + sig));
    assertEquals(Verdict.WRONG, verify("/images/" + ID, "w=200&wm=Hello%20World&format=webp&sig=" + sig + "="));
    assertEquals(Verdict.WRONG, verify("/images/" + ID, "w=200&wm=Hello%20World&format=webp&sig=" + sig + "&sig=" + sig));
    assertEquals(Verdict.WRONG, verify("/images/" + ID.replace('5', '6'), "w=200&wm=Hello%20World&format=webp&sig=" + sig));
    assertEquals(Verdict.MISSING, verify("/images/" + ID, "w=200&wm=Hello%20World&format=webp"));
  }

  @Test
  void an_expiry_is_signed_and_holds_until_it_passes() {
    String signed = signer.sign("/images/" + ID + "?w=100", NOW.plusSeconds(60));
    String query = signed.substring(signed.indexOf('?') + 1);
    assertEquals(Verdict.VALID, new Signer(List.of(KEY)).verify("/images/" + ID, Signer.parse(query), NOW));
    assertEquals(Verdict.EXPIRED, new Signer(List.of(KEY)).verify("/images/" + ID, Signer.parse(query),
        NOW.plusSeconds(61)));
    // Moving the expiry on breaks the signature.
    String later = query.replace("exp=" + (NOW.getEpochSecond() + 60), "exp=" + (NOW.getEpochSecond() + 6000));
    assertEquals(Verdict.WRONG, signer.verify("/images/" + ID, Signer.parse(later), NOW));
  }

  @Test
  void every_key_verifies_and_the_first_signs() {
    String old = "an-older-signing-key-that-is-being-rotated-out";
    String fresh = "a-fresh-signing-key-that-signs-from-today-on-0001";
    Signer before = new Signer(List.of(old));
    Signer during = new Signer(List.of(fresh, old));
    String path = "/images/" + ID + "?w=300";
    String byOld = before.sign(path);
    assertEquals(Verdict.VALID, verify(during, byOld));
    assertEquals(Verdict.VALID, verify(new Signer(List.of(fresh)), during.sign(path)));
    assertEquals(Verdict.WRONG, verify(new Signer(List.of(fresh)), byOld));
  }

  @Test
  void characters_outside_the_unreserved_set_are_percent_encoded_upper_case() {
    assertEquals("a-b.c_d~e%20%2B%2F%3D%26%C3%A9%F0%9F%99%82", Signer.encode("a-b.c_d~e +/=&é🙂"));
    assertEquals("/upload?wm=%C3%A9t%C3%A9", Signer.canonical("/upload", List.of(Map.entry("wm", "été"))));
  }

  private Verdict verify(String path, String query) {
    return signer.verify(path, Signer.parse(query), NOW);
  }

  private static Verdict verify(Signer by, String signed) {
    int q = signed.indexOf('?');
    return by.verify(signed.substring(0, q), Signer.parse(signed.substring(q + 1)), NOW);
  }

  private static String sigOf(String signed) {
    return signed.substring(signed.indexOf("sig=") + 4);
  }
}
