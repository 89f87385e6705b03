package vn.layso.live;

import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;

/**
 * One published state change, read once per server: its office, version and epoch for the
 * rules, and its JSON text exactly as the store published it, written unchanged to every socket.
 */
record LiveEvent(String office, long version, String epoch, String text, int bytes) {

  /** The event in a published message; null when the message names no office or version. */
  static LiveEvent parse(String message) {
    JsonObject json = new JsonObject(message);
    String office = json.getString("office");
    Long version = json.getLong("version");
    if (office == null || version == null) {
      return null;
    }
    return new LiveEvent(office, version, json.getString("epoch"), message,
        message.getBytes(StandardCharsets.UTF_8).length);
  }
}
