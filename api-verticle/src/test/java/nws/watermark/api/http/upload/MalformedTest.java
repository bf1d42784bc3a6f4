package nws.watermark.api.http.upload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import nws.watermark.shared.ErrorCode;
import nws.watermark.shared.ServiceException;
import org.junit.jupiter.api.Test;

/**
 * The fuzzer's 50 000-case run (seed 7) met two 500s where the same multipart bodies alone give a
 * 400: after thousands of such bodies the JIT-compiled decoder throws its index out of bounds
 * preallocated, with no message and no stack trace. Those arrive here like this.
 */
class MalformedTest {

  private static RuntimeException withoutStack(RuntimeException e) {
    e.setStackTrace(new StackTraceElement[0]);
    return e;
  }

  @Test
  void a_stackless_exception_while_the_body_is_decoded_is_the_clients_400() {
    Throwable mapped = Malformed.ofBody(withoutStack(new ArrayIndexOutOfBoundsException()));
    assertEquals(ErrorCode.MALFORMED_REQUEST, ((ServiceException) mapped).code());
  }

  @Test
  void elsewhere_a_stackless_exception_stays_a_bug() {
    RuntimeException bug = withoutStack(new NullPointerException());
    assertSame(bug, Malformed.or(bug), "outside the body's decoding nothing proves it was the client's");
  }

  @Test
  void a_netty_decoder_exception_with_its_frames_is_a_400_either_way() {
    RuntimeException decoder = new IndexOutOfBoundsException("Index 2 out of bounds for length 2");
    decoder.setStackTrace(new StackTraceElement[] {
        new StackTraceElement("io.netty.handler.codec.http.multipart.HttpPostMultipartRequestDecoder", "x", null, 1)});
    assertEquals(ErrorCode.MALFORMED_REQUEST, ((ServiceException) Malformed.or(decoder)).code());
    assertEquals(ErrorCode.MALFORMED_REQUEST, ((ServiceException) Malformed.ofBody(decoder)).code());
  }
}
