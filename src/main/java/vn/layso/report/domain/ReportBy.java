package vn.layso.report.domain;

import java.util.Locale;
import java.util.Optional;

/** What a report's rows are: days, fields, counters, staff accounts or hours of the day. */
public enum ReportBy {
  DAY, FIELD, COUNTER, STAFF, HOUR;

  /** The value of {@code by=}: day, field, counter, staff or hour. */
  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<ReportBy> parse(String value) {
    for (ReportBy b : values()) {
      if (b.code().equals(value)) {
        return Optional.of(b);
      }
    }
    return Optional.empty();
  }
}
