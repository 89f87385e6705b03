package vn.layso.queue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import vn.layso.office.domain.Counter;
import vn.layso.office.domain.Office;
import vn.layso.queue.QueueStore.CounterView;
import vn.layso.queue.QueueStore.Paused;
import vn.layso.queue.QueueStore.Session;

/** The staff view of a counter: what its console shows. It names priority groups: staff only. */
final class CounterViewJson {

  private CounterViewJson() {
  }

  static JsonObject of(Office office, Counter counter, CounterView view) {
    // its main fields, then its backup fields (served only past their target), marked as such
    JsonArray services = new JsonArray(counter.fields().stream().map(code -> {
      QueueStore.Waiting w = view.waiting().getOrDefault(code, new QueueStore.Waiting(0, 0));
      JsonObject field = new JsonObject().put("code", code)
          .put("name", office.service(code).map(s -> s.name()).orElse(code))
          .put("waiting", w.waiting()).put("priorityWaiting", w.priority());
      return counter.serves(code) ? field : field.put("backup", true);
    }).toList());
    JsonObject json = new JsonObject().put("id", counter.id()).put("name", counter.name())
        .put("services", services).put("paused", view.paused());
    if (view.paused()) {
      json.put("pause", pauseJson(office, view.reason(), view.note(), view.pausedAt()).put("by", view.pausedBy()));
    }
    json.put("current", view.current() == null ? null : TicketJson.of(office, view.current(), null));
    // why the current ticket was called, for the staff at the counter (the history keeps it too)
    if (view.current() != null && view.current().lastCall() != null) {
      json.getJsonObject("current").put("why", TicketJson.why(office, view.current().lastCall()));
    }
    session(office, json, view.session(), view.sessionName());
    return json.put("servedToday", view.servedToday());
  }

  /**
   * The counter's session: {open, session: {by, username, fullName, since}} while open; a close's
   * answer names whose session it ended, a take-over's whom it was taken from.
   */
  static JsonObject session(Office office, JsonObject json, Session session, String fullName) {
    json.put("open", session.open());
    if (session.by() != null) {
      String by = session.by();
      JsonObject s = new JsonObject().put("by", by).put("username", by.substring(by.indexOf(':') + 1));
      if (fullName != null && !fullName.isEmpty()) {
        s.put("fullName", fullName);
      }
      if (session.since() != null) {
        s.put("since", DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(session.since().atZone(office.timezone())));
      }
      if (session.tookOverFrom() != null) {
        s.put("tookOverFrom", session.tookOverFrom());
      }
      json.put("session", s);
    }
    return json;
  }

  /** A pause press's answer: {counter, paused, pause: {reason, note, since}} while paused. */
  static JsonObject pause(Office office, JsonObject json, Paused state) {
    json.put("paused", state.paused());
    if (state.paused()) {
      json.put("pause", pauseJson(office, state.reason(), state.note(), state.since()));
    }
    return json;
  }

  private static JsonObject pauseJson(Office office, String reason, String note, Instant since) {
    JsonObject pause = new JsonObject().put("reason", reason).put("note", note);
    if (since != null) {
      pause.put("since", DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(since.atZone(office.timezone())));
    }
    return pause;
  }
}
