package vn.layso.report;

import java.util.List;
import java.util.Map;
import vn.layso.api.ApiShape;

/**
 * A report as the API answers it (schema Report), built by {@link ReportJson} from the domain's
 * rows; the CSV and Excel exports read the same figures. {@code office}, {@code officeName},
 * {@code closedDays} and {@code liveDays} are an office's report's (null, so left out, in the
 * province view).
 */
@ApiShape.Name("Report")
public record ReportView(String office, String officeName,
                        @ApiShape.Required @ApiShape.Format("date") String from,
                        @ApiShape.Required @ApiShape.Format("date") String to,
                        @ApiShape.Required @ApiShape.Values({"day", "field", "counter", "staff", "hour", "office"}) String by,
                        int levels, @ApiShape.Format("date-time") String generatedAt,
                        Integer closedDays, Integer liveDays,
                        @ApiShape.Required List<Row> rows, @ApiShape.Required Row total) {

  /** One row of a report (or its total). */
  @ApiShape.Name("ReportRow")
  public record Row(@ApiShape.Required String key, String label, long issued, long served, long noShow, long skipped,
                    long cancelled, long transferred, long expired, @ApiShape.Required Minutes waitMinutes,
                    @ApiShape.Required Minutes serviceMinutes, @ApiShape.Nullable Double withinTargetPct,
                    @ApiShape.Required Ratings ratings, @ApiShape.Required Appointments appointments,
                    StaffTimeView staffTime) {
  }

  /** Minutes, one decimal; null when nothing was measured. */
  @ApiShape.Name("ReportMinutes")
  public record Minutes(@ApiShape.Nullable Double mean, @ApiShape.Nullable Double p50, @ApiShape.Nullable Double p90) {
  }

  /** The row's ratings: how many, per level (highest first), and each level's share (%). */
  @ApiShape.Name("ReportRatings")
  public record Ratings(long count, @ApiShape.Required Map<String, Long> levels,
                        @ApiShape.Required @ApiShape.NullableValues Map<String, Double> percent) {
  }

  /** Appointments booked for the row's days, checked in, and missed. */
  @ApiShape.Name("ReportAppointments")
  public record Appointments(long booked, long checkedIn, long noShow) {
  }

  /** Staff rows only: minutes in session, serving, idle while citizens waited, paused per reason. */
  @ApiShape.Name("ReportStaffTime")
  public record StaffTimeView(double sessionMinutes, double servingMinutes, double idleWhileWaitingMinutes,
                              @ApiShape.Required Map<String, Double> pausedMinutes) {
  }
}
