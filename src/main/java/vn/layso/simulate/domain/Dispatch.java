package vn.layso.simulate.domain;

/** Who a counter calls next in the simulation: the server's policy, or a bound's plain FIFO. */
public interface Dispatch {

  /** The ticket counter {@code counter} calls at {@code now}, or null to stay idle. */
  SimTicket next(int counter, long now, Queues queues);

  /** The counter may serve the field (primary or backup). */
  boolean mayServe(int counter, int field);

  /** The field's weight at the counter when it is a primary field, else 0. */
  int weight(int counter, int field);

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
