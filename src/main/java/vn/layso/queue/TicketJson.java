package vn.layso.queue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import vn.layso.office.domain.Office;
import vn.layso.office.domain.ServiceDef;
import vn.layso.queue.domain.Estimate;
import vn.layso.queue.QueueStore.Placed;
import vn.layso.queue.domain.CallReason;
import vn.layso.queue.domain.Ticket;

/** The API's view of a ticket: times in the office's zone with offset, a wait estimate while waiting. */
public final class TicketJson {

  private static final DateTimeFormatter TIME = DateTimeFormatter.ISO_OFFSET_DATE_TIME;

  private TicketJson() {
  }

  public static JsonObject of(Office office, Ticket t, Integer position) {
    return of(office, t, position, null);
  }

  /**
   * The ticket with, while it waits, its predicted wait: {@code estimatedWaitMinutes} (the median,
   * rounded up) and {@code estimatedWait} {p50Minutes, p90Minutes, ahead}. Without an estimate the
   * configured averages give {@code estimatedWaitMinutes} alone.
   */
  public static JsonObject of(Office office, Ticket t, Integer position, Estimate wait) {
    ZoneId zone = office.timezone();
    JsonObject json = new JsonObject()
        .put("id", t.id())
        .put("office", t.office())
        .put("number", t.number())
        .put("service", t.service())
        .put("status", t.status().name())
        .put("priority", t.priority())
        .put("issuedAt", time(t.issuedAt(), zone))
        .put("serviceDate", t.serviceDate().toString());
    if (t.appointment()) {
      json.put("appointment", true).put("slot", t.slot());
    }
    if (t.counter() != null) {
      json.put("counter", t.counter());
    }
    putIfSet(json, "calledAt", t.calledAt(), zone);
    putIfSet(json, "startedAt", t.startedAt(), zone);
    putIfSet(json, "finishedAt", t.finishedAt(), zone);
    json.put("recalls", t.recalls());
    if (t.endReason() != null) {
      json.put("endReason", t.endReason());
    }
    if (t.transferredFrom() != null) {
      json.put("transferredFrom", t.transferredFrom());
    }
    if (position != null && wait != null) {
      json.put("position", position).put("estimatedWaitMinutes", wait.p50Minutes())
          .put("estimatedWait", new JsonObject().put("p50Minutes", wait.p50Minutes())
              .put("p90Minutes", wait.p90Minutes()).put("ahead", wait.ahead()));
    } else if (position != null) {
      json.put("position", position)
          .put("estimatedWaitMinutes", WaitForecaster.averages(office, t, position).p50Minutes());
    }
    return json;
  }

  /**
   * The full record for staff and managers: the ticket with every step (who, when, where, which
   * field; transfers with the field they left). Not for the citizen's view: it names staff accounts.
   */
  public static JsonObject record(Office office, Ticket t) {
    JsonObject json = of(office, t, null).put("source", t.source());
    json.put("history", new JsonArray(t.steps().stream().map(step -> {
      JsonObject s = new JsonObject().put("action", step.action()).put("at", time(step.at(), office.timezone()))
          .put("by", step.by()).put("service", step.service());
      if (step.counter() != null) {
        s.put("counter", step.counter());
      }
      if (step.from() != null) {
        s.put("from", step.from());
      }
      if (step.why() != null) {
        s.put("why", why(office, step.why()));
      }
      return s;
    }).toList()));
    return json;
  }

  /** Why a call chose the ticket: the rule and its figures, and the sentence for managers (vi, en). */
  public static JsonObject why(Office office, CallReason why) {
    String name = office.service(why.service()).map(ServiceDef::name).orElse(why.service());
    return new JsonObject().put("rule", why.code()).put("waitedMinutes", why.waitedSeconds() / 60)
        .put("weight", why.weight()).put("targetMinutes", why.targetSeconds() / 60).put("row", why.row())
        .put("candidates", why.candidates()).put("text", why.describe(name, false))
        .put("textEn", why.describe(name, true));
  }

  public static JsonObject of(Office office, Placed placed) {
    return of(office, placed.ticket(), placed.position());
  }

  public static JsonObject of(Office office, Placed placed, Estimate wait) {
    return of(office, placed.ticket(), placed.position(), wait);
  }

  private static void putIfSet(JsonObject json, String field, Instant instant, ZoneId zone) {
    if (instant != null) {
      json.put(field, time(instant, zone));
    }
  }

  private static String time(Instant instant, ZoneId zone) {
    return TIME.format(instant.atZone(zone).withNano(instant.atZone(zone).getNano() / 1_000_000 * 1_000_000));
  }
}
