package vn.layso.announce;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.layso.announce.domain.Announcement;
import vn.layso.common.Redact;
import vn.layso.office.domain.Office;

/**
 * Puts the server's announcement into what the lobby receives: {@code "announcement":
 * {"text","speech","clips"}} on every {@code ticket.called} and {@code ticket.recalled} event and
 * on each of a snapshot's recent calls, so screens only play what the server decided.
 */
public final class AnnouncementJson {

  private static final Logger LOG = LoggerFactory.getLogger(AnnouncementJson.class);

  private AnnouncementJson() {
  }

  /** Adds the announcement to a call or recall event; false (unchanged) for any other event. */
  public static boolean addTo(JsonObject event, Office office) {
    String type = event.getString("type");
    boolean recall = "ticket.recalled".equals(type);
    if (!recall && !"ticket.called".equals(type)) {
      return false;
    }
    JsonObject ticket = event.getJsonObject("ticket");
    return ticket != null && put(event, office, ticket.getString("number"), event.getString("counter"), recall);
  }

  /** Adds to each recent call its announcement (a call with recalls is announced as a recall). */
  public static JsonArray addToCalls(JsonArray calls, Office office) {
    if (calls != null) {
      for (Object o : calls) {
        if (o instanceof JsonObject call) {
          put(call, office, call.getString("number"), call.getString("counter"), call.getInteger("recalls", 0) > 0);
        }
      }
    }
    return calls;
  }

  private static boolean put(JsonObject target, Office office, String number, String counter, boolean recall) {
    if (number == null || counter == null) {
      return false;
    }
    try {
      Announcement a = DisplaySection.announcement(office, number, counter, recall);
      target.put("announcement", new JsonObject().put("text", a.text()).put("speech", a.speech())
          .put("clips", new JsonArray(a.clips())));
      return true;
    } catch (IllegalArgumentException unreadable) {
      LOG.atWarn().addKeyValue("office", office.id()).addKeyValue("number", number)
          .addKeyValue("error", Redact.text(unreadable.getMessage())).log("a call the voice cannot read goes out without announcement");
      return false;
    }
  }
}
