package vn.layso.office;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import vn.layso.announce.domain.Dialect;
import vn.layso.announce.domain.NumberReading;
import vn.layso.office.domain.Counter;
import vn.layso.office.domain.DisplaySettings;
import vn.layso.office.domain.Office;
import vn.layso.office.domain.OfficeRules;
import vn.layso.office.domain.OpeningHours;
import vn.layso.office.domain.ServiceDef;
import vn.layso.office.domain.SettingsProblems;
import vn.layso.queue.domain.CallPolicy;

/**
 * Checks a whole settings document (the OFFICES_FILE / GET settings shape) and lists every problem
 * with its path, instead of stopping at the first as {@link OfficeJson#read} does. The shapes and the
 * cross-references (duplicates, unknown fields, counters without a field, overlapping sessions) are
 * checked here, path by path; the rules of each record are the domain constructors', run per element
 * with the element's path, so each rule is written once.
 */
public final class SettingsValidator {

  public static final int MAX_SERVICES = 100;
  public static final int MAX_COUNTERS = 200;
  public static final int MAX_NAME = 200;
  private static final Set<Integer> RATING_LEVELS = Set.of(3, 5);
  private static final int MAX_RATING_WINDOW_HOURS = 168;
  /** A domain reason that starts with a dotted path ("booking.slotMinutes must be ...") names its place. */
  private static final Pattern REASON_PATH = Pattern.compile("^([a-z][A-Za-z]*(\\.[A-Za-z0-9-]+)+)\\b");

  private final SettingsProblems problems = new SettingsProblems();
  private final JsonObject json;
  private final Set<String> fields = new HashSet<>();
  private final Set<String> counterIds = new HashSet<>();

  private SettingsValidator(JsonObject json) {
    this.json = json;
  }

  /** The office the document describes, or every problem found in it. */
  public record Result(Office office, SettingsProblems problems) {
    public boolean valid() {
      return office != null;
    }
  }

  public static Result check(JsonObject json) {
    SettingsValidator v = new SettingsValidator(json);
    v.walk();
    if (!v.problems.isEmpty()) {
      return new Result(null, v.problems);
    }
    // every element passed on its own; what remains are the office's own cross-checks
    Office office = v.rule("", () -> OfficeJson.read(json));
    return new Result(office, v.problems);
  }

  private void walk() {
    String id = string(json, "id", "id", true);
    if (id != null && !OfficeRules.isCode(id)) {
      problems.add("id", "invalid_code");
    }
    String name = string(json, "name", "name", true);
    if (name != null && (name.isBlank() || name.length() > MAX_NAME)) {
      problems.add("name", "invalid_length", 1, MAX_NAME);
    }
    String zone = string(json, "timezone", "timezone", false);
    if (zone != null) {
      try {
        ZoneId.of(zone);
      } catch (DateTimeException unknown) {
        problems.add("timezone", "unknown_timezone", zone);
      }
    }
    services();
    counters();
    priorityGroups();
    integer(json, "maxPriorityInRow", "maxPriorityInRow", 0, 100);
    hours("openingHours", object(json, "openingHours", "openingHours"));
    Object issuing = json.getValue("issuingHours");
    if (!"always".equals(issuing)) {
      hours("issuingHours", object(json, "issuingHours", "issuingHours"));
    }
    display();
    printers();
    booking();
    callPolicy();
    ratings();
  }

