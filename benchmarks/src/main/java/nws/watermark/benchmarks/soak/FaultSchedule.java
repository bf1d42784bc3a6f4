package nws.watermark.benchmarks.soak;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import nws.watermark.benchmarks.PlainHttp;
import nws.watermark.benchmarks.ProcStatus;

/**
 * The faults of a soak, on a fixed schedule: every {@code faultEvery} seconds the next target in
 * turn (Redis, the S3 server, an optimizer JVM, or every optimizer at once) is killed with SIGKILL, stays down {@code down}
 * seconds, then the restart command brings back whatever is not running. A fault is only started
 * when there is time left for it to recover before the traffic stops. Every step is recorded with
 * its time, for the report's markers and to match lost requests against.
 */
final class FaultSchedule implements Runnable {

  /** What happened to a target, when (seconds since the soak started). */
  record Event(double at, String target, String action, long pid, String detail) {}

  /** Time kept after a restart for a node to rejoin before the traffic stops. */
  private static final double RECOVERY_SECONDS = 45;
  /** The target that stands for every optimizer JVM of the run, killed together. */
  static final String ALL_OPTIMIZERS = "optimizers";
  private static final Pattern MEMBERS = Pattern.compile("\"members\"\\s*:\\s*(\\d+)");

  private final SoakSettings settings;
  private final long startNanos;
  private final List<Event> events = new CopyOnWriteArrayList<>();

  FaultSchedule(SoakSettings settings, long startNanos) {
    this.settings = settings;
    this.startNanos = startNanos;
  }

  List<Event> events() {
    return List.copyOf(events);
  }

  @Override
  public void run() {
    for (int k = 0; ; k++) {
      double at = settings.firstFault() + k * settings.faultEvery();
      if (settings.targets().isEmpty() || at + settings.down() + RECOVERY_SECONDS > settings.seconds()) {
        return;
      }
      if (!sleepUntil(at)) {
        return;
      }
      String target = settings.targets().get(k % settings.targets().size());
      processes(target).forEach(this::kill);
      if (!sleepUntil(now() + settings.down())) {
        return;
      }
      restart(k, target);
    }
  }

  /**
   * What a target names: {@code optimizers} is every optimizer JVM at once (the API must answer 503
   * with Retry-After at once, not send jobs to dead nodes); anything else, its own process.
   */
  private List<String> processes(String target) {
    if (!target.equals(ALL_OPTIMIZERS)) {
      return List.of(target);
    }
    return IntStream.rangeClosed(1, settings.optimizers()).mapToObj(i -> "optimizer" + i).toList();
  }

  private void kill(String target) {
    long pid = pid(target);
    ProcessHandle process = ProcessHandle.of(pid).orElse(null);
    if (process == null) {
      events.add(new Event(now(), target, "not running", pid, "nothing to kill"));
      return;
    }
    // The time the signal went, not when the exit was seen: that is polled, and lags by a second.
    double at = now();
    process.destroyForcibly();
    process.onExit().orTimeout(10, TimeUnit.SECONDS).exceptionally(e -> null).join();
    events.add(new Event(at, target, "kill -9", pid, ""));
  }

  private void restart(int k, String target) {
    double t0 = now();
    Path log = settings.runDir().resolve("restart-" + k + "-" + target + ".log");
    String detail;
    try {
      Process p = new ProcessBuilder("bash", "-c", settings.restart()).redirectErrorStream(true)
          .redirectOutput(log.toFile()).start();
      boolean done = p.waitFor(240, TimeUnit.SECONDS);
      detail = !done ? "restart command still running after 240 s" : p.exitValue() != 0
          ? "restart command failed, exit " + p.exitValue() + " (" + log.getFileName() + ")" : "";
    } catch (IOException e) {
      detail = "restart command did not start: " + e;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return;
    }
    events.add(new Event(now(), target, "restarted", pid(target),
        String.format(java.util.Locale.ROOT, "in %.1f s %s", now() - t0, detail).trim()));
    if (target.startsWith("optimizer")) {
      awaitMembers(settings.optimizers() + 1, target);
    }
  }

  /** Polls the API's /ready until the cluster has {@code members} again (60 s at most). */
  private void awaitMembers(int members, String target) {
    double t0 = now();
    try (PlainHttp http = new PlainHttp(settings.port(), 5_000)) {
      while (now() - t0 < 60) {
        try {
          Matcher m = MEMBERS.matcher(http.exchange("GET", "/ready", Map.of(), null, new byte[0]).bodyStart());
          if (m.find() && Integer.parseInt(m.group(1)) >= members) {
            events.add(new Event(now(), target, "rejoined", pid(target), members + " members"));
            return;
          }
        } catch (IOException e) {
          http.close();
        }
        sleepUntil(now() + 0.5);
      }
    }
    events.add(new Event(now(), target, "not rejoined", pid(target), "fewer than " + members + " members after 60 s"));
  }

  /** The pid in {@code <runDir>/<target>.pid}, -1 when there is none. */
  private long pid(String target) {
    return ProcStatus.pidFile(settings.runDir().resolve(target + ".pid"));
  }

  private double now() {
    return (System.nanoTime() - startNanos) / 1e9;
  }

  private boolean sleepUntil(double seconds) {
    try {
      long millis = (long) ((seconds - now()) * 1000);
      if (millis > 0) {
        Thread.sleep(millis);
      }
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
