package vn.layso.simulate.domain;

/**
 * The bounds' rule: first come, first served by effective arrival, priority ignored; either each
 * counter on its main field only (dedicated: one M/M/c per field) or every counter on one queue
 * of all fields (fully pooled).
 */
final class FifoDispatch implements Dispatch {

  private final int[] main;
  private final boolean pooled;

  FifoDispatch(Scenario scenario, boolean pooled) {
    this.main = scenario.counters().stream().mapToInt(c -> scenario.fieldIndex(c.main())).toArray();
    this.pooled = pooled;
  }

  @Override
  public SimTicket next(int counter, long now, Queues queues) {
    if (!pooled) {
      return queues.fifoFirst(main[counter]);
    }
    SimTicket best = null;
    for (int f = 0; f < queues.fields(); f++) {
      SimTicket t = queues.fifoFirst(f);
      if (t != null && (best == null || Queues.ORDER.compare(t, best) < 0)) {
        best = t;
      }
    }
    return best;
  }

  @Override
  public boolean mayServe(int counter, int field) {
    return pooled || main[counter] == field;
  }

  @Override
  public int weight(int counter, int field) {
    return mayServe(counter, field) ? 1 : 0;
  }
}
