package vn.layso.simulate.domain;

import java.util.Arrays;
import java.util.List;

/**
 * A simulated centre and the kind of day it has: its fields and counters, its sessions
 * (07:30-11:30 and 13:30-17:00 with a lunch gap in Vietnam), how walk-ins spread over the hours,
 * an optional surge, and how citizens with appointments and no-shows behave.
 *
 * @param sessions     the opening sessions; tickets are issued only inside them, and counters serve
 *                     everyone who holds a number before they leave a session
 * @param profile      relative walk-in intensity per clock hour (24 entries)
 * @param surge        extra walk-ins on top of a normal day (factor 1: none)
 * @param visit        appointments' slots and punctuality, and what a no-show costs a counter
 */
public record Scenario(String name, String description, List<FieldSpec> fields, List<CounterSpec> counters,
                       List<Session> sessions, double[] profile, Surge surge, Visit visit) {

  /** From {@code startMinute} to {@code endMinute}, minutes after midnight. */
  public record Session(int startMinute, int endMinute) {
    public Session {
      if (startMinute < 0 || endMinute > 24 * 60 || endMinute <= startMinute) {
        throw new IllegalArgumentException("a session runs forwards within one day");
      }
    }

    public static Session of(String hhmmDashHhmm) {
      String[] p = hhmmDashHhmm.split("-");
      return new Session(minute(p[0]), minute(p[1]));
    }

    public int minutes() {
      return endMinute - startMinute;
    }

    public boolean contains(double minute) {
      return minute >= startMinute && minute < endMinute;
    }
  }

  /**
   * Walk-in arrivals multiplied by {@code factor} from {@code fromMinute} to {@code toMinute}, in the
   * listed fields (all fields when the list is empty).
   */
  public record Surge(double factor, int fromMinute, int toMinute, List<String> fields) {
    public static final Surge NONE = new Surge(1, 0, 0, List.of());

    public Surge {
      fields = List.copyOf(fields);
      if (!(factor > 0) || toMinute < fromMinute) {
        throw new IllegalArgumentException("a surge multiplies arrivals by a positive factor over a span");
      }
    }

    public double factor(String field, double minute) {
      boolean hits = minute >= fromMinute && minute < toMinute && (fields.isEmpty() || fields.contains(field));
      return hits ? factor : 1;
    }
  }

  /**
   * @param slotMinutes         length of an appointment slot
   * @param punctualityMean     mean minutes after slot start a booked citizen checks in (negative: early)
   * @param punctualitySd       spread of that, minutes
   * @param checkInEarlyMinutes earliest check-in before the slot (the server's default 30)
   * @param checkInLateMinutes  latest check-in after the slot start (default 15); later, the
   *                            citizen takes a walk-in ticket (the office's {@code lateArrival: walk-in})
   * @param noShowMinutes       counter time a no-show costs: called, recalled, then marked no-show
   */
  public record Visit(int slotMinutes, double punctualityMean, double punctualitySd, int checkInEarlyMinutes,
                      int checkInLateMinutes, double noShowMinutes) {
    public static final Visit DEFAULT = new Visit(30, -5, 8, 30, 15, 2);
  }

  public Scenario {
    fields = List.copyOf(fields);
    counters = List.copyOf(counters);
    sessions = List.copyOf(sessions);
    profile = profile.clone();
    if (fields.isEmpty() || counters.isEmpty() || sessions.isEmpty() || profile.length != 24) {
      throw new IllegalArgumentException("a scenario needs fields, counters, sessions and a 24-hour profile");
    }
    List<String> codes = fields.stream().map(FieldSpec::code).toList();
    if (codes.stream().distinct().count() != codes.size()) {
      throw new IllegalArgumentException("field codes must be unique");
    }
    for (CounterSpec c : counters) {
      if (!codes.containsAll(c.weights().keySet()) || !codes.containsAll(c.backup())) {
        throw new IllegalArgumentException("counter " + c.id() + " serves a field the scenario lacks");
      }
    }
  }

  public FieldSpec field(String code) {
    return fields.get(fieldIndex(code));
  }

  public int fieldIndex(String code) {
    for (int i = 0; i < fields.size(); i++) {
      if (fields.get(i).code().equals(code)) {
        return i;
      }
    }
    throw new IllegalArgumentException("unknown field: " + code);
  }

  public Scenario withCounters(List<CounterSpec> newCounters) {
    return new Scenario(name, description, fields, newCounters, sessions, profile, surge, visit);
  }

  public Scenario withFields(List<FieldSpec> newFields) {
    return new Scenario(name, description, newFields, counters, sessions, profile, surge, visit);
  }

  public Scenario named(String newName, String newDescription, Surge newSurge) {
    return new Scenario(newName, newDescription, fields, counters, sessions, profile, newSurge, visit);
  }

  /** Minutes the office is open in a day. */
  public int openMinutes() {
    return sessions.stream().mapToInt(Session::minutes).sum();
  }

  public boolean open(double minute) {
    return sessions.stream().anyMatch(s -> s.contains(minute));
  }

  public int firstMinute() {
    return sessions.get(0).startMinute();
  }

  public int lastMinute() {
    return sessions.get(sessions.size() - 1).endMinute();
  }

  static int minute(String hhmm) {
    String[] p = hhmm.trim().split(":");
    return Integer.parseInt(p[0]) * 60 + Integer.parseInt(p[1]);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Scenario s && s.name.equals(name) && s.fields.equals(fields) && s.counters.equals(counters)
        && s.sessions.equals(sessions) && Arrays.equals(s.profile, profile) && s.surge.equals(surge)
        && s.visit.equals(visit);
  }

  @Override
  public int hashCode() {
    return name.hashCode() * 31 + fields.hashCode();
  }

  @Override
  public String toString() {
    return "Scenario[" + name + "]";
  }
}
