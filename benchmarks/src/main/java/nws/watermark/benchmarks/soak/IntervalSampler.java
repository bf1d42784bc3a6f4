package nws.watermark.benchmarks.soak;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import nws.watermark.benchmarks.ProcStatus;

/**
 * Every few seconds: the latency of the interval just ended, and the resident memory (VmRSS) of
 * every process of the cluster, with each JVM's heap, found through the {@code <name>.pid} files of
 * its run folder and read again each time, so a restarted process is followed under its new pid.
 */
final class IntervalSampler implements Runnable {

  /**
   * One sample: the interval's figures, and each process's pid, RSS in kB (absent: not running)
   * and, for a JVM, its heap.
   */
  record Sample(SoakStats.Interval interval, Map<String, Long> pids, Map<String, Long> rssKb,
      Map<String, HeapCounters.Heap> heaps) {}

  private final Path runDir;
  private final SoakStats stats;
  private final double every;
  private final long startNanos;
  private final List<Sample> samples = new CopyOnWriteArrayList<>();
  private volatile boolean stopped;

  IntervalSampler(Path runDir, SoakStats stats, double every, long startNanos) {
    this.runDir = runDir;
    this.stats = stats;
    this.every = every;
    this.startNanos = startNanos;
  }

  List<Sample> samples() {
    return List.copyOf(samples);
  }

  void stop() {
    stopped = true;
  }

  @Override
  public void run() {
    for (int k = 1; !stopped; k++) {
      long wait = startNanos + (long) (k * every * 1e9) - System.nanoTime();
      try {
        Thread.sleep(Math.max(0, wait / 1_000_000));
      } catch (InterruptedException e) {
        return;
      }
      sample();
    }
  }

  /** Takes one sample now. */
  void sample() {
    Map<String, Long> pids = new TreeMap<>();
    Map<String, Long> rss = new TreeMap<>();
    Map<String, HeapCounters.Heap> heaps = new TreeMap<>();
    try (DirectoryStream<Path> files = Files.newDirectoryStream(runDir, "*.pid")) {
      for (Path file : files) {
        String name = file.getFileName().toString().replace(".pid", "");
        long pid = ProcStatus.pidFile(file);
        long kb = ProcStatus.rssKb(pid);
        if (kb >= 0) {
          pids.put(name, pid);
          rss.put(name, kb);
          HeapCounters.Heap heap = HeapCounters.of(pid);
          if (heap != null) {
            heaps.put(name, heap);
          }
        }
      }
    } catch (IOException e) {
      // the run folder is gone: the cluster was stopped
    }
    samples.add(new Sample(stats.closeInterval((System.nanoTime() - startNanos) / 1e9), pids, rss, heaps));
  }
}
