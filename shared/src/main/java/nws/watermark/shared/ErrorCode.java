package nws.watermark.shared;

import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.eventbus.ReplyFailure;

/**
 * The single list of failures a client can see. Over HTTP each is a status plus the JSON body
 * {@code {"error": name(), "message": ...}}; on the event bus it is {@code msg.fail(id(), message)}.
 */
public enum ErrorCode {
  /** No image in the request: no {@code image} field, or zero bytes. */
  MISSING_IMAGE(1, 400, false),
  /** An option is unknown, malformed or out of range; the message names it. */
  INVALID_OPTION(2, 400, false),
  /** The image id in the path is not 64 hexadecimal characters. */
  INVALID_ID(3, 400, false),
  /** No route, or no stored original with this id. */
  NOT_FOUND(4, 404, false),
  /** The route exists but not for this HTTP method. */
  METHOD_NOT_ALLOWED(5, 405, false),
  /** The upload is bigger than the configured byte limit. */
  IMAGE_TOO_LARGE(6, 413, false),
  /** The request body is not an image type the service reads. */
  UNSUPPORTED_FORMAT(7, 415, false),
  /** The image is of a known type but corrupt or truncated. */
  UNDECODABLE_IMAGE(8, 422, false),
  /** The header announces more pixels than the configured limit; refused before decoding. */
  TOO_MANY_PIXELS(9, 422, false),
  /** The service is at its bound of work in flight; retry after the {@code Retry-After} delay. */
  BUSY(10, 503, false),
  /** No optimizer answered in time, twice; the original is kept, so the request can be retried. */
  OPTIMIZER_UNAVAILABLE(11, 502, true),
  /** A bug or an unexpected state; the message says no more than that. */
  INTERNAL(12, 500, true);

  private final int id;
  private final int status;
  private final boolean retryable;

  ErrorCode(int id, int status, boolean retryable) {
    this.id = id;
    this.status = status;
    this.retryable = retryable;
  }

  /** Failure code used on the event bus. */
  public int id() {
    return id;
  }

  /** HTTP status of this error. */
  public int status() {
    return status;
  }

  /** Whether another attempt with the same input may succeed (never true for a bad image). */
  public boolean retryable() {
    return retryable;
  }

  /** The code with this event-bus id, or {@link #INTERNAL} for an id that is not ours. */
  public static ErrorCode fromId(int id) {
    for (ErrorCode code : values()) {
      if (code.id == id) {
        return code;
      }
    }
    return INTERNAL;
  }

  /** The code a failure stands for: ours as is; event-bus timeouts and no-handlers as unavailable. */
  public static ErrorCode of(Throwable err) {
    if (err instanceof ServiceException se) {
      return se.code();
    }
    if (err instanceof ReplyException re) {
      return re.failureType() == ReplyFailure.RECIPIENT_FAILURE
          ? fromId(re.failureCode())
          : OPTIMIZER_UNAVAILABLE;
    }
    if (err instanceof java.util.concurrent.TimeoutException) {
      return OPTIMIZER_UNAVAILABLE;
    }
    return INTERNAL;
  }

  /** Whether a failure is worth one more attempt: the optimizer vanished, timed out or broke. */
  public static boolean isRetryable(Throwable err) {
    return of(err).retryable();
  }
}
