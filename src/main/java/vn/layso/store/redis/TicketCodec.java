package vn.layso.store.redis;

import io.vertx.core.json.JsonObject;
import java.time.Instant;
import vn.layso.queue.domain.ServiceDay;
import vn.layso.queue.domain.Ticket;
import vn.layso.queue.domain.TicketStatus;

/** Reads the ticket JSON the Lua scripts store. */
final class TicketCodec {

  private TicketCodec() {
  }

  static Ticket read(JsonObject t) {
    if (t == null) {
      return null;
    }
    return new Ticket(t.getString("id"), t.getString("office"), t.getString("number"),
        t.getString("service"), TicketStatus.valueOf(t.getString("status")), t.getString("priority"),
        instant(t, "issuedAt"), ServiceDay.parseKey(t.getString("serviceDate")), t.getString("counter"),
        instant(t, "calledAt"), instant(t, "startedAt"), instant(t, "finishedAt"),
        t.getInteger("recalls", 0), t.getString("source"));
  }

  private static Instant instant(JsonObject t, String field) {
    Number ms = t.getNumber(field);
    return ms == null ? null : Instant.ofEpochMilli(ms.longValue());
  }
}
