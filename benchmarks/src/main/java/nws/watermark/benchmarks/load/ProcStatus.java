package nws.watermark.benchmarks.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** What {@code /proc} says of a process: resident memory now and at its peak, CPU time so far. */
final class ProcStatus {

  /** Clock ticks per second of {@code /proc/<pid>/stat}'s times (USER_HZ, 100 on Linux). */
  private static final double TICKS_PER_SECOND = 100;

  private ProcStatus() {}

  /** VmRSS in MB, -1 when the process is gone. */
  static long rssMb(long pid) {
    return statusKb(pid, "VmRSS:") / 1024;
  }

  /** VmHWM (the peak of VmRSS) in MB, -1 when the process is gone. */
  static long peakRssMb(long pid) {
    return statusKb(pid, "VmHWM:") / 1024;
  }

  /** User plus system CPU time of every thread of the process, in ms; -1 when it is gone. */
  static double cpuMillis(long pid) {
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

  private static long statusKb(long pid, String field) {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
        if (line.startsWith(field)) {
          return Long.parseLong(line.replaceAll("[^0-9]", ""));
        }
      }
    } catch (IOException | NumberFormatException e) {
      return -1024;
    }
    return -1024;
  }
}
