package vn.layso.booking.domain;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * One entry of an office's holiday calendar: a day off ({@link Kind#CLOSED}: a public holiday, a
 * Tết day, a swapped day) or a make-up working day ({@link Kind#WORKING}: e.g. a Saturday worked
 * in exchange), open in {@code hours} or, when empty, in the office's Monday hours.
 */
public record Holiday(LocalDate date, String name, Kind kind, List<TimeRange> hours) {

  public static final int MAX_NAME = 100;

  public enum Kind { CLOSED, WORKING }

  public Holiday {
    Objects.requireNonNull(date, "date");
    Objects.requireNonNull(kind, "kind");
    if (name == null || name.isBlank() || name.codePointCount(0, name.length()) > MAX_NAME) {
      throw new IllegalArgumentException("a holiday needs a name of 1.." + MAX_NAME + " characters");
    }
    hours = List.copyOf(hours == null ? List.of() : hours);
    if (kind == Kind.CLOSED && !hours.isEmpty()) {
      throw new IllegalArgumentException("a closed day has no hours");
    }
  }

  public static Holiday closed(LocalDate date, String name) {
    return new Holiday(date, name, Kind.CLOSED, List.of());
  }
}
