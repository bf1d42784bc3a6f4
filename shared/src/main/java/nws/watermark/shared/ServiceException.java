package nws.watermark.shared;

import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.eventbus.ReplyFailure;

/** A failure with its {@link ErrorCode} and a message fit to show the client. */
public class ServiceException extends RuntimeException {

  private final ErrorCode code;

  public ServiceException(ErrorCode code, String message) {
    super(message, null, false, false);
    this.code = code;
  }

  public ErrorCode code() {
    return code;
  }

  /** The message a client may see for any failure: ours verbatim, anything else generic. */
  public static String publicMessage(Throwable err) {
    if (err instanceof ServiceException se) {
      return se.getMessage();
    }
    if (err instanceof ReplyException re && re.failureType() == ReplyFailure.RECIPIENT_FAILURE
        && ErrorCode.fromId(re.failureCode()) != ErrorCode.INTERNAL) {
      return re.getMessage();
    }
    return switch (ErrorCode.of(err)) {
      case OPTIMIZER_UNAVAILABLE ->
          "no optimizer answered in time, twice; the original is kept, retry the request later";
      default -> "unexpected internal error; it has been logged";
    };
  }
}
