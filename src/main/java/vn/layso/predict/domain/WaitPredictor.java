package vn.layso.predict.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.commons.math3.distribution.GammaDistribution;
import vn.layso.queue.domain.Estimate;

/**
 * Predicts a waiting ticket's wait as a distribution, from the people ahead of it in its field and
 * the counters that may serve the field.
 *
 * <p>The model: each open counter that serves the field gives it a share of its time, its weight
 * for the field times the field's load, over the same sum across all its fields (a counter shared
 * with a crowded field spends less time on this one). Its rate on the field is that share over its
 * own mean service time there. Service times are taken as exponential, so the time until the next
 * completion at the field's total rate {@code μ} is exponential whatever the busy counters are
 * doing. Idle open counters take a ticket at once: the ticket with {@code k} ahead is called after
 * {@code n = k + 1 − idle} completions (idle counted by share), and its wait is Gamma(n, 1/μ)
 * (Erlang for whole n), whose median and 90th percentile are returned. {@code n <= 0}: no wait.
 * The relative spread of Gamma(n) is 1/√n: with k ahead and no idle counter no predictor can be
 * surer than about 1/√(k+1), the floor {@link Accuracy} reports next to the measured error.
 *
 * <p>Paused counters give nothing. When no counter of the field is open (a break), the wait is
 * predicted as if its counters were back and busy; a field no counter serves is served at its own
 * mean by one. An appointment whose slot starts in {@code untilSlotMillis} counts its wait from the
 * slot's start: the quantiles are shortened by that time (never below 0).
 *
 * <p>Pure and thread-safe: the server and the simulator call the same methods.
 */
public final class WaitPredictor {

  /**
   * Absolute accuracy of the quantiles of the standard Gamma(n, 1), i.e. in mean completion
   * intervals: 1e-4 of a few minutes is well under a second, and the solver is four times faster
   * than at the default 1e-9 (about 10 µs a prediction: the simulator makes millions).
   */
  private static final double QUANTILE_ACCURACY = 1e-4;

  /** The wait of a ticket with {@code ahead} tickets before it in {@code field}'s queue. */
  public Estimate predict(QueueState state, String field, int ahead) {
    return predict(state, field, ahead, 0);
  }

  /**
   * The wait of a ticket with {@code ahead} tickets before it in {@code field}'s queue, counted
   * from the start of its appointment slot when that is {@code untilSlotMillis} (> 0) away.
   */
  public Estimate predict(QueueState state, String field, int ahead, long untilSlotMillis) {
    if (ahead < 0) {
      throw new IllegalArgumentException("ahead must be >= 0");
    }
    Service service = service(state, field, ahead);
    double n = ahead + 1 - service.idle();
    if (n <= 1e-9) {
      return new Estimate(0, 0, ahead);
    }
    double scale = 1 / service.rate();
    // quantiles scale with the scale parameter: one standard Gamma(n, 1) serves both
    double q50;
    double q90;
    if (n >= WILSON_HILFERTY_FROM) {
      q50 = wilsonHilferty(n, 0);
      q90 = wilsonHilferty(n, Z90);
    } else {
      GammaDistribution gamma = new GammaDistribution(null, n, 1.0, QUANTILE_ACCURACY);
      q50 = gamma.inverseCumulativeProbability(0.5);
      q90 = gamma.inverseCumulativeProbability(0.9);
    }
    long shift = Math.max(0, untilSlotMillis);
    long p50 = Math.max(0, Math.round(q50 * scale) - shift);
    long p90 = Math.max(p50, Math.round(q90 * scale) - shift);
    return new Estimate(p50, p90, ahead);
  }

  /**
   * From this shape on the quantiles of Gamma(n, 1) come from the Wilson-Hilferty approximation
   * (its cube root is nearly normal): within 1e-4 of the exact median and 90th percentile, relative,
   * at n = 30 and closer beyond, where the exact solver costs 10-50 µs a prediction, more the
   * longer the queue (it was a quarter of the server's CPU per issued ticket on a long queue).
   */
  static final double WILSON_HILFERTY_FROM = 30;
  /** The standard normal's 90th percentile. */
  private static final double Z90 = 1.2815515655446004;

  /** The quantile of Gamma(n, 1) at the standard normal quantile z: n (1 − 1/(9n) + z √(1/(9n)))³. */
  static double wilsonHilferty(double n, double z) {
    double a = 1 / (9 * n);
    double t = 1 - a + z * Math.sqrt(a);
    return n * t * t * t;
  }

  /** The wait a newcomer to each field would have now (behind everyone waiting there). */
  public Map<String, Estimate> newcomers(QueueState state) {
    var out = new java.util.TreeMap<String, Estimate>();
    state.fields().forEach((code, f) -> out.put(code, predict(state, code, f.waiting())));
    return out;
  }

  /** The field's total service rate (completions per ms) and its idle capacity (counters, by share). */
  record Service(double rate, double idle) {
  }

  static Service service(QueueState state, String field, int ahead) {
    QueueState.Field f = state.field(field);
    // the ticket itself is in the field's load, however stale the waiting count is
    double load = Math.max(f.waiting(), ahead + 1);
    List<QueueState.Desk> serving = new ArrayList<>();
    List<QueueState.Desk> open = new ArrayList<>();
    for (QueueState.Desk desk : state.desks()) {
      if (desk.serves(field)) {
        serving.add(desk);
        if (desk.open()) {
          open.add(desk);
        }
      }
    }
    if (serving.isEmpty()) {
      return new Service(1.0 / f.meanServiceMillis(), 0);
    }
    boolean onBreak = open.isEmpty();
    double rate = 0;
    double idle = 0;
    for (QueueState.Desk desk : onBreak ? serving : open) {
      double share = share(state, desk, field, load);
      long mean = desk.meanServiceMillis().getOrDefault(field, f.meanServiceMillis());
      rate += share / Math.max(1, mean);
      if (!onBreak && !desk.busy()) {
        idle += share;
      }
    }
    return new Service(rate, idle);
  }

  /** The part of a counter's time that goes to {@code field}: weight x load over all its fields. */
  static double share(QueueState state, QueueState.Desk desk, String field, double load) {
    double mine = desk.weights().get(field) * load;
    double all = 0;
    for (Map.Entry<String, Integer> e : desk.weights().entrySet()) {
      if (e.getKey().equals(field)) {
        all += mine;
      } else {
        QueueState.Field other = state.fields().get(e.getKey());
        all += other == null ? 0 : e.getValue() * (double) other.waiting();
      }
    }
    return mine / all;
  }
}
