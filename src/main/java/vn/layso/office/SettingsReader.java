package vn.layso.office;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import vn.layso.office.domain.OpeningHours;
import vn.layso.office.domain.SettingsProblems;

/**
 * Typed reads of a settings document for {@link SettingsValidator} and the features' section checks: each read of a wrong value adds
 * its problem (at the path given) and answers null, as does the read of an absent value.
 */
public final class SettingsReader {

  /** A domain reason that starts with a dotted path ("booking.slotMinutes must be ...") names its place. */
  private static final Pattern REASON_PATH = Pattern.compile("^([a-z][A-Za-z]*(\\.[A-Za-z0-9-]+)+)\\b");
  /** A domain range rule ("... must be 1..100") becomes out_of_range with its bounds. */
  private static final Pattern REASON_RANGE = Pattern.compile("must be (-?\\d+)\\.\\.(-?\\d+)");

  /** Control characters, lone surrogates and the replacement character: never in a setting's text. */
  private static final Pattern CONTROL = Pattern.compile("[\\p{Cc}\\p{Cs}\\x{FFFD}]");

  private final SettingsProblems problems;

  public SettingsReader(SettingsProblems problems) {
    this.problems = problems;
  }

  public String string(JsonObject o, String key, String at, boolean required) {
    Object v = o.getValue(key);
    if (v == null) {
      if (required) {
        problems.add(at, "required");
      }
      return null;
    }
    if (!(v instanceof String s)) {
      problems.add(at, "wrong_type", "string");
      return null;
    }
    if (CONTROL.matcher(s).find()) {
      problems.add(at, "field_invalid_characters", at);
      return null;
    }
    return s;
  }

  public Integer integer(JsonObject o, String key, String at, int min, int max) {
    Object v = o.getValue(key);
    if (v == null) {
      return null;
    }
    if (!(v instanceof Integer || v instanceof Long) || ((Number) v).longValue() != ((Number) v).intValue()) {
      problems.add(at, "wrong_type", "integer");
      return null;
    }
    int n = ((Number) v).intValue();
    if (n < min || n > max) {
      problems.add(at, "out_of_range", min, max);
      return null;
    }
    return n;
  }

  public Boolean bool(JsonObject o, String key, String at) {
    Object v = o.getValue(key);
    if (v != null && !(v instanceof Boolean)) {
      problems.add(at, "wrong_type", "boolean");
      return null;
    }
    return (Boolean) v;
  }

  public JsonObject object(JsonObject o, String key, String at) {
    Object v = o.getValue(key);
    if (v != null && !(v instanceof JsonObject)) {
      problems.add(at, "wrong_type", "object");
      return null;
    }
    return (JsonObject) v;
  }

  public JsonArray array(JsonObject o, String key, String at) {
    Object v = o.getValue(key);
    if (v != null && !(v instanceof JsonArray)) {
      problems.add(at, "wrong_type", "array");
      return null;
    }
    return (JsonArray) v;
  }

  public JsonObject element(JsonArray list, int i, String at) {
    Object v = list.getValue(i);
    if (!(v instanceof JsonObject o)) {
      problems.add(at, "wrong_type", "object");
      return null;
    }
    return o;
  }

  public void time(JsonObject o, String key, String at) {
    String text = string(o, key, at, false);
    if (text != null) {
      try {
        LocalTime.parse(text);
      } catch (DateTimeException bad) {
        problems.add(at, "invalid_time", text);
      }
    }
  }

  public <E extends Enum<E>> void choice(JsonObject o, String key, String at, Class<E> type) {
    String value = string(o, key, at, false);
    if (value != null && java.util.Arrays.stream(type.getEnumConstants()).noneMatch(e -> e.name().equalsIgnoreCase(value))) {
      problems.add(at, "invalid_choice", value, String.join(", ", java.util.Arrays.stream(type.getEnumConstants())
          .map(e -> e.name().toLowerCase(Locale.ROOT)).toList()));
    }
  }

  /** Weekday to sessions; each session on its own, then the day's order and overlaps. */
  public void hours(String at, JsonObject week) {
    if (week == null) {
      return;
    }
    for (String day : week.fieldNames()) {
      String dayAt = at + "." + day;
      if (!isWeekday(day)) {
        problems.add(dayAt, "not_a_weekday", day);
        continue;
      }
      JsonArray list = array(week, day, dayAt);
      List<OpeningHours.Session> sessions = new ArrayList<>();
      for (int i = 0; list != null && i < list.size(); i++) {
        OpeningHours.Session s = session(list.getValue(i), dayAt + "[" + i + "]");
        if (s == null) {
          sessions = null;
        } else if (sessions != null) {
          sessions.add(s);
        }
      }
      int overlap = sessions == null ? -1 : OpeningHours.firstOverlap(sessions);
      if (overlap >= 0) {
        problems.add(dayAt + "[" + overlap + "]", "sessions_overlap", sessions.get(overlap - 1));
      }
    }
  }

  public OpeningHours.Session session(Object value, String at) {
    if (!(value instanceof String text)) {
      problems.add(at, "wrong_type", "string");
      return null;
    }
    String[] parts = text.split("-");
    try {
      if (parts.length == 2) {
        LocalTime.parse(parts[0].strip());
        if (!"24:00".equals(parts[1].strip())) {
          LocalTime.parse(parts[1].strip());
        }
      } else {
        throw new DateTimeException(text);
      }
    } catch (DateTimeException malformed) {
      problems.add(at, "invalid_session", text);
      return null;
    }
    try {
      return OpeningHours.Session.parse(text);
    } catch (IllegalArgumentException reversed) {
      problems.add(at, "session_reversed", text);
      return null;
    }
  }

  public static boolean isWeekday(String day) {
    try {
      DayOfWeek.valueOf(day.toUpperCase(Locale.ROOT));
      return true;
    } catch (IllegalArgumentException no) {
      return false;
    }
  }

  /** Runs a domain rule; its refusal becomes a problem at {@code at}, or at the path its reason names. */
  public <T> T rule(String at, Supplier<T> construct) {
    try {
      return construct.get();
    } catch (IllegalArgumentException | ClassCastException | NullPointerException | DateTimeException refused) {
      String reason = String.valueOf(refused.getMessage());
      Matcher named = REASON_PATH.matcher(reason);
      String path = named.find() ? named.group(1) : at;
      Matcher range = REASON_RANGE.matcher(reason);
      if (range.find()) {
        problems.add(path, "out_of_range", range.group(1), range.group(2));
      } else {
        problems.add(path, "invalid_value", reason);
      }
      return null;
    }
  }
}
