package vn.layso.office.domain;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Weekly hours: for each weekday, the sessions (morning, afternoon). A session may run to the end
 * of the day, written 24:00 and held as {@link LocalTime#MAX}; 00:00-24:00 every day is "always open".
 */
public record OpeningHours(Map<DayOfWeek, List<Session>> week) {

  public record Session(LocalTime open, LocalTime close) {

    public static Session parse(String range) {
      String[] parts = range.split("-");
      if (parts.length != 2) {
        throw new IllegalArgumentException("a session looks like 07:30-11:30, not " + range);
      }
      String close = parts[1].strip();
      return new Session(LocalTime.parse(parts[0].strip()), "24:00".equals(close) ? LocalTime.MAX : LocalTime.parse(close));
    }

    @Override
    public String toString() {
      return open + "-" + (close.equals(LocalTime.MAX) ? "24:00" : close.toString());
    }

    public Session {
      if (!open.isBefore(close)) {
        throw new IllegalArgumentException("a session must open before it closes: " + open + "-" + close);
      }
    }
  }

  public OpeningHours {
    var copy = new EnumMap<DayOfWeek, List<Session>>(DayOfWeek.class);
    week.forEach((day, sessions) -> {
      if (firstOverlap(sessions) >= 0) {
        throw new IllegalArgumentException("sessions of " + day + " overlap or are out of order");
      }
      copy.put(day, List.copyOf(sessions));
    });
    week = Collections.unmodifiableMap(copy);
  }

  /** The index of the first session that opens before the one before it closes, or -1 when none does. */
  public static int firstOverlap(List<Session> sessions) {
    for (int i = 1; i < sessions.size(); i++) {
      if (sessions.get(i).open().isBefore(sessions.get(i - 1).close())) {
        return i;
      }
    }
    return -1;
  }

  /** Open at every moment of every day. */
  public static OpeningHours always() {
    var week = new EnumMap<DayOfWeek, List<Session>>(DayOfWeek.class);
    for (DayOfWeek day : DayOfWeek.values()) {
      week.put(day, List.of(new Session(LocalTime.MIDNIGHT, LocalTime.MAX)));
    }
    return new OpeningHours(week);
  }

  public List<Session> on(DayOfWeek day) {
    return week.getOrDefault(day, List.of());
  }

  public boolean isOpen(ZonedDateTime localTime) {
    LocalTime t = localTime.toLocalTime();
    return on(localTime.getDayOfWeek()).stream().anyMatch(s -> !t.isBefore(s.open()) && t.isBefore(s.close()));
  }
}
