package vn.layso.simulate.domain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.commons.math3.distribution.PoissonDistribution;
import org.apache.commons.math3.random.MersenneTwister;
import org.apache.commons.math3.random.RandomGenerator;
import vn.layso.simulate.domain.Scenario.Session;
import vn.layso.simulate.domain.Scenario.Visit;

/**
 * Draws one day of tickets for a scenario and a seed.
 * <ul>
 *   <li>Walk-ins: per field, a non-homogeneous Poisson process inside the sessions, its intensity
 *       the scenario's hourly profile (times the surge), scaled so that a normal day brings the
 *       field's expected walk-ins; drawn minute by minute (the intensity is constant within a
 *       minute, so exponential gaps restarted at each minute are exact).</li>
 *   <li>Appointments: a Poisson number of bookings per field, each in a slot chosen uniformly among
 *       the slots that fit in a session; the citizen checks in at slot start plus a normal
 *       punctuality offset, not earlier than the check-in window opens; later than the window, the
 *       citizen takes a walk-in ticket instead.</li>
 *   <li>Priority (walk-ins only), no-show and service time drawn per ticket.</li>
 * </ul>
 */
public final class ArrivalGenerator {

  private ArrivalGenerator() {
  }

  public static List<TraceTicket> generate(Scenario scenario, long seed) {
    RandomGenerator rng = new MersenneTwister(seed);
    List<TraceTicket> out = new ArrayList<>();
    double profileMinutes = 0;
    for (Session s : scenario.sessions()) {
      for (int m = s.startMinute(); m < s.endMinute(); m++) {
        profileMinutes += scenario.profile()[m / 60];
      }
    }
    for (FieldSpec field : scenario.fields()) {
      double walkIns = field.ticketsPerDay() * (1 - field.appointmentShare());
      double base = profileMinutes > 0 ? walkIns / profileMinutes : 0;
      for (Session s : scenario.sessions()) {
        for (int m = s.startMinute(); m < s.endMinute(); m++) {
          double rate = base * scenario.profile()[m / 60] * scenario.surge().factor(field.code(), m);
          if (rate <= 0) {
            continue;
          }
          for (double t = m + exponential(rng, rate); t < m + 1; t += exponential(rng, rate)) {
            out.add(ticket(rng, field, secondsMillis(t), -1, rng.nextDouble() < field.priorityShare()));
          }
        }
      }
      appointments(rng, scenario, field, out);
    }
    out.sort(Comparator.comparingLong(TraceTicket::issuedMillis));
    return out;
  }

  private static void appointments(RandomGenerator rng, Scenario scenario, FieldSpec field, List<TraceTicket> out) {
    double expected = field.ticketsPerDay() * field.appointmentShare();
    if (expected <= 0) {
      return;
    }
    Visit visit = scenario.visit();
    List<Integer> slots = new ArrayList<>();
    for (Session s : scenario.sessions()) {
      for (int m = s.startMinute(); m + visit.slotMinutes() <= s.endMinute(); m += visit.slotMinutes()) {
        slots.add(m);
      }
    }
    int count = new PoissonDistribution(rng, expected, PoissonDistribution.DEFAULT_EPSILON,
        PoissonDistribution.DEFAULT_MAX_ITERATIONS).sample();
    for (int i = 0; i < count; i++) {
      int slot = slots.get(rng.nextInt(slots.size()));
      double arrival = slot + visit.punctualityMean() + visit.punctualitySd() * rng.nextGaussian();
      arrival = Math.max(arrival, slot - visit.checkInEarlyMinutes());
      if (arrival <= slot + visit.checkInLateMinutes()) {
        out.add(ticket(rng, field, secondsMillis(arrival), slot * 60_000L, false));
      } else if (scenario.open(arrival)) {
        out.add(ticket(rng, field, secondsMillis(arrival), -1, false));
      }
    }
  }

  private static TraceTicket ticket(RandomGenerator rng, FieldSpec field, long issued, long slot, boolean priority) {
    double service = Math.max(0.05, Math.round(field.service().sample(rng) * 1000) / 1000.0);
    boolean noShow = rng.nextDouble() < field.noShowShare();
    return new TraceTicket(issued, field.code(), priority, slot, service, noShow);
  }

  private static double exponential(RandomGenerator rng, double rate) {
    return -Math.log(1 - rng.nextDouble()) / rate;
  }

  /** Minutes after midnight to milliseconds, on a whole second. */
  private static long secondsMillis(double minute) {
    return (long) Math.floor(minute * 60) * 1000L;
  }
}
