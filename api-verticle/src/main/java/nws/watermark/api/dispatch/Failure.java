package nws.watermark.api.dispatch;

import io.vertx.core.eventbus.ReplyException;
import nws.watermark.shared.ErrorCode;
import nws.watermark.shared.ServiceException;

/**
 * How one attempt at an optimizer job failed, and the one table of what that is worth: whether
 * and how the job is tried again. {@link OptimizerClient} applies it, within a budget of
 * {@value #MAX_DELIVERIES} deliveries per job of which at most one re-reads the original from
 * storage; no other place retries.
 *
 * <table>
 *   <tr><th>failure</th><th>retry</th><th>when nothing is left</th></tr>
 *   <tr><td>{@link #REFUSED}</td><td>never</td><td>the optimizer's own code (422, 415, 400)</td></tr>
 *   <tr><td>{@link #NO_OPTIMIZER}</td><td>never</td><td>503 BUSY, Retry-After</td></tr>
 *   <tr><td>{@link #NOT_TAKEN}</td><td>at once</td><td>503 BUSY, Retry-After</td></tr>
 *   <tr><td>{@link #LOST}</td><td>at once</td><td>502 OPTIMIZER_UNAVAILABLE</td></tr>
 *   <tr><td>{@link #TIMED_OUT}</td><td>once, from storage</td><td>502 OPTIMIZER_UNAVAILABLE</td></tr>
 *   <tr><td>{@link #BROKE}</td><td>once, from storage</td><td>502 OPTIMIZER_UNAVAILABLE</td></tr>
 * </table>
 */
public enum Failure {
  /** The optimizer refused the image or its options: that is the answer, and another try gives the same. */
  REFUSED(Retry.NEVER),
  /** No optimizer in this JVM, and no cluster with others: no other attempt can find one. */
  NO_OPTIMIZER(Retry.NEVER),
  /** Clustered, no optimizer took the job: the node picked was leaving, or none is left. */
  NOT_TAKEN(Retry.AT_ONCE),
  /** The node that took the job left the cluster, or no node acknowledged it in time. */
  LOST(Retry.AT_ONCE),
  /** No answer within {@code NWS_JOB_TIMEOUT_MS}. */
  TIMED_OUT(Retry.FROM_STORAGE),
  /** The optimizer failed unexpectedly (a bug, or a resource running out on its node). */
  BROKE(Retry.FROM_STORAGE);

  /** Deliveries of one job at most, the first included: the worst case, whatever fails. */
  public static final int MAX_DELIVERIES = 3;

  /** What another attempt needs. */
  public enum Retry {
    /** Nothing: the failure is the answer. */
    NEVER,
    /** Nothing but sending again: the bytes are still in memory and nobody worked on them. */
    AT_ONCE,
    /** The original read back from storage (the copy in memory may be what broke), then sent again. */
    FROM_STORAGE
  }

  /** What the client hears when this failure is the last one. */
  public enum Outcome { ANSWER, BUSY, UNAVAILABLE }

  private final Retry retry;

  Failure(Retry retry) {
    this.retry = retry;
  }

  public Retry retry() {
    return retry;
  }

  /**
   * What to do after this failure on delivery {@code delivered} (from 1), when the original has
   * {@code reloaded} from storage once already: {@link Retry#NEVER} when the budget is spent.
   */
  public Retry next(int delivered, boolean reloaded) {
    if (delivered >= MAX_DELIVERIES || (retry == Retry.FROM_STORAGE && reloaded)) {
      return Retry.NEVER;
    }
    return retry;
  }

  /** What the client is told once no attempt is left. */
  public Outcome outcome() {
    return switch (this) {
      case REFUSED -> Outcome.ANSWER;
      case NO_OPTIMIZER, NOT_TAKEN -> Outcome.BUSY;
      case LOST, TIMED_OUT, BROKE -> Outcome.UNAVAILABLE;
    };
  }

  /** The kind of an attempt's failure, as the event bus or the cluster tracking reported it. */
  public static Failure of(Throwable err) {
    if (err instanceof JobLost) {
      return LOST;
    }
    if (err instanceof JobNotTaken) {
      return NOT_TAKEN;
    }
    if (err instanceof ReplyException re) {
      return switch (re.failureType()) {
        case NO_HANDLERS -> NO_OPTIMIZER;
        case TIMEOUT -> TIMED_OUT;
        case RECIPIENT_FAILURE -> ofCode(ErrorCode.fromId(re.failureCode()));
        default -> BROKE;
      };
    }
    if (err instanceof ServiceException se) {
      return ofCode(se.code());
    }
    return BROKE;
  }

  private static Failure ofCode(ErrorCode code) {
    return switch (code) {
      case INTERNAL -> BROKE;
      // An optimizer node whose own workers did not answer in time says so with this code.
      case OPTIMIZER_UNAVAILABLE -> TIMED_OUT;
      default -> REFUSED;
    };
  }

  /** An attempt the cluster tracking gave up on: its node left, or it never acknowledged the job. */
  public static final class JobLost extends RuntimeException {
    public JobLost(String why) {
      super(why, null, false, false);
    }
  }

  /** A clustered attempt no node had a handler for (the event bus said NO_HANDLERS). */
  public static final class JobNotTaken extends RuntimeException {
    public JobNotTaken(String why) {
      super(why, null, false, false);
    }
  }
}
