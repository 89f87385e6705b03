package vn.layso.history.domain;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import vn.layso.queue.domain.Ticket;
import vn.layso.queue.domain.TicketStatus;
import vn.layso.queue.domain.TicketStep;

/**
 * One office's service day in numbers, built ticket by ticket from their steps (see {@link Leg}):
 * outcome counts, and waits and service times overall, per field, per counter, per staff account
 * and per hour of arrival, each as a {@link Distribution}.
 * <ul>
 * <li>A wait is a stay's first call minus its arrival (the issue, or the transfer into the field);
 *   it counts to the stay's field, the counter that called, the account that called and the hour
 *   of arrival (office time).</li>
 * <li>A service time is COMPLETE minus START (minus the call when never started); it, and a stay's
 *   end (served, no-show or skipped, transferred on), counts to the field, the counter and the account of the
 *   step that ended the stay and the hour of arrival. An expired stay counts to its field, the
 *   counter that had called it (if any) and its hour.</li>
 * <li>Issued tickets count to their first field, their hour of issue and, when a staff or admin
 *   account issued them, that account.</li>
 * </ul>
 * The ticket counts ({@link #issued()} ...) are by final status; {@link #transferred()} counts
 * tickets transferred at least once, while a group's transferred count is stays transferred on.
 *
 * <p>Outcomes are counted as what they are: a stay ended by COMPLETE is served (its service
 * started, or the officer pressed "complete" on a called citizen: that explicit completion counts
 * as served); NO_SHOW is a no-show; SKIP (the counter's next call replaced a called citizen who
 * never came: status NO_SHOW with endReason "skipped") is skipped, neither served nor no-show;
 * CANCEL (or a CANCELLED ticket's open stay) is cancelled; EXPIRE is expired. A wait is within
 * target when it is at most its field's target wait ({@code targets}, seconds per field).
 * {@link #staffTime} is filled by whoever knows the day's counter log (see {@link StaffTimeCalculator}).
 */
public final class DaySummary {

  private final String office;
  private final LocalDate date;
  private final ZoneId zone;
  private final Tally all = new Tally();
  private final Map<String, Tally> byField = new TreeMap<>();
  private final Map<String, Tally> byCounter = new TreeMap<>();
  private final Map<String, Tally> byStaff = new TreeMap<>();
  private final Map<String, Tally> byHour = new TreeMap<>();
  private int issued;
  private int served;
  private int noShow;
  private int expired;
  private int cancelled;
  private int skipped;
  private int transferred;
  private int priority;
  private final Map<String, Long> targets;
  private final Map<String, StaffTime> staffTime = new TreeMap<>();

  public DaySummary(String office, LocalDate date, ZoneId zone) {
    this(office, date, zone, Map.of());
  }

  /** @param targets each field's target wait in seconds (a field not named has none: no wait is within) */
  public DaySummary(String office, LocalDate date, ZoneId zone, Map<String, Long> targets) {
    this.office = office;
    this.date = date;
    this.zone = zone;
    this.targets = Map.copyOf(targets);
  }

  public void add(Ticket t) {
    issued++;
    switch (t.status()) {
      case DONE -> served++;
      case NO_SHOW -> {
        if ("skipped".equals(t.endReason())) {
          skipped++;
        } else {
          noShow++;
        }
      }
      case EXPIRED -> expired++;
      case CANCELLED -> cancelled++;
      default -> {
        // still open: only a day that is not closed yet has such tickets
      }
    }
    if (t.priority() != null) {
      priority++;
    }
    List<Leg> legs = Leg.of(t);
    if (legs.size() > 1) {
      transferred++;
    }
    String firstField = legs.isEmpty() ? t.service() : legs.get(0).field();
    tallies(firstField, null, account(t.source()), t.issuedAt()).forEach(Tally::issued);
    legs.forEach(this::add);
    Leg last = legs.isEmpty() ? null : legs.get(legs.size() - 1);
    if (t.status() == TicketStatus.CANCELLED && last != null && last.end() == null) {
      String caller = last.call() == null ? null : last.call().counter();
      tallies(last.field(), caller, null, last.arrivedAt()).forEach(Tally::cancelled);
    }
  }