  private void services() {
    JsonArray list = array(json, "services", "services");
    if (list == null || list.isEmpty()) {
      problems.add("services", "no_fields");
      return;
    }
    if (list.size() > MAX_SERVICES) {
      problems.add("services", "too_many", MAX_SERVICES);
      return;
    }
    Set<String> prefixes = new HashSet<>();
    for (int i = 0; i < list.size(); i++) {
      String at = "services[" + i + "]";
      JsonObject s = element(list, i, at);
      if (s == null) {
        continue;
      }
      int before = problems.size();
      String code = string(s, "code", at + ".code", true);
      if (code != null && !OfficeRules.isCode(code)) {
        problems.add(at + ".code", "invalid_code");
      } else if (code != null && !fields.add(code)) {
        problems.add(at + ".code", "duplicate", code);
      }
      string(s, "name", at + ".name", true);
      String prefix = string(s, "prefix", at + ".prefix", true);
      if (prefix != null && !prefix.matches(ServiceDef.PREFIX)) {
        problems.add(at + ".prefix", "invalid_prefix");
      } else if (prefix != null && !prefixes.add(prefix)) {
        problems.add(at + ".prefix", "duplicate", prefix);
      }
      Integer start = integer(s, "numberStart", at + ".numberStart", 0, ServiceDef.MAX_NUMBER);
      Integer end = integer(s, "numberEnd", at + ".numberEnd", 0, ServiceDef.MAX_NUMBER);
      if (start != null && end != null && end < start) {
        problems.add(at + ".numberEnd", "range_reversed", start);
      }
      integer(s, "avgServiceMinutes", at + ".avgServiceMinutes", 1, ServiceDef.MAX_MINUTES);
      integer(s, "targetWaitMinutes", at + ".targetWaitMinutes", 1, ServiceDef.MAX_MINUTES);
      time(s, "issueCutoff", at + ".issueCutoff");
      String description = string(s, "description", at + ".description", false);
      if (description != null && (description.isBlank() || description.length() > ServiceDef.MAX_DESCRIPTION)) {
        problems.add(at + ".description", "invalid_length", 1, ServiceDef.MAX_DESCRIPTION);
      }
      if (problems.size() == before) {
        rule(at, () -> new ServiceDef(s.getString("code"), s.getString("name"), s.getString("prefix"),
            s.getInteger("numberStart", 1), s.getInteger("numberEnd", 999), s.getInteger("avgServiceMinutes", 10),
            null, s.getString("description"), s.getInteger("targetWaitMinutes", 30)));
      }
    }
  }

  private void counters() {
    JsonArray list = array(json, "counters", "counters");
    if (list == null) {
      return;
    }
    if (list.size() > MAX_COUNTERS) {
      problems.add("counters", "too_many", MAX_COUNTERS);
      return;
    }
    for (int i = 0; i < list.size(); i++) {
      String at = "counters[" + i + "]";
      JsonObject c = element(list, i, at);
      if (c == null) {
        continue;
      }
      String id = string(c, "id", at + ".id", true);
      if (id != null && !OfficeRules.isCode(id)) {
        problems.add(at + ".id", "invalid_code");
      } else if (id != null && !counterIds.add(id)) {
        problems.add(at + ".id", "duplicate", id);
      }
      string(c, "name", at + ".name", true);
      JsonArray served = array(c, "services", at + ".services");
      int main = 0;
      Set<String> seen = new HashSet<>();
      for (int j = 0; served != null && j < served.size(); j++) {
        String sat = at + ".services[" + j + "]";
        JsonObject s = element(served, j, sat);
        if (s == null) {
          continue;
        }
        String code = string(s, "code", sat + ".code", true);
        if (code != null && !fields.isEmpty() && !fields.contains(code)) {
          // (with no valid field at all, "services" itself is the problem)
          problems.add(sat + ".code", "unknown_field", code);
        } else if (code != null && !seen.add(code)) {
          problems.add(sat + ".code", "duplicate", code);
        }
        Boolean backup = bool(s, "backup", sat + ".backup");
        Integer weight = integer(s, "weight", sat + ".weight", 1, Counter.MAX_WEIGHT);
        if (Boolean.TRUE.equals(backup)) {
          if (s.containsKey("weight")) {
            problems.add(sat + ".weight", "backup_with_weight");
          }
        } else if (weight != null || !s.containsKey("weight")) {
          main++;
        }
      }
      if (served != null && main == 0 && !problems.has(at + ".services")) {
        problems.add(at + ".services", "counter_without_field");
      } else if (served == null && !problems.has(at + ".services")) {
        problems.add(at + ".services", "counter_without_field");
      }
    }
  }

  private void priorityGroups() {
    JsonArray list = array(json, "priorityGroups", "priorityGroups");
    Set<String> codes = new HashSet<>();
    for (int i = 0; list != null && i < list.size(); i++) {
      String at = "priorityGroups[" + i + "]";
      JsonObject g = element(list, i, at);
      if (g == null) {
        continue;
      }
      String code = string(g, "code", at + ".code", true);
      if (code != null && !OfficeRules.isCode(code)) {
        problems.add(at + ".code", "invalid_code");
      } else if (code != null && !codes.add(code)) {
        problems.add(at + ".code", "duplicate", code);
      }
      String name = string(g, "name", at + ".name", true);
      if (name != null && (name.isBlank() || name.length() > MAX_NAME)) {
        problems.add(at + ".name", "invalid_length", 1, MAX_NAME);
      }
    }
  }

