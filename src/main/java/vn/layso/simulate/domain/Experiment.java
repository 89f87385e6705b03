package vn.layso.simulate.domain;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.LongFunction;
import java.util.stream.IntStream;

/**
 * Many seeded days of one scenario, every policy on the same day's tickets (common random numbers):
 * a seed draws the day once, then each policy simulates it. Days run in parallel.
 *
 * <p>With {@code yesterday} (the default), each policy first runs the day before (another day of
 * the same scenario, drawn by index −1 − i) and the measured day's prediction calibration starts
 * from its outcomes, as a server's does from yesterday's record; without it every day starts
 * uncalibrated, like a server on its first day. Only the measured day is timed and reported.
 */
public final class Experiment {

  /** One policy's days, in seed order, and the CPU time simulating them took (metrics not included). */
  public record Run(PolicySpec policy, List<DayMetrics> days, long nanos) {

    public Spread spread(String metric) {
      return Spread.of(days.stream().mapToDouble(d -> d.get(metric)).toArray());
    }

    public double millisPerDay() {
      return nanos / 1e6 / days.size();
    }
  }

  /** The runs, and the analytic bounds of each day. */
  public record Outcome(Scenario scenario, List<Run> runs, List<Bounds> bounds) {

    public Run run(String label) {
      return runs.stream().filter(r -> r.policy().label().equals(label)).findFirst().orElseThrow();
    }

    public Spread bound(boolean pooled) {
      return Spread.of(bounds.stream().mapToDouble(b -> pooled ? b.pooledMean() : b.dedicatedMean()).toArray());
    }
  }

  /** Days are timed in CPU time of their thread: other jobs on a shared machine do not count. */
  private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();

  private Experiment() {
  }

  /**
   * Seeds {@code firstSeed .. firstSeed + days - 1}, each day drawn by the generator; with
   * {@code yesterday} each runs after the day of seed {@code firstSeed − 1 − i}.
   */
  public static Outcome run(Scenario scenario, List<PolicySpec> policies, long firstSeed, int days,
                            WaitForecast forecast, boolean parallel, boolean yesterday) {
    return run(scenario, policies, days, i -> ArrivalGenerator.generate(scenario, firstSeed + i), forecast, parallel,
        yesterday);
  }

  /**
   * @param dayTrace the day of an index: 0 .. days − 1 are measured, −1 − i is day i's yesterday
   * @param parallel days on all cores (common pool), or one after another on this thread
   * @param yesterday each day's calibration starts from the outcomes of the day before it
   */
  public static Outcome run(Scenario scenario, List<PolicySpec> policies, int days,
                            LongFunction<List<TraceTicket>> dayTrace, WaitForecast forecast, boolean parallel,
                            boolean yesterday) {
    DayMetrics[][] metrics = new DayMetrics[policies.size()][days];
    long[][] nanos = new long[policies.size()][days];
    Bounds[] bounds = new Bounds[days];
    IntStream range = IntStream.range(0, days);
    (parallel ? range.parallel() : range).forEach(i -> {
      List<TraceTicket> trace = dayTrace.apply(i);
      bounds[i] = Bounds.analytic(scenario, trace);
      List<TraceTicket> before = yesterday ? dayTrace.apply(-1L - i) : null;
      for (int p = 0; p < policies.size(); p++) {
        List<vn.layso.predict.domain.Outcome> learnt = before == null ? List.of()
            : DaySimulator.run(scenario, before, Dispatch.of(policies.get(p), scenario), forecast).outcomes();
        long start = CPU.getCurrentThreadCpuTime();
        DayResult day = DaySimulator.run(scenario, trace, Dispatch.of(policies.get(p), scenario), forecast, learnt);
        nanos[p][i] = CPU.getCurrentThreadCpuTime() - start;
        metrics[p][i] = DayMetrics.of(day);
      }
    });
    List<Run> runs = new ArrayList<>();
    for (int p = 0; p < policies.size(); p++) {
      runs.add(new Run(policies.get(p), List.of(metrics[p]), Arrays.stream(nanos[p]).sum()));
    }
    return new Outcome(scenario, runs, List.of(bounds));
  }
}
