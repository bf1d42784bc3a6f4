package nws.watermark.api.dispatch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.eventbus.ReplyFailure;
import java.util.ArrayList;
import java.util.List;
import nws.watermark.api.dispatch.Failure.Retry;
import nws.watermark.shared.ErrorCode;
import nws.watermark.shared.ServiceException;
import org.junit.jupiter.api.Test;

/** The retry table: what each failure is worth, and the worst case of deliveries whatever fails. */
class FailureTest {

  @Test
  void every_way_an_attempt_fails_has_its_kind() {
    assertEquals(Failure.REFUSED, Failure.of(new ReplyException(ReplyFailure.RECIPIENT_FAILURE,
        ErrorCode.UNDECODABLE_IMAGE.id(), "truncated")));
    assertEquals(Failure.BROKE, Failure.of(new ReplyException(ReplyFailure.RECIPIENT_FAILURE,
        ErrorCode.INTERNAL.id(), "bug")));
    assertEquals(Failure.TIMED_OUT, Failure.of(new ReplyException(ReplyFailure.RECIPIENT_FAILURE,
        ErrorCode.OPTIMIZER_UNAVAILABLE.id(), "workers did not answer")));
    assertEquals(Failure.TIMED_OUT, Failure.of(new ReplyException(ReplyFailure.TIMEOUT, "timed out")));
    assertEquals(Failure.NO_OPTIMIZER, Failure.of(new ReplyException(ReplyFailure.NO_HANDLERS, "none")));
    assertEquals(Failure.NOT_TAKEN, Failure.of(new Failure.JobNotTaken("leaving")));
    assertEquals(Failure.LOST, Failure.of(new Failure.JobLost("node left")));
    assertEquals(Failure.REFUSED, Failure.of(new ServiceException(ErrorCode.INVALID_OPTION, "w")));
    assertEquals(Failure.BROKE, Failure.of(new IllegalStateException("unexpected")));
  }

  @Test
  void a_bad_image_and_a_missing_optimizer_are_never_retried() {
    assertEquals(Retry.NEVER, Failure.REFUSED.next(1, false));
    assertEquals(Retry.NEVER, Failure.NO_OPTIMIZER.next(1, false));
  }

  /**
   * Every sequence of failures, applied the way {@link OptimizerClient} applies the table: no job
   * is delivered more than {@value Failure#MAX_DELIVERIES} times, nor read back from storage twice.
   */
  @Test
  void whatever_fails_a_job_is_delivered_at_most_three_times_and_reloaded_at_most_once() {
    int worst = 0;
    for (List<Failure> sequence : sequences(Failure.MAX_DELIVERIES + 2)) {
      int delivered = 0;
      int reloads = 0;
      for (Failure failure : sequence) {
        delivered++;
        Retry next = failure.next(delivered, reloads > 0);
        if (next == Retry.NEVER) {
          break;
        }
        reloads += next == Retry.FROM_STORAGE ? 1 : 0;
      }
      assertTrue(reloads <= 1, "at most one read from storage: " + sequence);
      worst = Math.max(worst, delivered);
    }
    assertEquals(Failure.MAX_DELIVERIES, worst, "the documented worst case is reached and never passed");
  }

  private static List<List<Failure>> sequences(int length) {
    List<List<Failure>> all = new ArrayList<>();
    all.add(List.of());
    for (int i = 0; i < length; i++) {
      List<List<Failure>> longer = new ArrayList<>();
      for (List<Failure> s : all) {
        for (Failure f : Failure.values()) {
          List<Failure> next = new ArrayList<>(s);
          next.add(f);
          longer.add(next);
        }
      }
      all = longer;
    }
    return all;
  }
}
