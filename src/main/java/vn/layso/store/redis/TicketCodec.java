package vn.layso.store.redis;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import vn.layso.queue.domain.CallReason;
import vn.layso.queue.domain.ServiceDay;
import vn.layso.queue.domain.Ticket;
import vn.layso.queue.domain.TicketStatus;
import vn.layso.queue.domain.TicketStep;

/** Reads the ticket JSON the Lua scripts store. */
public final class TicketCodec {

  private TicketCodec() {
  }

  public static Ticket read(JsonObject t) {
    if (t == null) {
      return null;
    }
    return new Ticket(t.getString("id"), t.getString("office"), t.getString("number"),
        t.getString("service"), TicketStatus.valueOf(t.getString("status")), t.getString("priority"),
        instant(t, "issuedAt"), ServiceDay.parseKey(t.getString("serviceDate")), t.getString("counter"),
        instant(t, "calledAt"), instant(t, "startedAt"), instant(t, "finishedAt"),
        t.getInteger("recalls", 0), t.getString("source"), t.getString("endReason"), steps(t.getValue("steps")),
        Boolean.TRUE.equals(t.getValue("appointment")) ? t.getString("slot") : null);
  }

  /** cjson writes an empty Lua table as {}, so anything but an array means no steps. */
  private static List<TicketStep> steps(Object value) {
    List<TicketStep> out = new ArrayList<>();
    if (value instanceof JsonArray array) {
      for (Object o : array) {
        JsonObject s = (JsonObject) o;
        out.add(new TicketStep(s.getString("act"), instant(s, "at"), s.getString("by"), s.getString("counter"),
            s.getString("service"), s.getString("from"), why(s.getValue("why"), s.getString("service"))));
      }
    }
    return out;
  }

  /** A call's reason as call_next.lua writes it; null when absent or of a rule this version does not know. */
  private static CallReason why(Object value, String service) {
    if (!(value instanceof JsonObject w)) {
      return null;
    }
    try {
      return new CallReason(CallReason.rule(w.getString("rule")), service, w.getLong("waited", 0L),
          w.getInteger("weight", 1), w.getLong("target", 0L), w.getInteger("row", 0), w.getInteger("n", 1));
    } catch (IllegalArgumentException | NullPointerException | ClassCastException unknown) {
      return null;
    }
  }

  private static Instant instant(JsonObject t, String field) {
    Number ms = t.getNumber(field);
    return ms == null ? null : Instant.ofEpochMilli(ms.longValue());
  }
}
