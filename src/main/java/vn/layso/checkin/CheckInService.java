package vn.layso.checkin;

import io.vertx.core.Future;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import vn.layso.booking.BookingSection;
import vn.layso.booking.domain.BookingCode;
import vn.layso.booking.domain.LateArrival;
import vn.layso.checkin.CheckInStore.Result;
import vn.layso.checkin.domain.CheckInWindow;
import vn.layso.common.ApiException;
import vn.layso.office.OfficeRegistry;
import vn.layso.office.domain.Office;
import vn.layso.office.domain.ServiceDef;
import vn.layso.queue.QueueService;
import vn.layso.queue.domain.PlacePredictions;
import vn.layso.queue.domain.ServiceDay;
import vn.layso.queue.domain.TicketIds;

/**
 * Checking an appointment in: finds it by code, computes its check-in window from the office's
 * booking settings, and lets one store step decide (see check_in.lua).
 */
public final class CheckInService {

  private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

  private final CheckInStore store;
  private final OfficeRegistry offices;
  private final QueueService queue;
  private final Clock clock;

  /** {@code queue}: the wait predictions recorded by the check-in's step, and "your turn is near". */
  public CheckInService(CheckInStore store, OfficeRegistry offices, QueueService queue, Clock clock) {
    this.store = store;
    this.offices = offices;
    this.queue = queue;
    this.clock = clock;
  }

  /** {@code by}: who presses (public, device:…, staff:…), kept in the ticket's history. */
  public Future<Result> checkIn(String officeId, String typedCode, String by) {
    Office office = offices.require(officeId);
    String code = BookingCode.parse(typedCode);
    if (code == null) {
      return Future.failedFuture(ApiException.invalid("check_in_code_invalid"));
    }
    return store.find(office.id(), code).compose(found -> {
      if (found.isEmpty()) {
        return store.officeOf(code).compose(other -> Future.failedFuture(other.isPresent()
            ? ApiException.conflict("appointment_other_office", OfficeRegistry.safe(other.get()))
                .with("office", other.get())
            : ApiException.notFound("check_in_code_unknown")));
      }
      return attempt(office, code, found.get(), by, 0);
    });
  }

  private Future<Result> attempt(Office office, String code, CheckInStore.Booked booked, String by, int retry) {
    Instant now = clock.instant();
    ServiceDef service = office.service(booked.service())
        .orElseThrow(() -> ApiException.notFound("check_in_code_unknown"));
    LocalDate today = ServiceDay.of(clock, office.timezone());
    var settings = BookingSection.of(office);
    var window = CheckInWindow.of(booked.date(), booked.start(), office.timezone(), settings.checkInEarlyMinutes(),
        settings.checkInLateMinutes());
    if ("BOOKED".equals(booked.status()) && !booked.date().equals(today)) {
      return Future.failedFuture(ApiException.conflict("check_in_wrong_day", DATE.format(booked.date()),
          TIME.format(booked.start())).with("date", booked.date().toString()).with("start", TIME.format(booked.start())));
    }
    boolean lateAsWalkIn = settings.lateArrival() == LateArrival.WALK_IN;
    // the step decides; the waits for the places it may give are foretold when it may give one
    var verdict = window.judge(now);
    boolean mayIssue = "BOOKED".equals(booked.status()) && (verdict == CheckInWindow.Verdict.OPEN
        || verdict == CheckInWindow.Verdict.LATE && lateAsWalkIn);
    boolean onTime = verdict == CheckInWindow.Verdict.OPEN;
    Future<PlacePredictions> predictions = mayIssue
        ? queue.foretell(office, service.code(), false, onTime,
            onTime ? Math.max(0, window.slotStart().toEpochMilli() - now.toEpochMilli()) : 0)
        : Future.succeededFuture(null);
    return predictions.compose(foretold -> store.checkIn(new CheckInStore.Request(office, service, code, booked,
        window, lateAsWalkIn, TicketIds.next(office.id()), now, by, foretold))).onComplete(done -> {
          boolean placed = done.succeeded() && !done.result().replayed();
          if (mayIssue) {
            queue.placed(office, service.code(), placed ? done.result().position() : null);
          }
          if (placed) {
            queue.checkedIn(office, done.result().ticket(), done.result().position(), code);
          }
        }).recover(failure -> {
      if (failure instanceof ApiException e) {
        switch (e.code()) {
          case "appointment_changed" -> {
            // rescheduled between the read and the step: read it again, once
            return retry > 0 ? Future.failedFuture(ApiException.conflict("appointment_changed"))
                : store.find(office.id(), code).compose(again -> again.isEmpty()
                    ? Future.failedFuture(ApiException.notFound("check_in_code_unknown"))
                    : attempt(office, code, again.get(), by, retry + 1));
          }
          case "check_in_too_early" -> {
            var opens = window.opensAt().atZone(office.timezone());
            return Future.failedFuture(ApiException.conflict("check_in_too_early", TIME.format(opens),
                TIME.format(booked.start())).with("opensAt", opens.toOffsetDateTime().toString()));
          }
          case "check_in_closed" -> {
            var closed = window.closesAt().atZone(office.timezone());
            return Future.failedFuture(ApiException.conflict("check_in_closed", TIME.format(closed))
                .with("closedAt", closed.toOffsetDateTime().toString()));
          }
          default -> {
            return Future.failedFuture(e);
          }
        }
      }
      return Future.failedFuture(failure);
    });
  }
}
