package vn.layso.history.domain;

import java.time.LocalDate;
import java.util.Map;

/**
 * A day's figures as reports read them, whether summarised at the day's close (read back from the
 * stored summary) or computed live from the tickets of a day not closed yet. Staff keys are the
 * accounts as steps name them ({@code staff:lan}).
 */
public record DayFigures(LocalDate date, Tally all, Map<String, Tally> byField, Map<String, Tally> byCounter,
                         Map<String, Tally> byStaff, Map<String, Tally> byHour, Map<String, StaffTime> staffTime) {

  public DayFigures {
    byField = Map.copyOf(byField);
    byCounter = Map.copyOf(byCounter);
    byStaff = Map.copyOf(byStaff);
    byHour = Map.copyOf(byHour);
    staffTime = Map.copyOf(staffTime);
  }
}
