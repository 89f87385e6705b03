package vn.layso.history;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.time.LocalDate;
import vn.layso.office.domain.Office;
import vn.layso.queue.TicketView;

/** Reads the history for staff and managers: a day's full ticket records, and day summaries. */
public final class HistoryService {

  private final HistoryStore store;

  public HistoryService(HistoryStore store) {
    this.store = store;
  }

  /** A page of the day's tickets in issue order, each with its whole history (open days too). */
  public Future<HistoryRoutes.DayTickets> dayTickets(Office office, LocalDate day, long offset, int limit) {
    return store.dayTickets(office.id(), day, offset, limit).map(page -> new HistoryRoutes.DayTickets(office.id(),
        day.toString(), page.total(), offset, page.tickets().stream().map(t -> TicketView.record(office, t)).toList()));
  }

  /** The summaries of the closed days from {@code from} to {@code to} (both included) that have one. */
  public Future<HistoryRoutes.DaySummaries> summaries(Office office, LocalDate from, LocalDate to) {
    return store.summaries(office.id(), from, to).map(days -> new HistoryRoutes.DaySummaries(office.id(),
        from.toString(), to.toString(), days.stream().map(JsonObject::new).toList()));
  }
}
