package vn.layso.office.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.Optional;

/**
 * When the kiosk gives numbers: the office's issuing hours (often opening before the doors, as
 * citizens queue from early morning) and each field's daily cut-off ("no new land tickets after
 * 16:00"). Staff are not bound by it: they issue for the citizens already inside.
 */
public final class IssuingWindow {

  /** Why a number cannot be given now, and when it can again (null if never within a week). */
  public record Refusal(String code, ZonedDateTime opensAt) {
  }

  private static final int DAYS_AHEAD = 8;

  private IssuingWindow() {
  }

  /** Empty when a number of {@code service} may be issued at {@code now}. */
  public static Optional<Refusal> check(Office office, ServiceDef service, Instant now) {
    ZonedDateTime local = now.atZone(office.timezone());
    LocalTime cutoff = service.issueCutoff();
    boolean open = office.issuingHours().isOpen(local);
    boolean beforeCutoff = cutoff == null || local.toLocalTime().isBefore(cutoff);
    if (open && beforeCutoff) {
      return Optional.empty();
    }
    String code = open ? "service_closed" : "office_closed";
    return Optional.of(new Refusal(code, nextOpening(office.issuingHours(), cutoff, local)));
  }

  /** The next session start after {@code from} that is before the field's cut-off. */
  static ZonedDateTime nextOpening(OpeningHours hours, LocalTime cutoff, ZonedDateTime from) {
    for (int d = 0; d <= DAYS_AHEAD; d++) {
      LocalDate date = from.toLocalDate().plusDays(d);
      for (OpeningHours.Session s : hours.on(date.getDayOfWeek())) {
        ZonedDateTime start = date.atTime(s.open()).atZone(from.getZone());
        if (start.isAfter(from) && (cutoff == null || s.open().isBefore(cutoff))) {
          return start;
        }
      }
    }
    return null;
  }
}
