package vn.layso.rating;

import io.vertx.core.json.JsonObject;
import java.time.Instant;
import vn.layso.rating.domain.Rating;
import vn.layso.rating.domain.ServedBy;

/** The stored form of a rating (with whom it is about); RatingView is the answered one (without). */
public final class RatingJson {

  private RatingJson() {
  }

  /** The stored form: level, levels, reasonCode, reason, channel, at (ms), field, counter, staff, hour. */
  public static String stored(Rating r) {
    return new JsonObject().put("level", r.level()).put("levels", r.levels()).put("reasonCode", r.reasonCode())
        .put("reason", r.reason()).put("channel", r.channel()).put("at", r.at().toEpochMilli())
        .put("field", r.servedBy().field()).put("counter", r.servedBy().counter())
        .put("staff", r.servedBy().staff()).put("hour", r.servedBy().hour()).encode();
  }

  public static Rating read(String stored) {
    JsonObject j = new JsonObject(stored);
    return new Rating(j.getInteger("level"), j.getInteger("levels"), j.getString("reasonCode"), j.getString("reason"),
        j.getString("channel"), Instant.ofEpochMilli(j.getLong("at")),
        new ServedBy(j.getString("staff"), j.getString("counter"), j.getString("field"), j.getString("hour")));
  }
}
