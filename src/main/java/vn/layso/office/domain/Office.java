package vn.layso.office.domain;

import java.time.ZoneId;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A one-stop centre (commune/ward or provincial branch): its fields, counters, priority groups,
 * service hours ({@code hours}, which booking follows) and issuing hours (when the kiosk gives
 * numbers; often earlier than the doors open, or around the clock). {@code maxPriorityInRow} is the
 * anti-starvation rule: after that many priority calls in a row at one counter, the next call there
 * takes a normal ticket if one waits (0: priority always first).
 * {@code printers}: its ticket printers, each with the kiosks it prints for (a kiosk at most once).
 * {@code sections}: the settings that belong to single features (booking, call policy, display,
 * ratings...), each filed under the feature's {@link SectionKey}; the office knows none of them.
 * A section equal to its key's defaults is not kept, so an absent section and a default one are equal.
 * {@code walkInIssuing}: who may take walk-in numbers (kiosk and staff only, or anyone within limits).
 */
public record Office(String id, String name, ZoneId timezone, List<ServiceDef> services,
                     List<Counter> counters, List<PriorityGroup> priorityGroups, int maxPriorityInRow,
                     OpeningHours hours, OpeningHours issuingHours, List<Printer> printers,
                     Map<SectionKey<?>, Object> sections, WalkInIssuing walkInIssuing) {

  /** An office whose walk-in numbers come from its kiosks and staff only (the default). */
  public Office(String id, String name, ZoneId timezone, List<ServiceDef> services, List<Counter> counters,
                List<PriorityGroup> priorityGroups, int maxPriorityInRow, OpeningHours hours, OpeningHours issuingHours,
                List<Printer> printers, Map<SectionKey<?>, Object> sections) {
    this(id, name, timezone, services, counters, priorityGroups, maxPriorityInRow, hours, issuingHours, printers,
        sections, WalkInIssuing.KIOSK);
  }

  /** An office with every section at its defaults. */
  public Office(String id, String name, ZoneId timezone, List<ServiceDef> services, List<Counter> counters,
                List<PriorityGroup> priorityGroups, int maxPriorityInRow, OpeningHours hours, OpeningHours issuingHours,
                List<Printer> printers) {
    this(id, name, timezone, services, counters, priorityGroups, maxPriorityInRow, hours, issuingHours, printers,
        Map.of());
  }

  /** An office without ticket printers, every section at its defaults. */
  public Office(String id, String name, ZoneId timezone, List<ServiceDef> services, List<Counter> counters,
                List<PriorityGroup> priorityGroups, int maxPriorityInRow, OpeningHours hours, OpeningHours issuingHours) {
    this(id, name, timezone, services, counters, priorityGroups, maxPriorityInRow, hours, issuingHours, List.of());
  }

  public Office {
    OfficeRules.requireCode(id, "office id");
    Objects.requireNonNull(name, "office name");
    Objects.requireNonNull(timezone, "timezone");
    Objects.requireNonNull(hours, "openingHours");
    Objects.requireNonNull(issuingHours, "issuingHours");
    services = List.copyOf(services);
    counters = List.copyOf(counters);
    priorityGroups = List.copyOf(priorityGroups);
    printers = List.copyOf(Objects.requireNonNullElse(printers, List.of()));
    sections = kept(sections);
    walkInIssuing = Objects.requireNonNullElse(walkInIssuing, WalkInIssuing.KIOSK);
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
    requireUnique(printers.stream().map(Printer::id).toList(), "printer id");
    // a kiosk prints on one printer: the link must not be ambiguous
    requireUnique(printers.stream().flatMap(p -> p.kiosks().stream()).toList(), "kiosk linked to a printer");
    if (maxPriorityInRow < 0 || maxPriorityInRow > 100) {
      throw new IllegalArgumentException("maxPriorityInRow must be 0..100");
    }
  }

  /** This office with other fields' numbering (same codes) and time zone; the rest unchanged. */
  public Office withNumbering(List<ServiceDef> services, ZoneId timezone) {
    return new Office(id, name, timezone, services, counters, priorityGroups, maxPriorityInRow, hours, issuingHours,
        printers, sections, walkInIssuing);
  }

  /** This office with one section replaced (the key's defaults: as if absent); the rest unchanged. */
  public <T> Office with(SectionKey<T> key, T value) {
    Map<SectionKey<?>, Object> next = new LinkedHashMap<>(sections);
    next.put(key, Objects.requireNonNull(value, key.name()));
    return new Office(id, name, timezone, services, counters, priorityGroups, maxPriorityInRow, hours, issuingHours,
        printers, next, walkInIssuing);
  }

  /** The section filed under {@code key}, or the key's defaults when this office has none. */
  public <T> T section(SectionKey<T> key) {
    return key.type().cast(sections.getOrDefault(key, key.defaults()));
  }

  private static Map<SectionKey<?>, Object> kept(Map<SectionKey<?>, Object> sections) {
    Map<SectionKey<?>, Object> kept = new LinkedHashMap<>();
    Objects.requireNonNullElse(sections, Map.<SectionKey<?>, Object>of()).forEach((key, value) -> {
      if (!key.type().isInstance(value)) {
        throw new IllegalArgumentException("section " + key.name() + " is not a " + key.type().getSimpleName());
      }
      if (!value.equals(key.defaults())) {
        kept.put(key, value);
      }
    });
    return Collections.unmodifiableMap(kept);
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
