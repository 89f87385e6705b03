package vn.layso.history.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import vn.layso.queue.domain.Ticket;
import vn.layso.queue.domain.TicketStep;

/**
 * Time per staff account over one day, from the day's counter log and the tickets' steps.
 * <ul>
 * <li><b>Session</b>: a counter's OPEN to its CLOSE (or the next OPEN there, or the day's end /
 *   now), counted to the account that opened it. A counter whose log has no OPEN at all (a day
 *   from before counter sessions) gets one session per account that called there: from its first
 *   call to the end of its last stay there.</li>
 * <li><b>Serving</b>: each stay that ended served at a counter, from its START (its call when
 *   never started) to its COMPLETE, counted to the account that called it.</li>
 * <li><b>Paused</b>: PAUSE to RESUME (or the end of the session), per reason, counted to the
 *   session's account; without any session at that counter, to whoever paused.</li>
 * <li><b>Idle while citizens waited</b>: in session, not paused, no citizen called at the counter
 *   (call to the end of the stay, whatever its outcome), while at least one ticket of the counter's
 *   own fields waited (from its arrival in the field to its call there, or the end of its stay).</li>
 * </ul>
 */
public final class StaffTimeCalculator {

  /** One entry of the day's counter log. */
  public record LogEntry(String counter, String act, Instant at, String by, String reason) {
  }

  private record Session(String account, String counter, long start, long end) {
  }

  private record Pause(String counter, String by, String reason, long start, long end) {
  }

  private StaffTimeCalculator() {
  }

  /**
   * @param counterFields each counter's own fields (not its backup fields)
   * @param dayEnd the end of the day, or now for a day still running
   */
  public static Map<String, StaffTime> compute(List<LogEntry> log, List<Ticket> tickets,
                                               Map<String, Set<String>> counterFields, Instant dayEnd) {
    long end = dayEnd.toEpochMilli();
    List<LogEntry> sorted = new ArrayList<>(log);
    sorted.sort(Comparator.comparing(LogEntry::at));
    List<Leg> legs = new ArrayList<>();
    tickets.forEach(t -> legs.addAll(Leg.of(t)));

    Map<String, List<long[]>> busy = new HashMap<>();
    Map<String, List<long[]>> serving = new HashMap<>();
    Map<String, List<long[]>> waitingByField = new HashMap<>();
    Map<String, long[]> calledSpan = new HashMap<>();
    for (Leg leg : legs) {
      TicketStep call = leg.call();
      long legEnd = leg.end() == null ? end : Math.min(end, leg.end().at().toEpochMilli());
      long waitEnd = call != null ? Math.min(end, call.at().toEpochMilli()) : legEnd;
      waitingByField.computeIfAbsent(leg.field(), k -> new ArrayList<>())
          .add(new long[] {leg.arrivedAt().toEpochMilli(), waitEnd});
      if (call == null || call.counter() == null) {
        continue;
      }
      long callAt = call.at().toEpochMilli();
      busy.computeIfAbsent(call.counter(), k -> new ArrayList<>()).add(new long[] {callAt, legEnd});
      String account = account(call.by());
      if (account == null) {
        continue;
      }
      calledSpan.merge(account + "\n" + call.counter(), new long[] {callAt, legEnd},
          (a, b) -> new long[] {Math.min(a[0], b[0]), Math.max(a[1], b[1])});
      if (leg.end() != null && leg.end().action().equals("COMPLETE")) {
        long from = leg.start() != null ? leg.start().at().toEpochMilli() : callAt;
        serving.computeIfAbsent(account, k -> new ArrayList<>()).add(new long[] {from, legEnd});
      }
    }

    List<Session> sessions = sessions(sorted, calledSpan, end);
    List<Pause> pauses = pauses(sorted, end);
    Map<String, Long> sessionMs = new TreeMap<>();
    Map<String, Long> idleMs = new TreeMap<>();
    Map<String, Map<String, Long>> pausedMs = new TreeMap<>();
    for (Session s : sessions) {
      Intervals session = Intervals.of(List.<long[]>of(new long[] {s.start(), s.end()}));
      sessionMs.merge(s.account(), session.length(), Long::sum);
      List<long[]> pausedHere = new ArrayList<>();
      for (Pause p : pauses) {
        if (p.counter().equals(s.counter())) {
          long paused = session.intersect(Intervals.of(List.<long[]>of(new long[] {p.start(), p.end()}))).length();
          if (paused > 0) {
            pausedMs.computeIfAbsent(s.account(), k -> new TreeMap<>()).merge(p.reason(), paused, Long::sum);
          }
          pausedHere.add(new long[] {p.start(), p.end()});
        }
      }
      List<long[]> waiting = new ArrayList<>();
      for (String field : counterFields.getOrDefault(s.counter(), Set.of())) {
        waiting.addAll(waitingByField.getOrDefault(field, List.of()));
      }
      long idle = session.intersect(Intervals.of(waiting))
          .minus(Intervals.of(pausedHere))
          .minus(Intervals.of(busy.getOrDefault(s.counter(), List.of())))
          .length();
      idleMs.merge(s.account(), idle, Long::sum);
    }
    for (Pause p : pauses) {
      boolean inAnySession = sessions.stream().anyMatch(s -> s.counter().equals(p.counter()));
      if (!inAnySession && account(p.by()) != null) {
        pausedMs.computeIfAbsent(p.by(), k -> new TreeMap<>()).merge(p.reason(), p.end() - p.start(), Long::sum);
      }
    }

    Map<String, StaffTime> out = new TreeMap<>();
    Set<String> accounts = new TreeSet<>(sessionMs.keySet());
    accounts.addAll(serving.keySet());
    accounts.addAll(pausedMs.keySet());
    for (String a : accounts) {
      Map<String, Long> paused = new TreeMap<>();
      pausedMs.getOrDefault(a, Map.of()).forEach((reason, ms) -> paused.put(reason, ms / 1000));
      out.put(a, new StaffTime(sessionMs.getOrDefault(a, 0L) / 1000,
          Intervals.of(serving.getOrDefault(a, List.of())).length() / 1000,
          idleMs.getOrDefault(a, 0L) / 1000, paused));
    }
    return out;
  }

