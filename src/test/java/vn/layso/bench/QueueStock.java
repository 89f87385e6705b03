package vn.layso.bench;

/**
 * The waiting tickets of one server over the throughput offices, counted from wrk's answers
 * (warm-ups included), and the fastest call-next rate seen on it. Before a call-next phase, and
 * again after its warm-up, the bench tops the queues up to twice what that rate would call over a
 * warm-up and a measured run, in case issuing did not fill enough: a queue run dry makes the phase
 * INVALID.
 */
public final class QueueStock {

  private long waiting;
  private long fastestCallRate;
  private long issueRate = 1000;

  public void issued(long requests, double seconds) {
    waiting += requests;
    issueRate = Math.max(1, Math.round(requests / Math.max(seconds, 0.001)));
  }

  /** Tickets issued to fill the queues, which tell nothing of the issuing rate. */
  public void filled(long requests) {
    waiting += requests;
  }

  public void called(long requests, long dry, double seconds) {
    waiting -= requests - dry;
    fastestCallRate = Math.max(fastestCallRate, Math.round(requests / Math.max(seconds, 0.001)));
  }

  /** Tickets to issue before a call-next run of warm-up + measured seconds (0: enough wait). */
  public long shortfall(int seconds) {
    return Math.max(0, 2 * fastestCallRate * seconds - waiting);
  }

  public long issueRate() {
    return issueRate;
  }
}
