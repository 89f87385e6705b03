package vn.layso.office;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import vn.layso.announce.domain.Dialect;
import vn.layso.announce.domain.NumberReading;
import vn.layso.office.domain.Counter;
import vn.layso.office.domain.DisplaySettings;
import vn.layso.office.domain.Office;
import vn.layso.office.domain.OpeningHours;
import vn.layso.office.domain.PriorityGroup;
import vn.layso.office.domain.Printer;
import vn.layso.office.domain.ServiceDef;
import vn.layso.queue.domain.CallPolicy;
import vn.layso.rating.domain.RatingSettings;

/** The office's JSON form: the seed file and the stored configuration share it. */
public final class OfficeJson {

  private OfficeJson() {
  }

  /** Reads an office; any missing or malformed part throws IllegalArgumentException with a reason. */
  public static Office read(JsonObject json) {
    try {
      List<ServiceDef> services = new ArrayList<>();
      for (Object o : json.getJsonArray("services", new JsonArray())) {
        JsonObject s = (JsonObject) o;
        services.add(new ServiceDef(s.getString("code"), s.getString("name"), s.getString("prefix"),
            s.getInteger("numberStart", 1), s.getInteger("numberEnd", 999),
            s.getInteger("avgServiceMinutes", 10), cutoff(s.getString("issueCutoff")), s.getString("description"),
            s.getInteger("targetWaitMinutes", ServiceDef.DEFAULT_TARGET_WAIT_MINUTES)));
      }
      List<Counter> counters = new ArrayList<>();
      for (Object o : json.getJsonArray("counters", new JsonArray())) {
        JsonObject c = (JsonObject) o;
        Map<String, Integer> weights = new LinkedHashMap<>();
        Set<String> backup = new LinkedHashSet<>();
        for (Object w : c.getJsonArray("services", new JsonArray())) {
          JsonObject served = (JsonObject) w;
          if (Boolean.TRUE.equals(served.getBoolean("backup", false))) {
            if (served.containsKey("weight")) {
              throw new IllegalArgumentException("counter " + c.getString("id") + ": backup field "
                  + served.getString("code") + " takes no weight");
            }
            backup.add(served.getString("code"));
          } else {
            weights.put(served.getString("code"), served.getInteger("weight", 1));
          }
        }
        counters.add(new Counter(c.getString("id"), c.getString("name"), weights, backup));
      }
      List<PriorityGroup> groups = new ArrayList<>();
      for (Object o : json.getJsonArray("priorityGroups", new JsonArray())) {
        JsonObject g = (JsonObject) o;
        groups.add(new PriorityGroup(g.getString("code"), g.getString("name")));
      }
      OpeningHours service = hours("openingHours", json.getJsonObject("openingHours", new JsonObject()));
      Object issuing = json.getValue("issuingHours");
      // without issuing hours the kiosk follows the service hours; an office with no hours at all issues any time
      OpeningHours issuingHours = issuing == null ? (service.week().isEmpty() ? OpeningHours.always() : service)
          : "always".equals(issuing) ? OpeningHours.always() : hours("issuingHours", (JsonObject) issuing);
      return new Office(json.getString("id"), json.getString("name"),
          ZoneId.of(json.getString("timezone", "Asia/Ho_Chi_Minh")), services, counters, groups,
          json.getInteger("maxPriorityInRow", 3), service, issuingHours,
          display(json.getJsonObject("display", new JsonObject())),
          printers(json.getJsonArray("printers", new JsonArray())),
          BookingJson.read(json.getJsonObject("booking")),
          callPolicy(json.getJsonObject("callPolicy", new JsonObject())),
          ratings(json.getJsonObject("ratings", new JsonObject())));
    } catch (ClassCastException | NullPointerException | java.time.DateTimeException e) {
      throw new IllegalArgumentException("malformed office configuration: " + e.getMessage(), e);
    }
  }

  /** The call-next rules beyond maxPriorityInRow; every key is optional (see CallPolicy.DEFAULTS). */
  static CallPolicy callPolicy(JsonObject json) {
    CallPolicy d = CallPolicy.DEFAULTS;
    String mode = text(json, "priority", "callPolicy.priority");
    Object escalation = json.getValue("escalation");
    if (escalation != null && !(escalation instanceof Boolean)) {
      throw new IllegalArgumentException("callPolicy.escalation must be true or false");
    }
    return new CallPolicy(mode == null ? d.priority() : CallPolicy.PriorityMode.parse(mode),
        json.getInteger("normalsPerPriority", d.normalsPerPriority()),
        json.getInteger("maxAppointmentsInRow", d.maxAppointmentsInRow()),
        json.getInteger("walkInMaxWaitMinutes", d.walkInMaxWaitMinutes()),
        json.getInteger("agingPerHour", d.agingPerHour()),
        escalation == null ? d.escalation() : (Boolean) escalation);
  }

