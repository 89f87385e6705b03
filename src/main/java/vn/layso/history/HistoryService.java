package vn.layso.history;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.LocalDate;
import vn.layso.office.domain.Office;
import vn.layso.api.ApiJson;
import vn.layso.queue.TicketView;

/** Reads the history for staff and managers: a day's full ticket records, and day summaries. */
public final class HistoryService {

  private final HistoryStore store;

  public HistoryService(HistoryStore store) {
    this.store = store;
  }

  /** A page of the day's tickets in issue order, each with its whole history (open days too). */
  public Future<JsonObject> dayTickets(Office office, LocalDate day, long offset, int limit) {
    return store.dayTickets(office.id(), day, offset, limit).map(page -> new JsonObject()
        .put("office", office.id()).put("date", day.toString()).put("total", page.total()).put("offset", offset)
        .put("tickets", new JsonArray(page.tickets().stream().map(t -> ApiJson.json(TicketView.record(office, t))).toList())));
  }

  /** The summaries of the closed days from {@code from} to {@code to} (both included) that have one. */
  public Future<JsonObject> summaries(Office office, LocalDate from, LocalDate to) {
    return store.summaries(office.id(), from, to).map(days -> new JsonObject()
        .put("office", office.id()).put("from", from.toString()).put("to", to.toString())
        .put("days", new JsonArray(days.stream().map(JsonObject::new).toList())));
  }
}
