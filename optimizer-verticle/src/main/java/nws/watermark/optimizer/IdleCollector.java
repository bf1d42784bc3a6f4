package nws.watermark.optimizer;

import io.vertx.core.Vertx;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gives the memory of a burst back once it is over ({@code NWS_IDLE_GC_SECONDS}): when the node
 * has had nothing in flight for that long after some work, it runs one full collection, on a
 * worker thread, once per quiet spell. A collector that never collects on its own while the
 * application allocates nothing (ParallelGC, SerialGC) would keep whatever heap the burst touched;
 * a full collection lets it shrink the heap to its free ratios (ParallelGC only with
 * {@code -XX:+UseAdaptiveSizePolicyWithSystemGC}). imgproxy does the same
 * ({@code IMGPROXY_FREE_MEMORY_INTERVAL}). Ticks on the event loop of the parts it reads: the
 * API's job slots and upload budget on an API node (standalone, its jobs are this JVM's), the
 * {@link JobQueue} on an optimizer-only node.
 */
public final class IdleCollector {

  private static final Logger log = LoggerFactory.getLogger(IdleCollector.class);
  private static final long TICK_MS = 1000;
  private static final long MIB = 1024 * 1024;

  private final Vertx vertx;
  private final long quietNanos;
  private final BooleanSupplier idle;
  private final LongSupplier work;
  private long workSeen;
  private long quietSince = System.nanoTime();
  /** Work was done since the last collection. */
  private boolean owed;
  private boolean collecting;
  private long collections;

  /**
   * {@code idle}: nothing in flight now; {@code work}: a count that moves with every job or upload
   * let in, so work that began and ended between two ticks is seen too.
   */
  private IdleCollector(Vertx vertx, long quietSeconds, BooleanSupplier idle, LongSupplier work) {
    this.vertx = vertx;
    this.quietNanos = TimeUnit.SECONDS.toNanos(quietSeconds);
    this.idle = idle;
    this.work = work;
    this.workSeen = work.getAsLong();
  }

  /** Starts ticking on the caller's context; {@code quietSeconds} 0 never collects. */
  public static IdleCollector start(Vertx vertx, long quietSeconds, BooleanSupplier idle, LongSupplier work) {
    IdleCollector collector = new IdleCollector(vertx, quietSeconds, idle, work);
    if (quietSeconds > 0) {
      vertx.setPeriodic(TICK_MS, t -> collector.tick());
    }
    return collector;
  }

  /** Full collections run so far. */
  public long collections() {
    return collections;
  }

  private void tick() {
    long now = System.nanoTime();
    long done = work.getAsLong();
    if (done != workSeen || !idle.getAsBoolean()) {
      workSeen = done;
      quietSince = now;
      owed = true;
    } else if (owed && !collecting && now - quietSince >= quietNanos) {
      owed = false;
      collect();
    }
  }

  private void collect() {
    collecting = true;
    long quietMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - quietSince);
    vertx.executeBlocking(IdleCollector::fullCollection, false).onComplete(done -> {
      collecting = false;
      collections++;
      if (done.succeeded()) {
        log.info("idle {} ms after work: {}", quietMs, done.result());
      } else {
        log.warn("idle collection failed: {}", done.cause().toString());
      }
    });
  }

  /** Runs one full collection; says what it took and what it left. */
  private static String fullCollection() {
    MemoryUsage before = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
    long start = System.nanoTime();
    System.gc();
    long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    MemoryUsage after = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
    return "a full collection took " + ms + " ms; heap used " + before.getUsed() / MIB + " -> "
        + after.getUsed() / MIB + " MiB, committed " + before.getCommitted() / MIB + " -> "
        + after.getCommitted() / MIB + " MiB";
  }
}
