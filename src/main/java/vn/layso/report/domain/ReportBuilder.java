package vn.layso.report.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import vn.layso.history.domain.DayFigures;
import vn.layso.history.domain.StaffTime;
import vn.layso.history.domain.Tally;

/**
 * Merges the days of a period into report rows. Counts add up; waits and service times merge
 * their histograms (the buckets are fixed, so the merged percentiles are those of the whole
 * period); ratings come from the days' rating counts ({@code <dim>|<key>|<level>} -> n) and
 * appointments from the days' appointment counts ({@code <field>|booked|checkedIn|noShow} -> n).
 */
public final class ReportBuilder {

  /** The rows and the period's total. */
  public record Report(ReportBy by, List<ReportRow> rows, ReportRow total) {
  }

  private ReportBuilder() {
  }

  public static Report build(ReportBy by, List<DayFigures> days, Map<LocalDate, Map<String, Long>> ratingCounts,
                             Map<LocalDate, Map<String, Long>> appointmentCounts) {
    Map<String, Tally> tallies = new TreeMap<>();
    Map<String, StaffTime> staff = new TreeMap<>();
    Tally total = new Tally();
    StaffTime totalStaff = StaffTime.NONE;
    for (DayFigures day : days) {
      total.merge(day.all());
      switch (by) {
        case DAY -> tallies.computeIfAbsent(day.date().toString(), k -> new Tally()).merge(day.all());
        case FIELD -> merge(tallies, day.byField());
        case COUNTER -> merge(tallies, day.byCounter());
        case HOUR -> merge(tallies, day.byHour());
        case STAFF -> {
          merge(tallies, day.byStaff());
          for (var e : day.staffTime().entrySet()) {
            staff.merge(e.getKey(), e.getValue(), StaffTime::plus);
            totalStaff = totalStaff.plus(e.getValue());
            tallies.computeIfAbsent(e.getKey(), k -> new Tally());
          }
        }
      }
    }
    Map<String, Map<Integer, Long>> ratings = new TreeMap<>();
    Map<Integer, Long> totalRatings = new TreeMap<>();
    ratingCounts.forEach((date, counts) -> counts.forEach((field, n) -> {
      String[] parts = parse(field);
      if (parts == null) {
        return;
      }
      int level = Integer.parseInt(parts[2]);
      if (parts[0].equals("all")) {
        totalRatings.merge(level, n, Long::sum);
        if (by == ReportBy.DAY) {
          ratings.computeIfAbsent(date.toString(), k -> new TreeMap<>()).merge(level, n, Long::sum);
        }
      } else if (parts[0].equals(by.code()) && by != ReportBy.DAY) {
        ratings.computeIfAbsent(parts[1], k -> new TreeMap<>()).merge(level, n, Long::sum);
      }
    }));
    Map<String, ReportRow.Appointments> appointments = new TreeMap<>();
    ReportRow.Appointments[] totalAppointments = {ReportRow.Appointments.NONE};
    appointmentCounts.forEach((date, counts) -> counts.forEach((field, n) -> {
      int bar = field.lastIndexOf('|');
      if (bar < 1) {
        return;
      }
      ReportRow.Appointments a = appointments(field.substring(bar + 1), n);
      totalAppointments[0] = totalAppointments[0].plus(a);
      if (by == ReportBy.DAY) {
        appointments.merge(date.toString(), a, ReportRow.Appointments::plus);
      } else if (by == ReportBy.FIELD) {
        appointments.merge(field.substring(0, bar), a, ReportRow.Appointments::plus);
      }
    }));
    for (String key : ratings.keySet()) {
      tallies.computeIfAbsent(key, k -> new Tally());
    }
    for (String key : appointments.keySet()) {
      tallies.computeIfAbsent(key, k -> new Tally());
    }
    List<ReportRow> rows = new ArrayList<>();
    tallies.forEach((key, tally) -> rows.add(new ReportRow(key, tally, ratings.getOrDefault(key, Map.of()),
        appointments.getOrDefault(key, ReportRow.Appointments.NONE),
        by == ReportBy.STAFF ? staff.getOrDefault(key, StaffTime.NONE) : null)));
    return new Report(by, rows, new ReportRow("total", total, totalRatings, totalAppointments[0],
        by == ReportBy.STAFF ? totalStaff : null));
  }

  private static void merge(Map<String, Tally> into, Map<String, Tally> day) {
    day.forEach((key, t) -> into.computeIfAbsent(key, k -> new Tally()).merge(t));
  }

  /** {@code dim|key|level}, the key itself possibly holding bars; null when malformed. */
  private static String[] parse(String field) {
    int first = field.indexOf('|');
    int last = field.lastIndexOf('|');
    if (first < 1 || last <= first || last != field.length() - 2 || field.charAt(last + 1) < '1' || field.charAt(last + 1) > '9') {
      return null;
    }
    return new String[] {field.substring(0, first), field.substring(first + 1, last), field.substring(last + 1)};
  }

  private static ReportRow.Appointments appointments(String what, long n) {
    return switch (what) {
      case "booked" -> new ReportRow.Appointments(n, 0, 0);
      case "checkedIn" -> new ReportRow.Appointments(0, n, 0);
      case "noShow" -> new ReportRow.Appointments(0, 0, n);
      default -> ReportRow.Appointments.NONE;
    };
  }
}
