package nws.watermark.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What {@code /proc} says of a process: resident memory now and at its peak, CPU time so far. The
 * one reader of it for the load test, the soak, the capacity steps and the fuzzer.
 */
public final class ProcStatus {

  /** Clock ticks per second of {@code /proc/<pid>/stat}'s times (USER_HZ, 100 on Linux). */
  private static final double TICKS_PER_SECOND = 100;

  private ProcStatus() {}

  /** The pid a pid file records (its first word: scripts/lib.sh writes "PID STARTTIME"), -1 when none. */
  public static long pidFile(Path file) {
    try {
      return Long.parseLong(Files.readString(file).trim().split("\\s+")[0]);
    } catch (IOException | NumberFormatException e) {
      return -1;
    }
  }

  /** VmRSS in kB, -1 when the process is gone. */
  public static long rssKb(long pid) {
    return statusKb(pid, "VmRSS:");
  }

  /** VmRSS in MB, -1 when the process is gone. */
  public static long rssMb(long pid) {
    return mb(statusKb(pid, "VmRSS:"));
  }

  /** VmHWM (the peak of VmRSS) in MB, -1 when the process is gone. */
  public static long peakRssMb(long pid) {
    return mb(statusKb(pid, "VmHWM:"));
  }

  /** User plus system CPU time of every thread of the process, in ms; -1 when it is gone. */
  public static double cpuMillis(long pid) {
    try {
      String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
      // The command name (field 2) may hold spaces: count fields after its closing parenthesis.
      String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
      return ticks * 1000 / TICKS_PER_SECOND;
    } catch (IOException | RuntimeException e) {
      return -1;
    }
  }

  private static long mb(long kb) {
    return kb < 0 ? -1 : kb / 1024;
  }

  private static long statusKb(long pid, String field) {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
        if (line.startsWith(field)) {
          return Long.parseLong(line.replaceAll("[^0-9]", ""));
        }
      }
    } catch (IOException | NumberFormatException e) {
      return -1;
    }
    return -1;
  }
}
