package vn.layso.simulate.domain;

/** Who a counter calls next in the simulation: the server's policy, or a bound's plain FIFO. */
public interface Dispatch {

  /** The ticket counter {@code counter} calls at {@code now}, or null to stay idle. */
  SimTicket next(int counter, long now, Queues queues);

  /** The counter may serve the field (primary or backup). */
  boolean mayServe(int counter, int field);

  /** The field's weight at the counter when it is a primary field, else 0. */
  int weight(int counter, int field);

  /**
   * When a counter that found nothing to call while tickets it may serve wait should try again:
   * {@link Long#MAX_VALUE} when nothing can change but a new arrival or call (which wake it anyway).
   */
  default long retryAt(int counter, long now, Queues queues) {
    return now + DaySimulator.POLL_MILLIS;
  }

  /**
   * Whether a ticket just issued in the field may be the one an idle counter calls at once; when not,
   * the counter looks again at {@link #retryAt} instead.
   */
  default boolean takesNewTickets(int counter, int field) {
    return mayServe(counter, field);
  }

  static Dispatch of(PolicySpec spec, Scenario scenario) {
    return switch (spec.kind()) {
      case DEDICATED -> new CallNextDispatch(scenario, Staffing.DEDICATED.apply(scenario, Staffing.CrossAs.PRIMARY),
          spec.params(), false);
      case WEIGHTED -> new CallNextDispatch(scenario,
          spec.staffing().apply(scenario, Staffing.CrossAs.PRIMARY, spec.params().mainWeight()), spec.params(), false);
      case LAYSO -> new CallNextDispatch(scenario,
          spec.staffing().apply(scenario, spec.params().crossAs(), spec.params().mainWeight()), spec.params(), true);
      case FIFO_DEDICATED -> new FifoDispatch(scenario, false);
      case FIFO_POOLED -> new FifoDispatch(scenario, true);
    };
  }
}
