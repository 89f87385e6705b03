package vn.layso.simulate.domain;

import java.util.List;

/**
 * The analytic bounds for a day's arrivals and staffing, each field as one M/M/c (its dedicated
 * counters) and all fields as one M/M/c of every counter (fully pooled), with the day's average
 * arrival rate over the open hours, each field's mean service time of the day over its counters'
 * mean speed, and the nominal number of counters (breaks and late starts ignored). Steady-state
 * formulas: they ignore the rush hours and the lunch gap, so they understate real days; the
 * simulator's FIFO_DEDICATED and FIFO_POOLED policies are the same bounds on the same arrivals.
 *
 * @param dedicatedMean mean wait, minutes, weighted by tickets (infinite if a field is overloaded)
 * @param pooledMean    mean wait of the pooled queue, minutes
 * @param fieldMean     each field's mean wait on its dedicated counters
 * @param load          offered load over all counters (rho of the pooled queue)
 */
public record Bounds(double dedicatedMean, double pooledMean, double[] fieldMean, double load) {

  public static Bounds analytic(Scenario scenario, List<TraceTicket> trace) {
    int fields = scenario.fields().size();
    double minutes = scenario.openMinutes();
    double[] count = new double[fields];
    double[] work = new double[fields];
    for (TraceTicket t : trace) {
      int f = scenario.fieldIndex(t.field());
      count[f]++;
      work[f] += t.noShow() ? scenario.visit().noShowMinutes() : t.serviceMinutes();
    }
    int[] servers = new int[fields];
    double[] speed = new double[fields];
    double allSpeed = 0;
    for (CounterSpec c : scenario.counters()) {
      int f = scenario.fieldIndex(c.main());
      servers[f]++;
      speed[f] += c.speed();
      allSpeed += c.speed();
    }
    allSpeed /= scenario.counters().size();
    double[] fieldMean = new double[fields];
    double weighted = 0;
    double total = 0;
    double totalWork = 0;
    for (int f = 0; f < fields; f++) {
      if (count[f] == 0) {
        continue;
      }
      double service = work[f] / count[f] / (speed[f] / servers[f]);
      fieldMean[f] = ErlangC.meanWait(servers[f], count[f] / minutes, service);
      weighted += count[f] * fieldMean[f];
      total += count[f];
      totalWork += work[f];
    }
    int c = scenario.counters().size();
    double pooled = total == 0 ? 0 : ErlangC.meanWait(c, total / minutes, totalWork / total / allSpeed);
    double load = totalWork / allSpeed / minutes / c;
    return new Bounds(total == 0 ? 0 : weighted / total, pooled, fieldMean, load);
  }
}
