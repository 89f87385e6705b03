package vn.layso.bench;

/**
 * One measured run of a phase on a server: wrk's answer, the CPU each party used meanwhile (µs),
 * and what Redis ran (INFO commandstats after minus before).
 */
public record PhaseRun(long requests, double seconds, double p50Ms, double p99Ms, long socketErrors, long non2xx,
                       long dry, long jvmUs, long redisUs, long wrkUs, long machineUs, CommandStats redis) {

  public double perSecond() {
    return seconds > 0 ? requests / seconds : 0;
  }

  /** Why this run gives no figure, or "" when it is valid. */
  public String invalidity() {
    StringBuilder why = new StringBuilder();
    if (socketErrors > 0) {
      why.append(' ').append(socketErrors).append(" socket errors or timeouts;");
    }
    if (non2xx > 0) {
      why.append(' ').append(non2xx).append(" answers not 2xx;");
    }
    if (dry > 0) {
      why.append(" the queue ran dry (").append(dry).append(" answers 204);");
    }
    if (requests == 0) {
      why.append(" no answer at all;");
    }
    return why.toString();
  }
}
