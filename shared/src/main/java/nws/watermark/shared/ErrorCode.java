package nws.watermark.shared;

import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.eventbus.ReplyFailure;

/**
 * The single list of failures a client can see. Over HTTP each is a status plus the JSON body
 * {@code {"error": name(), "message": ...}}; on the event bus it is {@code msg.fail(id(), message)}.
 * Codes are only ever added, with a new id: clients keep the meaning of the ones they know.
 * Whether a failure is worth another attempt is not the code's business: the API's retry table
 * decides that from how the attempt failed.
 */
public enum ErrorCode {
  /** No image in the request: no {@code image} field, or zero bytes. */
  MISSING_IMAGE(1, 400, "no image in the request"),
  /** An option is unknown, malformed or out of range; the message names it. */
  INVALID_OPTION(2, 400, "an option is unknown, malformed or out of range"),
  /** The image id in the path is not 64 hexadecimal characters. */
  INVALID_ID(3, 400, "the image id must be 64 hexadecimal characters"),
  /** No route, or no stored original with this id. */
  NOT_FOUND(4, 404, "not found"),
  /** The route exists but not for this HTTP method. */
  METHOD_NOT_ALLOWED(5, 405, "method not allowed"),
  /** The upload is bigger than the configured byte limit. */
  IMAGE_TOO_LARGE(6, 413, "the request body is too large"),
  /** The request body is not an image type the service reads. */
  UNSUPPORTED_FORMAT(7, 415, "the upload is not an image type this service reads"),
  /** The image is of a known type but corrupt or truncated. */
  UNDECODABLE_IMAGE(8, 422, "the image is corrupt or truncated and cannot be decoded"),
  /** The header announces more pixels than the configured limit; refused before decoding. */
  TOO_MANY_PIXELS(9, 422, "the image has more pixels than the limit"),
  /** The service is at its bound of work in flight; retry after the {@code Retry-After} delay. */
  BUSY(10, 503, "the service is at its limit of work in flight; retry shortly"),
  /** No optimizer answered in time, twice; the original is kept, so the request can be retried. */
  OPTIMIZER_UNAVAILABLE(11, 502,
      "the optimizer failed or timed out, and so did the retry; the original is kept, retry the request later"),
  /** A bug or an unexpected state; the message says no more than that. */
  INTERNAL(12, 500, "unexpected internal error; it has been logged"),
  /** The request is not well-formed HTTP or multipart (a bad escape, framing, a boundary that never comes). */
  MALFORMED_REQUEST(13, 400, "the request is malformed"),
  /** The client stopped sending: its headers or its body made no progress in time. */
  REQUEST_TIMEOUT(14, 408, "the request did not arrive in time; the connection is closed"),
  /** Too many requests or renders from this client; retry after the {@code Retry-After} delay. */
  RATE_LIMITED(15, 429, "too many requests from this client; retry after the delay in Retry-After"),
  /** Uploading needs an API key, and none or a wrong one came. */
  UNAUTHORIZED(16, 401, "uploading needs a valid API key: send it as Authorization: Bearer <key> or X-API-Key"),
  /** The variant URL's signature is missing, wrong or expired. */
  INVALID_SIGNATURE(17, 403, "the URL's signature is missing, wrong or expired"),
  ORIGIN_NOT_ALLOWED(18, 403, "this origin may not call the service from a browser");

  private final int id;
  private final int status;
  private final String publicMessage;

  ErrorCode(int id, int status, String publicMessage) {
    this.id = id;
    this.status = status;
    this.publicMessage = publicMessage;
  }

  /** Failure code used on the event bus. */
  public int id() {
    return id;
  }

  /** HTTP status of this error. */
  public int status() {
    return status;
  }

  /** What a client is told when nothing more specific is known: one wording per code. */
  public String publicMessage() {
    return publicMessage;
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
}
