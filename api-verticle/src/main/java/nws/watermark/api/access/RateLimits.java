package nws.watermark.api.access;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import nws.watermark.shared.ErrorCode;
import nws.watermark.shared.ServiceException;
import nws.watermark.shared.config.Rate;

/**
 * One rate limit per client ({@code NWS_RATE_LIMIT} or {@code NWS_RENDER_RATE_LIMIT}): a token
 * bucket each, refilled evenly over the period, so a client may burst up to the whole allowance
 * and then goes at the rate. Per node: behind a load balancer over N API nodes a client gets up
 * to N times the rate. The buckets of clients not seen for a period are dropped (a full bucket
 * is the same as none), and at most {@link #MAX_CLIENTS} are kept.
 */
final class RateLimits {

  static final long MAX_CLIENTS = 100_000;

  private final Rate rate;
  private final String what;
  private final Cache<String, Bucket> buckets;
  /** Every client's allowance, built once; null when this limit is off. */
  private final Bandwidth limit;
  private final AtomicLong refused = new AtomicLong();

  /** {@code what}: what is counted, for the message ("requests", "renders"). */
  RateLimits(Rate rate, String what) {
    this.rate = rate;
    this.what = what;
    this.limit = rate.limits() ? Bandwidth.builder().capacity(rate.count()).refillGreedy(rate.count(), rate.per()).build()
        : null;
    this.buckets = Caffeine.newBuilder()
        .maximumSize(MAX_CLIENTS)
        .expireAfterAccess(rate.per())
        .executor(Runnable::run)
        .build();
  }

  boolean limits() {
    return rate.limits();
  }

  /** Takes one for {@code client}; past its rate, the 429 that says when to come back. */
  void take(String client) {
    if (!rate.limits()) {
      return;
    }
    Bucket bucket = buckets.get(client, c -> Bucket.builder().addLimit(limit).build());
    ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
    if (!probe.isConsumed()) {
      refused.incrementAndGet();
      long seconds = Math.max(1, TimeUnit.NANOSECONDS.toSeconds(probe.getNanosToWaitForRefill() + 999_999_999));
      throw new ServiceException(ErrorCode.RATE_LIMITED, "this client is over its rate of " + rate + " " + what
          + "; retry in " + seconds + " s", (int) Math.min(Integer.MAX_VALUE, seconds));
    }
  }

  /** Requests refused so far. */
  long refused() {
    return refused.get();
  }
}
