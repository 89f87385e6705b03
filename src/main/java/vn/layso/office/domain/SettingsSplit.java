package vn.layso.office.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Splits a settings change into what takes effect now and what waits for the office's next day.
 * Numbers printed today must stay unique and in sequence, so the prefix and number range of a field
 * that issued today, and the time zone (which decides when the day ends), change only at midnight:
 * the now-part keeps today's values for those, the pending part is the whole new document. If
 * keeping today's values makes the now-part invalid (another field takes over the old prefix), the
 * whole change waits.
 */
public final class SettingsSplit {

  /** What applies now, and the pending settings (null when everything applies now). */
  public record Plan(Office now, PendingSettings pending) {
  }

  private SettingsSplit() {
  }

  /** The fields of both documents whose prefix or number range differ. */
  public static List<String> renumbered(Office current, Office next) {
    List<String> fields = new ArrayList<>();
    for (ServiceDef s : next.services()) {
      current.service(s.code()).filter(old -> !old.prefix().equals(s.prefix())
          || old.numberStart() != s.numberStart() || old.numberEnd() != s.numberEnd())
          .ifPresent(old -> fields.add(s.code()));
    }
    return fields;
  }

  /** The fields of {@code current} that {@code next} no longer has. */
  public static List<String> removed(Office current, Office next) {
    return current.services().stream().map(ServiceDef::code).filter(code -> next.service(code).isEmpty()).toList();
  }

  public static Plan plan(Office current, Office next, Set<String> issuedToday, LocalDate today) {
    List<SettingsProblem> reasons = new ArrayList<>();
    List<ServiceDef> services = new ArrayList<>();
    for (int i = 0; i < next.services().size(); i++) {
      ServiceDef s = next.services().get(i);
      ServiceDef old = current.service(s.code()).orElse(null);
      if (old != null && issuedToday.contains(s.code()) && renumbered(current, next).contains(s.code())) {
        reasons.add(new SettingsProblem("services[" + i + "]", "field_issued_today", List.of(s.code(),
            today.plusDays(1).toString())));
        services.add(new ServiceDef(s.code(), s.name(), old.prefix(), old.numberStart(), old.numberEnd(),
            s.avgServiceMinutes(), s.issueCutoff(), s.description(), s.targetWaitMinutes()));
      } else {
        services.add(s);
      }
    }
    boolean zoneChanges = !Objects.equals(current.timezone(), next.timezone());
    if (zoneChanges) {
      reasons.add(new SettingsProblem("timezone", "timezone_change", List.of(next.timezone().getId(),
          today.plusDays(1).toString())));
    }
    if (reasons.isEmpty()) {
      return new Plan(next, null);
    }
    PendingSettings pending = new PendingSettings(today.plusDays(1), next, reasons);
    try {
      Office now = next.withNumbering(services, current.timezone());
      return new Plan(now, pending);
    } catch (IllegalArgumentException notWithTodaysNumbers) {
      return new Plan(current, pending);
    }
  }
}
