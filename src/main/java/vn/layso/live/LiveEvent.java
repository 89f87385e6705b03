package vn.layso.live;

import io.vertx.core.json.JsonObject;
import java.util.function.Function;
import vn.layso.announce.AnnouncementJson;
import vn.layso.office.domain.Office;

/**
 * One published state change, read once per server: its office, version and epoch for the
 * rules, and its JSON text as the store published it (a call or recall with its announcement
 * added), encoded once and written as the same bytes to every socket ({@link SharedFrame}).
 */
record LiveEvent(String office, long version, String epoch, SharedFrame frame) {

  /**
   * The event in a published message, with the announcement of a call or recall added for the
   * office {@code offices} gives (none: the text is left as published); null when the message names
   * no office or version. Done once per event and server: every socket gets the same text.
   */
  static LiveEvent parse(String message, Function<String, Office> offices) {
    JsonObject json = new JsonObject(message);
    String office = json.getString("office");
    Long version = json.getLong("version");
    if (office == null || version == null) {
      return null;
    }
    Office known = offices.apply(office);
    String text = known != null && AnnouncementJson.addTo(json, known) ? json.encode() : message;
    return new LiveEvent(office, version, json.getString("epoch"), SharedFrame.of(text));
  }
}
