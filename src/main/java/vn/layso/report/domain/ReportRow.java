package vn.layso.report.domain;

import java.util.Map;
import vn.layso.history.domain.StaffTime;
import vn.layso.history.domain.Tally;

/**
 * One row of a report: its key (a date yyyy-MM-dd, field code, counter id, staff username, hour
 * "07" or office id), what it saw, its ratings per level, its appointments and, on staff rows, the
 * account's time (null otherwise).
 */
public record ReportRow(String key, Tally tally, Map<Integer, Long> ratings, Appointments appointments,
                        StaffTime staffTime) {

  /** Appointments booked for the row's days (net of cancellations), checked in, and missed. */
  public record Appointments(long booked, long checkedIn, long noShow) {
    public static final Appointments NONE = new Appointments(0, 0, 0);

    public Appointments plus(Appointments o) {
      return new Appointments(booked + o.booked, checkedIn + o.checkedIn, noShow + o.noShow);
    }
  }
}