  private static JsonObject write(CallPolicy p) {
    return new JsonObject().put("priority", p.priority().code()).put("normalsPerPriority", p.normalsPerPriority())
        .put("maxAppointmentsInRow", p.maxAppointmentsInRow()).put("walkInMaxWaitMinutes", p.walkInMaxWaitMinutes())
        .put("agingPerHour", p.agingPerHour()).put("escalation", p.escalation());
  }

  /** The ratings section: {@code levels} 3 or 5, {@code windowHours}; both optional, nothing else allowed. */
  private static RatingSettings ratings(JsonObject json) {
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

  private static JsonObject write(RatingSettings r) {
    return new JsonObject().put("levels", r.levels()).put("windowHours", r.windowHours());
  }

  /** Weekday name to sessions; a malformed entry names the field, the day and the text. */
  private static OpeningHours hours(String field, JsonObject json) {
    Map<DayOfWeek, List<OpeningHours.Session>> week = new EnumMap<>(DayOfWeek.class);
    for (String day : json.fieldNames()) {
      DayOfWeek weekday;
      try {
        weekday = DayOfWeek.valueOf(day.toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException notADay) {
        throw new IllegalArgumentException(field + ": '" + day + "' is not a weekday (monday..sunday)");
      }
      List<OpeningHours.Session> sessions = new ArrayList<>();
      for (Object o : json.getJsonArray(day)) {
        try {
          sessions.add(OpeningHours.Session.parse((String) o));
        } catch (java.time.DateTimeException | IllegalArgumentException bad) {
          throw new IllegalArgumentException(field + "." + day + ": '" + o + "' is not a session like 07:30-11:30");
        }
      }
      week.put(weekday, sessions);
    }
    return new OpeningHours(week);
  }

  /** The lobby screens' settings; every key is optional (see DisplaySettings.DEFAULTS). */
  static DisplaySettings display(JsonObject json) {
    DisplaySettings d = DisplaySettings.DEFAULTS;
    Map<String, String> names = new LinkedHashMap<>();
    JsonObject counterNames = json.getJsonObject("counterNames", new JsonObject());
    counterNames.fieldNames().forEach(id -> names.put(id, text(counterNames, id, "display.counterNames." + id)));
    return new DisplaySettings(textOr(json, "ticker", d.ticker()),
        choice("display.numberReading", text(json, "numberReading", "display.numberReading"), NumberReading.class,
            d.numberReading()),
        choice("display.dialect", text(json, "dialect", "display.dialect"), Dialect.class, d.dialect()),
        choice("display.voice", text(json, "voice", "display.voice"), DisplaySettings.Voice.class, d.voice()),
        textOr(json, "voicePack", d.voicePack()), names);
  }

  /** A string value or null; anything else (a number, a list) is refused rather than turned into text. */
  private static String text(JsonObject json, String key, String field) {
    Object value = json.getValue(key);
    if (value != null && !(value instanceof String)) {
      throw new IllegalArgumentException(field + " must be a string");
    }
    return (String) value;
  }

  private static String textOr(JsonObject json, String key, String fallback) {
    String value = text(json, key, "display." + key);
    return value == null ? fallback : value;
  }

  private static <E extends Enum<E>> E choice(String field, String value, Class<E> type, E fallback) {
    if (value == null) {
      return fallback;
    }
    for (E e : type.getEnumConstants()) {
      if (e.name().equalsIgnoreCase(value)) {
        return e;
      }
    }
    throw new IllegalArgumentException(field + ": '" + value + "' is not one of "
        + java.util.Arrays.stream(type.getEnumConstants()).map(e -> e.name().toLowerCase(Locale.ROOT)).toList());
  }

  private static JsonObject write(DisplaySettings d) {
    return new JsonObject().put("ticker", d.ticker())
        .put("numberReading", d.numberReading().name().toLowerCase(Locale.ROOT))
        .put("dialect", d.dialect().name().toLowerCase(Locale.ROOT))
        .put("voice", d.voice().name().toLowerCase(Locale.ROOT))
        .put("voicePack", d.voicePack())
        .put("counterNames", new JsonObject(new LinkedHashMap<>(d.counterNames())));
  }

  /** The office's ticket printers; port defaults to 9100, name to the id, kiosks to none. */
  static List<Printer> printers(JsonArray array) {
    List<Printer> printers = new ArrayList<>();
    for (Object o : array) {
      JsonObject p = (JsonObject) o;
      List<String> kiosks = new ArrayList<>();
      p.getJsonArray("kiosks", new JsonArray()).forEach(k -> kiosks.add((String) k));
      printers.add(new Printer(p.getString("id"), p.getString("name"), p.getString("profile", "80mm-raster"),
          p.getString("host"), p.getInteger("port", Printer.DEFAULT_PORT), kiosks, p.getString("baseUrl")));
    }
    return printers;
  }

  private static LocalTime cutoff(String value) {
    try {
      return value == null ? null : LocalTime.parse(value);
    } catch (java.time.DateTimeException bad) {
      throw new IllegalArgumentException("issueCutoff: '" + value + "' is not a time like 16:00");
    }
  }

  private static JsonObject write(OpeningHours week) {
    JsonObject hours = new JsonObject();
    week.week().forEach((day, sessions) -> hours.put(day.name().toLowerCase(Locale.ROOT),
        new JsonArray(sessions.stream().map(OpeningHours.Session::toString).toList())));
    return hours;
  }

  /** The full stored form, readable back by {@link #read}. */
  public static JsonObject write(Office office) {
    return new JsonObject()
        .put("id", office.id())
        .put("name", office.name())
        .put("timezone", office.timezone().getId())
        .put("services", new JsonArray(office.services().stream().map(s -> new JsonObject()
            .put("code", s.code()).put("name", s.name()).put("prefix", s.prefix())
            .put("numberStart", s.numberStart()).put("numberEnd", s.numberEnd())
            .put("avgServiceMinutes", s.avgServiceMinutes())
            .put("targetWaitMinutes", s.targetWaitMinutes())
            .put("issueCutoff", s.issueCutoff() == null ? null : s.issueCutoff().toString())
            .put("description", s.description())).toList()))
        .put("counters", new JsonArray(office.counters().stream().map(c -> new JsonObject()
            .put("id", c.id()).put("name", c.name())
            .put("services", new JsonArray(Stream.concat(c.weights().entrySet().stream()
                .map(e -> new JsonObject().put("code", e.getKey()).put("weight", e.getValue())),
                c.backup().stream().map(code -> new JsonObject().put("code", code).put("backup", true))).toList())))
            .toList()))
        .put("priorityGroups", new JsonArray(office.priorityGroups().stream()
            .map(g -> new JsonObject().put("code", g.code()).put("name", g.name())).toList()))
        .put("maxPriorityInRow", office.maxPriorityInRow())
        .put("openingHours", write(office.hours()))
        .put("issuingHours", write(office.issuingHours()))
        .put("display", write(office.display()))
        .put("printers", new JsonArray(office.printers().stream().map(OfficeJson::write).toList()))
        .put("booking", BookingJson.write(office.booking()))
        .put("callPolicy", write(office.callPolicy()))
        .put("ratings", write(office.ratings()));
  }

  public static JsonObject write(Printer p) {
    JsonObject json = new JsonObject().put("id", p.id()).put("name", p.name()).put("profile", p.profile())
        .put("host", p.host()).put("port", p.port()).put("kiosks", new JsonArray(p.kiosks()));
    if (p.baseUrl() != null) {
      json.put("baseUrl", p.baseUrl());
    }
    return json;
  }

  /** The public view of GET /api/v1/offices/{id}: counters list their service codes, weights apart. */
  public static JsonObject publicView(Office office) {
    JsonObject view = write(office);
    // printer addresses are for staff (GET /api/v1/offices/{office}/printers)
    view.remove("printers");
    view.getJsonArray("services").forEach(s -> ((JsonObject) s).remove("numberStart"));
    view.getJsonArray("services").forEach(s -> ((JsonObject) s).remove("numberEnd"));
    view.put("counters", new JsonArray(office.counters().stream().map(c -> new JsonObject()
        .put("id", c.id()).put("name", c.name())
        .put("services", new JsonArray(List.copyOf(c.weights().keySet())))
        .put("weights", new JsonObject(new LinkedHashMap<>(c.weights())))
        .put("backup", new JsonArray(List.copyOf(c.backup())))).toList()));
    return view;
  }
}
