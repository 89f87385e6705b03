package vn.layso.booking.domain;

import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Cuts a day's sessions into slots and gives each its capacity. Rule: a slot's capacity is
 * floor(appointmentShare% × counters serving the field × slotMinutes / the field's average
 * service minutes): the citizens the field's counters can serve in the slot, of which booking may
 * take the configured share (the rest is for walk-ins). A slot lies wholly inside one session; a
 * session's tail shorter than a slot is not offered.
 */
public final class SlotPlanner {

  private SlotPlanner() {
  }

  public static int capacity(int sharePercent, int counters, int slotMinutes, int avgServiceMinutes) {
    if (avgServiceMinutes < 1) {
      throw new IllegalArgumentException("avgServiceMinutes must be positive");
    }
    return (int) ((long) sharePercent * counters * slotMinutes / (100L * avgServiceMinutes));
  }

  public static List<Slot> slots(List<TimeRange> sessions, int slotMinutes, int capacity) {
    List<Slot> slots = new ArrayList<>();
    for (TimeRange session : sessions) {
      int from = minutes(session.start());
      int to = session.end().equals(LocalTime.MAX) ? 24 * 60 : minutes(session.end());
      for (int m = from; m + slotMinutes <= to; m += slotMinutes) {
        LocalTime end = m + slotMinutes == 24 * 60 ? LocalTime.MAX : LocalTime.of((m + slotMinutes) / 60, (m + slotMinutes) % 60);
        slots.add(new Slot(LocalTime.of(m / 60, m % 60), end, capacity));
      }
    }
    return slots;
  }

  public static Optional<Slot> find(List<Slot> slots, LocalTime start) {
    return slots.stream().filter(s -> s.start().equals(start)).findFirst();
  }

  private static int minutes(LocalTime t) {
    return t.getHour() * 60 + t.getMinute();
  }
}
