package nws.watermark.api.access;

import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import nws.watermark.shared.ErrorCode;
import nws.watermark.shared.Secret;
import nws.watermark.shared.ServiceException;
import nws.watermark.shared.Signer;

/**
 * Lets through only requests whose URL is signed with one of {@code NWS_SIGNING_KEYS} (see
 * {@link Signer} for the rule), and not expired: else 403 {@code INVALID_SIGNATURE}, saying
 * whether the signature is missing, wrong or expired (never which key was tried).
 */
final class SignedUrls implements Handler<RoutingContext> {

  private final Signer signer;
  private final Clock clock;
  private final AtomicLong refused = new AtomicLong();

  SignedUrls(List<Secret> keys, Clock clock) {
    this.signer = new Signer(keys.stream().map(Secret::value).toList());
    this.clock = clock;
  }

  @Override
  public void handle(RoutingContext ctx) {
    // The query's parameters only: the request's params() would have the route's path parameters too.
    List<Map.Entry<String, String>> params = ctx.queryParams().entries();
    Signer.Verdict verdict = signer.verify(ctx.request().path(), params, Instant.now(clock));
    if (verdict == Signer.Verdict.VALID) {
      ctx.next();
      return;
    }
    refused.incrementAndGet();
    ctx.fail(new ServiceException(ErrorCode.INVALID_SIGNATURE, switch (verdict) {
      case MISSING -> "this URL must be signed: add sig, the HMAC-SHA256 of the path and sorted query (see the README)";
      case WRONG -> "the signature (sig) does not match this URL: was it changed after signing, or signed with another key?";
      case EXPIRED -> "this signed URL expired (exp " + params.stream().filter(e -> e.getKey().equals(Signer.EXP))
          .findFirst().map(Map.Entry::getValue).orElse("") + " is in the past)";
      case BAD_EXPIRY -> "exp must be one whole number of Unix seconds";
      case VALID -> throw new IllegalStateException();
    }));
  }

  /** Requests refused so far. */
  long refused() {
    return refused.get();
  }
}