  /** Weekday to sessions; each session on its own, then the day's order and overlaps. */
  private void hours(String at, JsonObject week) {
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

  private OpeningHours.Session session(Object value, String at) {
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

  private void display() {
    JsonObject d = object(json, "display", "display");
    if (d == null) {
      return;
    }
    int before = problems.size();
    String ticker = string(d, "ticker", "display.ticker", false);
    if (ticker != null && ticker.strip().length() > DisplaySettings.MAX_TICKER) {
      problems.add("display.ticker", "invalid_length", 0, DisplaySettings.MAX_TICKER);
    }
    choice(d, "numberReading", "display.numberReading", NumberReading.class);
    choice(d, "dialect", "display.dialect", Dialect.class);
    choice(d, "voice", "display.voice", DisplaySettings.Voice.class);
    string(d, "voicePack", "display.voicePack", false);
    JsonObject names = object(d, "counterNames", "display.counterNames");
    for (String counter : names == null ? Set.<String>of() : names.fieldNames()) {
      String at = "display.counterNames." + counter;
      if (!counterIds.contains(counter)) {
        problems.add(at, "unknown_counter", counter);
      }
      String name = string(names, counter, at, true);
      if (name != null && (name.isBlank() || name.length() > DisplaySettings.MAX_COUNTER_NAME)) {
        problems.add(at, "invalid_length", 1, DisplaySettings.MAX_COUNTER_NAME);
      }
    }
    if (problems.size() == before) {
      rule("display", () -> OfficeJson.display(d));
    }
  }

  private void printers() {
    JsonArray list = array(json, "printers", "printers");
    Set<String> ids = new HashSet<>();
    Set<String> kiosks = new HashSet<>();
    for (int i = 0; list != null && i < list.size(); i++) {
      String at = "printers[" + i + "]";
      JsonObject p = element(list, i, at);
      if (p == null) {
        continue;
      }
      int before = problems.size();
      String id = string(p, "id", at + ".id", true);
      if (id != null && !ids.add(id)) {
        problems.add(at + ".id", "duplicate", id);
      }
      string(p, "name", at + ".name", false);
      string(p, "profile", at + ".profile", false);
      string(p, "host", at + ".host", true);
      integer(p, "port", at + ".port", 1, 65535);
      string(p, "baseUrl", at + ".baseUrl", false);
      JsonArray linked = array(p, "kiosks", at + ".kiosks");
      for (int j = 0; linked != null && j < linked.size(); j++) {
        Object kiosk = linked.getValue(j);
        if (!(kiosk instanceof String k)) {
          problems.add(at + ".kiosks[" + j + "]", "wrong_type", "string");
        } else if (!kiosks.add(k)) {
          problems.add(at + ".kiosks[" + j + "]", "duplicate", k);
        }
      }
      if (problems.size() == before) {
        rule(at, () -> OfficeJson.printers(new JsonArray().add(p)));
      }
    }
  }

  private void booking() {
    JsonObject b = object(json, "booking", "booking");
    if (b == null) {
      return;
    }
    int before = problems.size();
    for (String key : List.of("slotMinutes", "appointmentShare", "minDaysAhead", "maxDaysAhead", "holdMinutes",
        "maxPerDay", "maxPerField", "checkInEarlyMinutes", "checkInLateMinutes", "retentionDays")) {
      integer(b, key, "booking." + key, Integer.MIN_VALUE, Integer.MAX_VALUE);
    }
    time(b, "cutoff", "booking.cutoff");
    string(b, "lateArrival", "booking.lateArrival", false);
    JsonObject fieldHours = object(b, "fieldHours", "booking.fieldHours");
    for (String field : fieldHours == null ? Set.<String>of() : fieldHours.fieldNames()) {
      if (!fields.contains(field)) {
        problems.add("booking.fieldHours." + field, "unknown_field", field);
      } else {
        hours("booking.fieldHours." + field, object(fieldHours, field, "booking.fieldHours." + field));
      }
    }
    JsonObject exceptions = object(b, "exceptions", "booking.exceptions");
    for (String date : exceptions == null ? Set.<String>of() : exceptions.fieldNames()) {
      String at = "booking.exceptions." + date;
      try {
        LocalDate.parse(date);
      } catch (DateTimeException bad) {
        problems.add(at, "invalid_date", date);
        continue;
      }
      JsonArray list = array(exceptions, date, at);
      for (int i = 0; list != null && i < list.size(); i++) {
        session(list.getValue(i), at + "[" + i + "]");
      }
    }
    if (problems.size() == before) {
      rule("booking", () -> BookingJson.read(b));
    }
  }

  private void callPolicy() {
    JsonObject p = object(json, "callPolicy", "callPolicy");
    if (p == null) {
      return;
    }
    int before = problems.size();
    String mode = string(p, "priority", "callPolicy.priority", false);
    if (mode != null && List.of(CallPolicy.PriorityMode.values()).stream().noneMatch(m -> m.code().equals(mode))) {
      problems.add("callPolicy.priority", "invalid_choice", mode,
          String.join(", ", List.of(CallPolicy.PriorityMode.values()).stream().map(CallPolicy.PriorityMode::code)
              .toList()));
    }
    for (String key : List.of("normalsPerPriority", "maxAppointmentsInRow", "walkInMaxWaitMinutes", "agingPerHour")) {
      integer(p, key, "callPolicy." + key, Integer.MIN_VALUE, Integer.MAX_VALUE);
    }
    bool(p, "escalation", "callPolicy.escalation");
    if (problems.size() == before) {
      rule("callPolicy", () -> OfficeJson.callPolicy(p));
    }
  }

  /** The ratings section (read by the ratings feature): 3 or 5 levels, a window of 1..168 hours. */
  private void ratings() {
    JsonObject r = object(json, "ratings", "ratings");
    if (r == null) {
      return;
    }
    Integer levels = integer(r, "levels", "ratings.levels", Integer.MIN_VALUE, Integer.MAX_VALUE);
    if (levels != null && !RATING_LEVELS.contains(levels)) {
      problems.add("ratings.levels", "invalid_choice", levels, "3, 5");
    }
    integer(r, "windowHours", "ratings.windowHours", 1, MAX_RATING_WINDOW_HOURS);
  }

  // ---- typed reads: each adds its problem and answers null when the value is absent or wrong

  private String string(JsonObject o, String key, String at, boolean required) {
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
    return s;
  }

  private Integer integer(JsonObject o, String key, String at, int min, int max) {
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

  private Boolean bool(JsonObject o, String key, String at) {
    Object v = o.getValue(key);
    if (v != null && !(v instanceof Boolean)) {
      problems.add(at, "wrong_type", "boolean");
      return null;
    }
    return (Boolean) v;
  }

  private JsonObject object(JsonObject o, String key, String at) {
    Object v = o.getValue(key);
    if (v != null && !(v instanceof JsonObject)) {
      problems.add(at, "wrong_type", "object");
      return null;
    }
    return (JsonObject) v;
  }

  private JsonArray array(JsonObject o, String key, String at) {
    Object v = o.getValue(key);
    if (v != null && !(v instanceof JsonArray)) {
      problems.add(at, "wrong_type", "array");
      return null;
    }
    return (JsonArray) v;
  }

  private JsonObject element(JsonArray list, int i, String at) {
    Object v = list.getValue(i);
    if (!(v instanceof JsonObject o)) {
      problems.add(at, "wrong_type", "object");
      return null;
    }
    return o;
  }

  private void time(JsonObject o, String key, String at) {
    String text = string(o, key, at, false);
    if (text != null) {
      try {
        LocalTime.parse(text);
      } catch (DateTimeException bad) {
        problems.add(at, "invalid_time", text);
      }
    }
  }

  private <E extends Enum<E>> void choice(JsonObject o, String key, String at, Class<E> type) {
    String value = string(o, key, at, false);
    if (value != null && java.util.Arrays.stream(type.getEnumConstants()).noneMatch(e -> e.name().equalsIgnoreCase(value))) {
      problems.add(at, "invalid_choice", value, String.join(", ", java.util.Arrays.stream(type.getEnumConstants())
          .map(e -> e.name().toLowerCase(Locale.ROOT)).toList()));
    }
  }

  private static boolean isWeekday(String day) {
    try {
      DayOfWeek.valueOf(day.toUpperCase(Locale.ROOT));
      return true;
    } catch (IllegalArgumentException no) {
      return false;
    }
  }

  /** Runs a domain rule; its refusal becomes a problem at {@code at}, or at the path its reason names. */
  private <T> T rule(String at, Supplier<T> construct) {
    try {
      return construct.get();
    } catch (IllegalArgumentException | ClassCastException | NullPointerException | DateTimeException refused) {
      String reason = String.valueOf(refused.getMessage());
      Matcher named = REASON_PATH.matcher(reason);
      problems.add(named.find() ? named.group(1) : at, "invalid_value", reason);
      return null;
    }
  }
}
