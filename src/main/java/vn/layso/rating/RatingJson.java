package vn.layso.rating;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import vn.layso.rating.domain.Rating;
import vn.layso.rating.domain.RatingScale;
import vn.layso.rating.domain.ServedBy;

/** The JSON forms of ratings: stored (with whom it is about) and answered (without). */
public final class RatingJson {

  private static final DateTimeFormatter OFFSET_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSXXX");

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

  /** What the citizen's channel is told: {level, levels, channel, at}; never whom it is about. */
  public static JsonObject answer(Rating r, ZoneId zone) {
    return new JsonObject().put("level", r.level()).put("levels", r.levels()).put("channel", r.channel())
        .put("at", time(r.at(), zone));
  }

  public static String time(Instant at, ZoneId zone) {
    return OFFSET_TIME.format(at.atZone(zone));
  }

  /** The scale's levels, best first: [{level, label, labelEn}]. */
  public static JsonArray levels(int count) {
    return new JsonArray(RatingScale.levels(count).stream().map(l -> new JsonObject().put("level", l.value())
        .put("label", l.vi()).put("labelEn", l.en())).toList());
  }

  /** The reasons offered for the lowest level: [{code, label, labelEn}]. */
  public static JsonArray reasons() {
    return new JsonArray(RatingScale.reasons().stream().map(r -> new JsonObject().put("code", r.code())
        .put("label", r.vi()).put("labelEn", r.en())).toList());
  }
}
