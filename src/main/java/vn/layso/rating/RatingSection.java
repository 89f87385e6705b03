package vn.layso.rating;

import io.vertx.core.json.JsonObject;
import java.util.Set;
import vn.layso.office.SectionCodec;
import vn.layso.office.domain.Office;
import vn.layso.office.domain.SectionKey;
import vn.layso.rating.domain.RatingSettings;

/**
 * The office document's {@code "ratings"} section: {@code levels} 3 or 5, {@code windowHours}; both
 * optional, nothing else allowed.
 */
public final class RatingSection implements SectionCodec<RatingSettings> {

  public static final SectionKey<RatingSettings> KEY =
      new SectionKey<>("ratings", RatingSettings.class, RatingSettings.DEFAULTS);
  public static final RatingSection CODEC = new RatingSection();

  private static final Set<Integer> LEVELS = Set.of(3, 5);

  private RatingSection() {
  }

  /** An office's satisfaction ratings (3 or 5 levels, the window after DONE). */
  public static RatingSettings of(Office office) {
    return office.section(KEY);
  }

  @Override
  public SectionKey<RatingSettings> key() {
    return KEY;
  }

  @Override
  public RatingSettings read(JsonObject json) {
    RatingSettings d = RatingSettings.DEFAULTS;
    for (String key : json.fieldNames()) {
      if (!key.equals("levels") && !key.equals("windowHours")) {
        throw new IllegalArgumentException("ratings." + key + " is not a setting (levels, windowHours)");
      }
    }
    return new RatingSettings(wholeNumber(json, "levels", d.levels()), wholeNumber(json, "windowHours", d.windowHours()));
  }

  private static int wholeNumber(JsonObject json, String key, int fallback) {
    Object value = json.getValue(key);
    if (value == null) {
      return fallback;
    }
    if (!(value instanceof Integer || value instanceof Long) || ((Number) value).longValue() != ((Number) value).intValue()) {
      throw new IllegalArgumentException("ratings." + key + " must be a whole number");
    }
    return ((Number) value).intValue();
  }

  @Override
  public JsonObject write(RatingSettings r) {
    return new JsonObject().put("levels", r.levels()).put("windowHours", r.windowHours());
  }

  /** 3 or 5 levels, a window of 1..720 hours. */
  @Override
  public void check(JsonObject r, Context context) {
    var read = context.read();
    Integer levels = read.integer(r, "levels", "ratings.levels", Integer.MIN_VALUE, Integer.MAX_VALUE);
    if (levels != null && !LEVELS.contains(levels)) {
      context.problems().add("ratings.levels", "invalid_choice", levels, "3, 5");
    }
    read.integer(r, "windowHours", "ratings.windowHours", 1, RatingSettings.MAX_WINDOW_HOURS);
  }
}
