package vn.layso.booking.domain;

import java.time.LocalTime;
import java.util.Objects;

/** A span of local time within one day, start inclusive, end exclusive (e.g. a morning session 07:30-11:30). */
public record TimeRange(LocalTime start, LocalTime end) {

  public TimeRange {
    Objects.requireNonNull(start, "start");
    Objects.requireNonNull(end, "end");
    if (!start.isBefore(end)) {
      throw new IllegalArgumentException("a time range must start before it ends: " + start + "-" + end);
    }
  }

  /** Parses {@code 07:30-11:30}; {@code 24:00} is the end of the day. */
  public static TimeRange parse(String text) {
    String[] parts = text.split("-");
    if (parts.length != 2) {
      throw new IllegalArgumentException("a session looks like 07:30-11:30, not " + text);
    }
    String end = parts[1].strip();
    return new TimeRange(LocalTime.parse(parts[0].strip()), "24:00".equals(end) ? LocalTime.MAX : LocalTime.parse(end));
  }

  @Override
  public String toString() {
    return start + "-" + (end.equals(LocalTime.MAX) ? "24:00" : end.toString());
  }
}