  private static List<Session> sessions(List<LogEntry> log, Map<String, long[]> calledSpan, long end) {
    List<Session> out = new ArrayList<>();
    Map<String, LogEntry> open = new HashMap<>();
    Set<String> withOpen = new HashSet<>();
    for (LogEntry e : log) {
      if (e.act().equals("OPEN") || e.act().equals("CLOSE")) {
        LogEntry was = open.remove(e.counter());
        if (was != null) {
          out.add(new Session(was.by(), e.counter(), was.at().toEpochMilli(), Math.min(end, e.at().toEpochMilli())));
        }
        if (e.act().equals("OPEN")) {
          open.put(e.counter(), e);
          withOpen.add(e.counter());
        }
      }
    }
    open.forEach((counter, e) -> out.add(new Session(e.by(), counter, e.at().toEpochMilli(), end)));
    // days from before counter sessions: the span each account called at a counter
    calledSpan.forEach((key, span) -> {
      String[] parts = key.split("\n", 2);
      if (!withOpen.contains(parts[1])) {
        out.add(new Session(parts[0], parts[1], span[0], span[1]));
      }
    });
    out.removeIf(s -> account(s.account()) == null || s.end() <= s.start());
    return out;
  }

  private static List<Pause> pauses(List<LogEntry> log, long end) {
    List<Pause> out = new ArrayList<>();
    Map<String, LogEntry> paused = new HashMap<>();
    for (LogEntry e : log) {
      switch (e.act()) {
        case "PAUSE" -> paused.putIfAbsent(e.counter(), e);
        case "RESUME", "CLOSE", "OPEN" -> {
          LogEntry p = paused.remove(e.counter());
          if (p != null) {
            out.add(new Pause(e.counter(), p.by(), p.reason() == null ? "" : p.reason(),
                p.at().toEpochMilli(), Math.min(end, e.at().toEpochMilli())));
          }
        }
        default -> {
          // an act this reader does not know changes no time
        }
      }
    }
    paused.forEach((counter, p) -> out.add(new Pause(counter, p.by(), p.reason() == null ? "" : p.reason(),
        p.at().toEpochMilli(), end)));
    return out;
  }

  private static String account(String by) {
    return by != null && (by.startsWith("staff:") || by.startsWith("manager:") || by.startsWith("admin:")) ? by : null;
  }
}
