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
import vn.layso.office.domain.Counter;
import vn.layso.office.domain.Office;
import vn.layso.office.domain.OpeningHours;
import vn.layso.office.domain.PriorityGroup;
import vn.layso.office.domain.Printer;
import vn.layso.office.domain.SectionKey;
import vn.layso.office.domain.ServiceDef;
import vn.layso.office.domain.WalkInIssuing;

/**
 * The office's JSON form: the seed file and the stored configuration share it. The core (fields,
 * counters, hours, printers...) is read here; each feature's section by its codec (see OfficeSections).
 */
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
      Office core = new Office(json.getString("id"), json.getString("name"),
          ZoneId.of(json.getString("timezone", "Asia/Ho_Chi_Minh")), services, counters, groups,
          json.getInteger("maxPriorityInRow", 3), service, issuingHours,
          printers(json.getJsonArray("printers", new JsonArray())));
      Map<SectionKey<?>, Object> sections = new LinkedHashMap<>();
      for (SectionCodec<?> codec : OfficeSections.installed().codecs()) {
        sections.put(codec.key(), section(codec, json.getJsonObject(codec.key().name()), core));
      }
      return new Office(core.id(), core.name(), core.timezone(), core.services(), core.counters(),
          core.priorityGroups(), core.maxPriorityInRow(), core.hours(), core.issuingHours(), core.printers(), sections,
          WalkInIssuing.parse(json.getString("walkInIssuing")));
    } catch (ClassCastException | NullPointerException | java.time.DateTimeException e) {
      throw new IllegalArgumentException("malformed office configuration: " + e.getMessage(), e);
    }
  }

  /** A section's value (its key's defaults when absent), checked against the office's core. */
  private static <T> T section(SectionCodec<T> codec, JsonObject json, Office core) {
    T value = json == null ? codec.key().defaults() : codec.read(json);
    codec.crossCheck(value, core);
    return value;
  }

  private static <T> JsonObject write(SectionCodec<T> codec, Office office) {
    return codec.write(office.section(codec.key()));
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
    JsonObject json = new JsonObject()
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
        .put("walkInIssuing", office.walkInIssuing().code())
        .put("openingHours", write(office.hours()))
        .put("issuingHours", write(office.issuingHours()))
        .put("printers", new JsonArray(office.printers().stream().map(OfficeJson::write).toList()));
    for (SectionCodec<?> codec : OfficeSections.installed().codecs()) {
      json.put(codec.key().name(), write(codec, office));
    }
    return json;
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
