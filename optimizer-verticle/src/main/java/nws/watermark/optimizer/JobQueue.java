package nws.watermark.optimizer;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.WorkerExecutor;
import java.util.ArrayDeque;
import java.util.concurrent.Callable;
import nws.watermark.shared.ErrorCode;
import nws.watermark.shared.ServiceException;

/**
 * Hands jobs to a pool of worker threads, interactive jobs first. A free worker takes the next
 * waiting interactive job. A background job (nobody waits for it) starts only when a worker is free
 * and no interactive job waits, and never on the last free worker of a pool of two or more, so an
 * interactive job arriving meanwhile still finds one; otherwise it is refused with BUSY at once and
 * its sender offers it again later. Confined to the optimizer verticle's event loop.
 */
final class JobQueue {

  private record Waiting(Callable<Object> work, Promise<Object> done) {}

  private final WorkerExecutor pool;
  private final int workers;
  private final int maxBackground;
  private final ArrayDeque<Waiting> interactive = new ArrayDeque<>();
  private int running;
  private long started;
  private int background;

  JobQueue(WorkerExecutor pool, int workers) {
    this.pool = pool;
    this.workers = workers;
    this.maxBackground = Math.max(1, workers - 1);
  }

  /** Runs {@code work} on a worker as soon as one is free, after the interactive jobs waiting before it. */
  @SuppressWarnings("unchecked")
  <T> Future<T> interactive(Callable<T> work) {
    Promise<Object> done = Promise.promise();
    interactive.add(new Waiting((Callable<Object>) work, done));
    pump();
    return (Future<T>) done.future();
  }

  /** Runs {@code work} now if a worker can be spared for it, else fails with BUSY. */
  <T> Future<T> background(Callable<T> work) {
    if (running >= workers || !interactive.isEmpty() || background >= maxBackground) {
      return Future.failedFuture(new ServiceException(ErrorCode.BUSY,
          "no worker is free for a background render now; offer it again later"));
    }
    background++;
    return run(work).andThen(done -> background--);
  }

  /** True when no job runs or waits. */
  boolean idle() {
    return running == 0 && interactive.isEmpty();
  }

  /** Jobs started since this node began. */
  long started() {
    return started;
  }

  private void pump() {
    while (running < workers && !interactive.isEmpty()) {
      Waiting next = interactive.poll();
      run(next.work()).onComplete(next.done());
    }
  }

  private <T> Future<T> run(Callable<T> work) {
    running++;
    started++;
    // Unordered: any free worker of the pool takes it.
    return pool.executeBlocking(work, false).andThen(done -> {
      running--;
      pump();
    });
  }
}
