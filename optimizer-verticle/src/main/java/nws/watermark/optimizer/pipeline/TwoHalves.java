package nws.watermark.optimizer.pipeline;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Row-wise work split in two: the second half is offered to a helper thread while the caller does
 * the first, and the caller takes the second half back when no helper has started it by then. A job
 * alone on the machine (concurrency 1) so uses an idle core; when every core is busy with other jobs
 * the caller just does both halves, never waiting on a queue.
 */
final class TwoHalves {

  /** The rows {@code [from, to)} of some output. */
  @FunctionalInterface
  interface Rows {
    void run(int from, int to);
  }

  private static final ExecutorService HELPERS = Executors.newFixedThreadPool(
      Math.max(1, Runtime.getRuntime().availableProcessors() - 1), task -> {
        Thread t = new Thread(task, "nws-pipeline-helper");
        t.setDaemon(true);
        return t;
      });

  private TwoHalves() {}

  /** Runs {@code work} over rows {@code [0, n)}, in two halves that may run at once. */
  static void run(int n, Rows work) {
    int mid = n / 2;
    Offered second = new Offered(() -> work.run(mid, n));
    HELPERS.execute(second);
    work.run(0, mid);
    second.runOrAwait();
  }

  /** A task that runs once, on whichever thread takes it first. */
  private static final class Offered implements Runnable {

    private final Runnable task;
    private final AtomicBoolean taken = new AtomicBoolean();
    private final CountDownLatch done = new CountDownLatch(1);
    private volatile Throwable failure;

    Offered(Runnable task) {
      this.task = task;
    }

    @Override
    public void run() {
      if (!taken.compareAndSet(false, true)) {
        return;
      }
      try {
        task.run();
      } catch (Throwable t) {
        failure = t;
      } finally {
        done.countDown();
      }
    }

    /** Runs the task here unless a helper took it; then waits for it and passes on its failure. */
    void runOrAwait() {
      run();
      boolean interrupted = false;
      while (true) {
        try {
          done.await();
          break;
        } catch (InterruptedException e) {
          interrupted = true;
        }
      }
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
      if (failure instanceof RuntimeException e) {
        throw e;
      }
      if (failure instanceof Error e) {
        throw e;
      }
    }
  }
}
