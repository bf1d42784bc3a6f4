package nws.watermark.shared;

import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.eventbus.ReplyFailure;

/** A failure with its {@link ErrorCode} and a message fit to show the client. */
public class ServiceException extends RuntimeException {

  private final ErrorCode code;
  private final int retryAfterSeconds;

  public ServiceException(ErrorCode code, String message) {
    this(code, message, 0);
  }

  /** A refusal a client may retry after {@code retryAfterSeconds} (sent as Retry-After). */
  public ServiceException(ErrorCode code, String message, int retryAfterSeconds) {
    super(message, null, false, false);
    this.code = code;
    this.retryAfterSeconds = retryAfterSeconds;
  }

  /** A failure worded as its code's {@link ErrorCode#publicMessage()}. */
  public ServiceException(ErrorCode code) {
    this(code, code.publicMessage());
  }

  public ErrorCode code() {
    return code;
  }

  /** When the client may try again, in seconds; 0 when this failure does not say. */
  public int retryAfterSeconds() {
    return retryAfterSeconds;
  }

  /**
   * The message a client may see for any failure: ours verbatim, an optimizer's refusal verbatim,
   * anything else the code's one public wording.
   */
  public static String publicMessage(Throwable err) {
    if (err instanceof ServiceException se) {
      return se.getMessage();
    }
    ErrorCode code = ErrorCode.of(err);
    if (err instanceof ReplyException re && re.failureType() == ReplyFailure.RECIPIENT_FAILURE
        && code != ErrorCode.INTERNAL && re.getMessage() != null) {
      return re.getMessage();
    }
    return code.publicMessage();
  }
}
