package vn.layso.checkin;

import io.vertx.core.Future;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Optional;
import vn.layso.checkin.domain.CheckInWindow;
import vn.layso.office.domain.Office;
import vn.layso.office.domain.ServiceDef;
import vn.layso.queue.domain.Estimate;
import vn.layso.queue.domain.PlacePredictions;
import vn.layso.queue.domain.Ticket;

/** Check-in and the no-show sweep on the store; each decision is one atomic step. */
public interface CheckInStore {

  /** What check-in needs of an appointment record (never its personal data). */
  record Booked(String service, LocalDate date, LocalTime start, String status) {
  }

  /** An appointment of this office by its code, if there is one. */
  Future<Optional<Booked>> find(String office, String code);

  /** The office a code belongs to, if any (to tell "another office" from "no such code"). */
  Future<Optional<String>> officeOf(String code);

  /** {@code predictions}: the waits foretold for the places the ticket may take (null: none), see check_in.lua. */
  record Request(Office office, ServiceDef service, String code, Booked booked, CheckInWindow window,
                 boolean lateAsWalkIn, String ticketId, Instant now, String by, PlacePredictions predictions) {
  }

  /**
   * The ticket (new, or the one an earlier check-in gave), and whether it is a late arrival's walk-in;
   * given: the wait prediction the step recorded for it (null: none recorded there).
   */
  record Result(Ticket ticket, Integer position, boolean replayed, boolean late, Estimate given) {
  }

  /** Fails with ApiException codes: check_in_too_early, check_in_closed, appointment_cancelled, ... */
  Future<Result> checkIn(Request r);

  /** Marks NO_SHOW (and frees their places) up to {@code batch} appointments whose window ended; how many. */
  record Sweep(int marked, boolean more) {
  }

  Future<Sweep> sweepNoShows(String office, long endedBy, Instant now, int batch);
}