  private void add(Leg leg) {
    TicketStep call = leg.call();
    String caller = call == null ? null : call.counter();
    Long target = targets.get(leg.field());
    leg.waited().ifPresent(wait -> tallies(leg.field(), caller, account(call.by()), leg.arrivedAt())
        .forEach(t -> t.waited(wait.toSeconds(), target != null && wait.toSeconds() <= target)));
    TicketStep end = leg.end();
    if (end == null) {
      return;
    }
    String counter = end.counter() != null ? end.counter() : caller;
    List<Tally> ended = tallies(leg.field(), counter, account(end.by()), leg.arrivedAt());
    switch (end.action()) {
      case "COMPLETE" -> {
        ended.forEach(Tally::served);
        leg.served().map(Duration::toSeconds).ifPresent(s -> ended.forEach(t -> t.serviceTook(s)));
      }
      case "NO_SHOW" -> ended.forEach(Tally::noShow);
      case "SKIP" -> ended.forEach(Tally::skipped);
      case "CANCEL" -> ended.forEach(Tally::cancelled);
      case "TRANSFER" -> ended.forEach(Tally::transferred);
      default -> ended.forEach(Tally::expired);
    }
  }

  /** The tallies an event counts to: the whole day, and each group that is known. */
  private List<Tally> tallies(String field, String counter, String staff, Instant at) {
    List<Tally> out = new ArrayList<>(5);
    out.add(all);
    out.add(byField.computeIfAbsent(field, k -> new Tally()));
    if (counter != null) {
      out.add(byCounter.computeIfAbsent(counter, k -> new Tally()));
    }
    if (staff != null) {
      out.add(byStaff.computeIfAbsent(staff, k -> new Tally()));
    }
    out.add(byHour.computeIfAbsent(String.format("%02d", at.atZone(zone).getHour()), k -> new Tally()));
    return out;
  }

  /** A staff, manager or admin account as steps name it ({@code staff:lan}); null for public, devices and the system. */
  private static String account(String by) {
    return by != null && (by.startsWith("staff:") || by.startsWith("manager:") || by.startsWith("admin:")) ? by : null;
  }

  public String office() {
    return office;
  }

  public LocalDate date() {
    return date;
  }

  public int issued() {
    return issued;
  }

  public int served() {
    return served;
  }

  public int noShow() {
    return noShow;
  }

  public int expired() {
    return expired;
  }

  public int cancelled() {
    return cancelled;
  }

  /** Tickets called, never started and replaced by the counter's next call (NO_SHOW, endReason "skipped"). */
  public int skipped() {
    return skipped;
  }

  /** Time at the counters per staff account (as steps name it), once {@link #staffTime(Map)} gave it. */
  public Map<String, StaffTime> staffTime() {
    return Collections.unmodifiableMap(staffTime);
  }

  public void staffTime(Map<String, StaffTime> times) {
    staffTime.clear();
    staffTime.putAll(times);
  }

  /** The day's figures as a report reads them. */
  public DayFigures figures() {
    return new DayFigures(date, all, byField, byCounter, byStaff, byHour, staffTime);
  }

  public int transferred() {
    return transferred;
  }

  public int priority() {
    return priority;
  }

  /** The whole day: every wait and service time. */
  public Tally all() {
    return all;
  }

  public Map<String, Tally> byField() {
    return Collections.unmodifiableMap(byField);
  }

  public Map<String, Tally> byCounter() {
    return Collections.unmodifiableMap(byCounter);
  }

  /** Keyed by the account as steps name it: {@code staff:<name>} or {@code admin:<name>}. */
  public Map<String, Tally> byStaff() {
    return Collections.unmodifiableMap(byStaff);
  }

  /** Keyed by the hour of arrival in the office's time zone, "00" to "23". */
  public Map<String, Tally> byHour() {
    return Collections.unmodifiableMap(byHour);
  }
}
