package vn.layso.simulate.domain;

import vn.layso.queue.domain.CallNextPolicy.Head;
import vn.layso.queue.domain.CallReason;

/** A ticket during one simulated day: its trace, its place in the queue and what became of it. */
public final class SimTicket {

  public enum Outcome { WAITING, SERVED, NO_SHOW, UNSERVED }

  final int index;
  final TraceTicket trace;
  final int field;
  final int seq;
  final Head head;
  Outcome outcome = Outcome.WAITING;
  long calledAt = -1;
  long endAt = -1;
  int counter = -1;
  /** Why the server's policy chose it (null for the FIFO bounds). */
  CallReason.Rule reason;
  /** It waited over twice its field's target while a counter that may serve it was idle. */
  boolean neglected;
  int predictedAhead = -1;
  long predictedP50 = -1;
  long predictedP90 = -1;
  /** The raw model's quantiles before the day's calibration (the shown ones are predictedP50/P90). */
  long rawP50 = -1;
  long rawP90 = -1;

  SimTicket(int index, TraceTicket trace, int field, int seq) {
    this.index = index;
    this.trace = trace;
    this.field = field;
    this.seq = seq;
    this.head = new Head(Integer.toString(index), trace.field(), trace.priority(), trace.effectiveArrivalMillis(),
        trace.appointment(), seq);
  }

  public TraceTicket trace() {
    return trace;
  }

  public int field() {
    return field;
  }

  public Outcome outcome() {
    return outcome;
  }

  public long calledAt() {
    return calledAt;
  }

  public int counter() {
    return counter;
  }

  public CallReason.Rule reason() {
    return reason;
  }

  public boolean neglected() {
    return neglected;
  }

  public long effectiveArrival() {
    return trace.effectiveArrivalMillis();
  }

  /**
   * How long the citizen waited: from the later of check-in and slot start (a walk-in: its issue)
   * to the call; never negative.
   */
  public long waitMillis() {
    return Math.max(0, calledAt - Math.max(trace.issuedMillis(), trace.effectiveArrivalMillis()));
  }

  public boolean predicted() {
    return predictedP50 >= 0;
  }

  public int predictedAhead() {
    return predictedAhead;
  }

  public long predictedP50() {
    return predictedP50;
  }

  public long predictedP90() {
    return predictedP90;
  }

  public long rawP50() {
    return rawP50;
  }

  public long rawP90() {
    return rawP90;
  }
}
