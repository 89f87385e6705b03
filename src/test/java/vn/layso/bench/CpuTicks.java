package vn.layso.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * CPU time from /proc, in microseconds: a process's own (user + system), the bench JVM's reaped
 * children's (wrk's, once it has exited), and the whole machine's busy time.
 */
public final class CpuTicks {

  private static final long MICROS_PER_TICK = 1_000_000 / clockTicks();

  private CpuTicks() {
  }

  /** utime + stime of a process, 0 when it is gone. */
  public static long process(long pid) {
    String[] f = statFields(Path.of("/proc/" + pid + "/stat"));
    return f == null ? 0 : (Long.parseLong(f[11]) + Long.parseLong(f[12])) * MICROS_PER_TICK;
  }

  /** cutime + cstime of this JVM: the children it waited for, such as a finished wrk. */
  public static long reapedChildren() {
    String[] f = statFields(Path.of("/proc/self/stat"));
    return f == null ? 0 : (Long.parseLong(f[13]) + Long.parseLong(f[14])) * MICROS_PER_TICK;
  }

  /** user + nice + system + irq + softirq of every core. */
  public static long machineBusy() {
    try {
      String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
      return (Long.parseLong(f[1]) + Long.parseLong(f[2]) + Long.parseLong(f[3]) + Long.parseLong(f[6])
          + Long.parseLong(f[7])) * MICROS_PER_TICK;
    } catch (IOException e) {
      return 0;
    }
  }

  /** The fields after the command name (which may hold spaces): index 0 is the state. */
  private static String[] statFields(Path stat) {
    try {
      String line = Files.readString(stat);
      return line.substring(line.lastIndexOf(')') + 2).trim().split("\\s+");
    } catch (IOException e) {
      return null;
    }
  }

  private static long clockTicks() {
    try {
      Process p = new ProcessBuilder("getconf", "CLK_TCK").start();
      return Long.parseLong(new String(p.getInputStream().readAllBytes()).trim());
    } catch (IOException | NumberFormatException e) {
      return 100;
    }
  }
}
