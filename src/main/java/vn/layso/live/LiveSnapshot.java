package vn.layso.live;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import vn.layso.announce.AnnouncementJson;
import vn.layso.office.domain.Office;

/**
 * An office's state at one epoch and version as a socket's first message, with the names screens
 * show. Built and encoded once, then written as the same bytes to every socket that needs it.
 */
record LiveSnapshot(String epoch, long version, SharedFrame frame) {

  /** Joins the stored state (snapshot.lua) with the office's names and encodes it. */
  static LiveSnapshot of(Office office, JsonObject state) {
    JsonArray counters = new JsonArray();
    JsonArray stateCounters = state.getJsonArray("counters");
    for (int i = 0; i < office.counters().size(); i++) {
      var counter = office.counters().get(i);
      JsonObject live = i < stateCounters.size() ? stateCounters.getJsonObject(i) : new JsonObject();
      counters.add(new JsonObject().put("id", counter.id()).put("name", counter.name())
          .put("paused", live.getBoolean("paused", false)).put("open", live.getBoolean("open", false))
          .put("current", live.getJsonObject("current")));
    }
    JsonObject queues = state.getJsonObject("queues", new JsonObject());
    JsonArray services = new JsonArray(office.services().stream().map(s -> {
      JsonObject q = queues.getJsonObject(s.code(), new JsonObject());
      return new JsonObject().put("service", s.code()).put("name", s.name()).put("prefix", s.prefix())
          .put("waiting", q.getInteger("waiting", 0)).put("priority", q.getInteger("priority", 0));
    }).toList());
    String epoch = state.getString("epoch");
    long version = state.getLong("version");
    String text = new JsonObject().put("type", "snapshot").put("version", version).put("epoch", epoch)
        .put("office", office.id()).put("officeName", office.name())
        .put("counters", counters).put("queues", services)
        .put("recentCalls", AnnouncementJson.addToCalls(state.getJsonArray("recentCalls"), office)).encode();
    return new LiveSnapshot(epoch, version, SharedFrame.of(text));
  }
}
