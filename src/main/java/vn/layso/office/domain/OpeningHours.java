package vn.layso.office.domain;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Weekly opening hours of an office: for each weekday, the sessions it is open (morning, afternoon). */
public record OpeningHours(Map<DayOfWeek, List<Session>> week) {

  public record Session(LocalTime open, LocalTime close) {
    public Session {
      if (!open.isBefore(close)) {
        throw new IllegalArgumentException("a session must open before it closes: " + open + "-" + close);
      }
    }
  }

  public OpeningHours {
    var copy = new EnumMap<DayOfWeek, List<Session>>(DayOfWeek.class);
    week.forEach((day, sessions) -> {
      for (int i = 1; i < sessions.size(); i++) {
        if (sessions.get(i).open().isBefore(sessions.get(i - 1).close())) {
          throw new IllegalArgumentException("sessions of " + day + " overlap or are out of order");
        }
      }
      copy.put(day, List.copyOf(sessions));
    });
    week = Collections.unmodifiableMap(copy);
  }

  public List<Session> on(DayOfWeek day) {
    return week.getOrDefault(day, List.of());
  }

  public boolean isOpen(ZonedDateTime localTime) {
    LocalTime t = localTime.toLocalTime();
    return on(localTime.getDayOfWeek()).stream().anyMatch(s -> !t.isBefore(s.open()) && t.isBefore(s.close()));
  }
}
