package vn.layso.simulate.domain;

import java.util.List;
import vn.layso.predict.domain.Outcome;

/**
 * What one simulated day left: every ticket with its outcome, and per counter the time it was busy
 * (serving or waiting for a no-show), the time it was available (open, not on a break, plus the
 * overtime it spent serving after a session) and how many it called; and the outcomes of its raw
 * predictions as the server records them (what the next day's calibration starts from).
 */
public record DayResult(Scenario scenario, List<SimTicket> tickets, long[] busyMillis, long[] availableMillis,
                        int[] served, long lastEventMillis, List<Outcome> outcomes) {

  public double utilisation(int counter) {
    return availableMillis[counter] > 0 ? (double) busyMillis[counter] / availableMillis[counter] : 0;
  }

  public long count(SimTicket.Outcome outcome) {
    return tickets.stream().filter(t -> t.outcome() == outcome).count();
  }
}
