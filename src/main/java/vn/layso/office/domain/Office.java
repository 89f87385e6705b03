package vn.layso.office.domain;

import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import vn.layso.announce.domain.Announcement;
import vn.layso.booking.domain.BookingSettings;
import vn.layso.queue.domain.CallPolicy;
import vn.layso.rating.domain.RatingSettings;

/**
 * A one-stop centre (commune/ward or provincial branch): its fields, counters, priority groups,
 * service hours ({@code hours}, which booking follows) and issuing hours (when the kiosk gives
 * numbers; often earlier than the doors open, or around the clock). {@code maxPriorityInRow} is the anti-starvation rule: after that many priority calls in a
 * row at one counter, the next call there takes a normal ticket if one waits (0: priority always first).
 * {@code display}: its lobby screens' ticker and voice.
 * {@code printers}: its ticket printers, each with the kiosks it prints for (a kiosk at most once).
 * {@code booking}: its online booking rules (slots, window, limits, check-in window, retention).
 * {@code callPolicy}: the rest of its call-next rules (priority mode, appointments, aging, escalation).
 * {@code ratings}: its satisfaction ratings (3 or 5 levels, the window after DONE).
 */
public record Office(String id, String name, ZoneId timezone, List<ServiceDef> services,
                     List<Counter> counters, List<PriorityGroup> priorityGroups, int maxPriorityInRow,
                     OpeningHours hours, OpeningHours issuingHours, DisplaySettings display, List<Printer> printers,
                     BookingSettings booking, CallPolicy callPolicy, RatingSettings ratings) {

  /** An office with the default rating settings. */
  public Office(String id, String name, ZoneId timezone, List<ServiceDef> services, List<Counter> counters,
                List<PriorityGroup> priorityGroups, int maxPriorityInRow, OpeningHours hours, OpeningHours issuingHours,
                DisplaySettings display, List<Printer> printers, BookingSettings booking, CallPolicy callPolicy) {
    this(id, name, timezone, services, counters, priorityGroups, maxPriorityInRow, hours, issuingHours, display,
        printers, booking, callPolicy, RatingSettings.DEFAULTS);
  }

  /** An office with the default call-next rules. */
  public Office(String id, String name, ZoneId timezone, List<ServiceDef> services, List<Counter> counters,
                List<PriorityGroup> priorityGroups, int maxPriorityInRow, OpeningHours hours, OpeningHours issuingHours,
                DisplaySettings display, List<Printer> printers, BookingSettings booking) {
    this(id, name, timezone, services, counters, priorityGroups, maxPriorityInRow, hours, issuingHours, display,
        printers, booking, CallPolicy.DEFAULTS);
  }

  /** An office with the default booking settings. */
  public Office(String id, String name, ZoneId timezone, List<ServiceDef> services, List<Counter> counters,
                List<PriorityGroup> priorityGroups, int maxPriorityInRow, OpeningHours hours, OpeningHours issuingHours,
                DisplaySettings display, List<Printer> printers) {
    this(id, name, timezone, services, counters, priorityGroups, maxPriorityInRow, hours, issuingHours, display,
        printers, BookingSettings.DEFAULTS);
  }

  /** An office whose lobby screens use the default display settings, without ticket printers. */
  public Office(String id, String name, ZoneId timezone, List<ServiceDef> services, List<Counter> counters,
                List<PriorityGroup> priorityGroups, int maxPriorityInRow, OpeningHours hours, OpeningHours issuingHours) {
    this(id, name, timezone, services, counters, priorityGroups, maxPriorityInRow, hours, issuingHours,
        DisplaySettings.DEFAULTS, List.of());
  }

  /** An office without ticket printers. */
  public Office(String id, String name, ZoneId timezone, List<ServiceDef> services, List<Counter> counters,
                List<PriorityGroup> priorityGroups, int maxPriorityInRow, OpeningHours hours, OpeningHours issuingHours,
                DisplaySettings display) {
    this(id, name, timezone, services, counters, priorityGroups, maxPriorityInRow, hours, issuingHours, display,
        List.of());
  }

  /** An office whose lobby screens use the default display settings. */
  public Office(String id, String name, ZoneId timezone, List<ServiceDef> services, List<Counter> counters,
                List<PriorityGroup> priorityGroups, int maxPriorityInRow, OpeningHours hours, OpeningHours issuingHours,
                List<Printer> printers) {
    this(id, name, timezone, services, counters, priorityGroups, maxPriorityInRow, hours, issuingHours,
        DisplaySettings.DEFAULTS, printers);
  }

  public Office {
    OfficeRules.requireCode(id, "office id");
    Objects.requireNonNull(name, "office name");
    Objects.requireNonNull(timezone, "timezone");
    Objects.requireNonNull(hours, "openingHours");
    Objects.requireNonNull(issuingHours, "issuingHours");
    Objects.requireNonNull(display, "display");
    services = List.copyOf(services);
    counters = List.copyOf(counters);
    priorityGroups = List.copyOf(priorityGroups);
    printers = List.copyOf(Objects.requireNonNullElse(printers, List.of()));
    booking = Objects.requireNonNullElse(booking, BookingSettings.DEFAULTS);
    callPolicy = Objects.requireNonNullElse(callPolicy, CallPolicy.DEFAULTS);
    ratings = Objects.requireNonNullElse(ratings, RatingSettings.DEFAULTS);
    if (services.isEmpty()) {
      throw new IllegalArgumentException("office " + id + " needs at least one service");
    }
    requireUnique(services.stream().map(ServiceDef::code).toList(), "service code");
    requireUnique(services.stream().map(ServiceDef::prefix).toList(), "service prefix");
    requireUnique(counters.stream().map(Counter::id).toList(), "counter id");
    requireUnique(priorityGroups.stream().map(PriorityGroup::code).toList(), "priority group");
    for (Counter counter : counters) {
      for (String code : counter.weights().keySet()) {
        if (services.stream().noneMatch(s -> s.code().equals(code))) {
          throw new IllegalArgumentException("counter " + counter.id() + " serves unknown service " + code);
        }
      }
      for (String code : counter.backup()) {
        if (services.stream().noneMatch(s -> s.code().equals(code))) {
          throw new IllegalArgumentException("counter " + counter.id() + " backs up unknown service " + code);
        }
      }
    }
    for (String counter : display.counterNames().keySet()) {
      if (counters.stream().noneMatch(c -> c.id().equals(counter))) {
        throw new IllegalArgumentException("display.counterNames names unknown counter " + counter);
      }
    }
    requireUnique(printers.stream().map(Printer::id).toList(), "printer id");
    // a kiosk prints on one printer: the link must not be ambiguous
    requireUnique(printers.stream().flatMap(p -> p.kiosks().stream()).toList(), "kiosk linked to a printer");
    for (String field : booking.fieldHours().keySet()) {
      if (services.stream().noneMatch(s -> s.code().equals(field))) {
        throw new IllegalArgumentException("booking.fieldHours names unknown service " + field);
      }
    }
    if (maxPriorityInRow < 0 || maxPriorityInRow > 100) {
      throw new IllegalArgumentException("maxPriorityInRow must be 0..100");
    }
  }

  /** This office with other fields' numbering (same codes) and time zone; the rest unchanged. */
  public Office withNumbering(List<ServiceDef> services, ZoneId timezone) {
    return new Office(id, name, timezone, services, counters, priorityGroups, maxPriorityInRow, hours, issuingHours,
        display, printers, booking, callPolicy, ratings);
  }

  private static void requireUnique(List<String> values, String what) {
    var seen = new HashSet<String>();
    for (String v : values) {
      if (!seen.add(v)) {
        throw new IllegalArgumentException("duplicate " + what + ": " + v);
      }
    }
  }

  public Optional<ServiceDef> service(String code) {
    return services.stream().filter(s -> s.code().equals(code)).findFirst();
  }

  public Optional<Counter> counter(String counterId) {
    return counters.stream().filter(c -> c.id().equals(counterId)).findFirst();
  }

  public Optional<PriorityGroup> priorityGroup(String code) {
    return priorityGroups.stream().filter(g -> g.code().equals(code)).findFirst();
  }

  /**
   * What the lobby says when a counter calls (or recalls) a ticket number: a counter without a
   * numeric id is said by its name in {@code display.counterNames}, else by its display name.
   */
  public Announcement announcement(String number, String counterId, boolean recall) {
    String name = display.counterNames().getOrDefault(counterId, counter(counterId).map(Counter::name).orElse(counterId));
    return display.announcer().announce(number, counterId, name, recall);
  }

  public Optional<Printer> printer(String printerId) {
    return printers.stream().filter(p -> p.id().equals(printerId)).findFirst();
  }

  /** The printer that prints the tickets of a kiosk device (by its account name), if it has one. */
  public Optional<Printer> printerOf(String kiosk) {
    return printers.stream().filter(p -> p.serves(kiosk)).findFirst();
  }

  /** How many counters may serve a service (each with a weight of at least 1): the divisor of the first wait estimate and a factor of a booking slot's capacity. */
  public int countersServing(String service) {
    return (int) counters.stream().filter(c -> c.serves(service)).count();
  }
}
