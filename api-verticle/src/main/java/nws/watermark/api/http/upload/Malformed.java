package nws.watermark.api.http.upload;

import nws.watermark.shared.ErrorCode;
import nws.watermark.shared.ServiceException;

/**
 * What a request that is not well-formed is answered: its decoder's complaint (a bad chunk size, a
 * multipart body whose boundary never comes, a broken escape) is the client's fault, a 400, never a
 * 500.
 */
public final class Malformed {

  private Malformed() {}

  /** {@code err} as MALFORMED_REQUEST when a decoder of the request raised it, else as it is. */
  public static Throwable or(Throwable err) {
    if (err instanceof ServiceException) {
      return err;
    }
    for (Throwable t = err; t != null; t = t.getCause()) {
      if (t.getClass().getName().startsWith("io.netty.handler.codec.") || decodingRequest(t)) {
        return of(t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage());
      }
    }
    return err;
  }

  /**
   * {@code err} as raised while the request's body was read and decoded: as {@link #or}, and a
   * runtime exception without a stack trace is the body's fault too. HotSpot throws such
   * preallocated exceptions (no message, no frames) from code it compiled once the same implicit
   * exception was thrown there often: after thousands of malformed multipart bodies, Netty's
   * decoder's index out of bounds arrives with nothing left to recognise it by.
   */
  public static Throwable ofBody(Throwable err) {
    Throwable mapped = or(err);
    if (mapped == err && err instanceof RuntimeException && !(err instanceof ServiceException)
        && err.getStackTrace().length == 0) {
      return of("its body does not decode (" + err.getClass().getSimpleName() + ")");
    }
    return mapped;
  }

  /**
   * Thrown while Netty or Vert.x decoded the request, not by our code: an IllegalArgumentException
   * from either, or anything Netty's body decoders throw (a multipart body with a header it
   * cannot split fails with an index out of bounds, a bad charset with IllegalCharsetNameException).
   */
  private static boolean decodingRequest(Throwable t) {
    StackTraceElement[] stack = t.getStackTrace();
    if (!(t instanceof RuntimeException) || stack.length == 0) {
      return false;
    }
    if (t instanceof IllegalArgumentException
        && (stack[0].getClassName().startsWith("io.netty.") || stack[0].getClassName().startsWith("io.vertx."))) {
      return true;
    }
    for (int i = 0; i < Math.min(stack.length, 6); i++) {
      if (stack[i].getClassName().startsWith("io.netty.handler.codec.http.")) {
        return true;
      }
    }
    return false;
  }

  /** The refusal, with what was wrong (clipped: it may echo the client's bytes). */
  public static ServiceException of(String why) {
    String detail = why.length() > 160 ? why.substring(0, 160) + "..." : why;
    return new ServiceException(ErrorCode.MALFORMED_REQUEST, "the request is malformed: "
        + detail.replaceAll("\\p{Cntrl}", "?") + "; send a well-formed HTTP/1.1 request");
  }
}
