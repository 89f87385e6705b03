package vn.layso.office;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import vn.layso.office.domain.Counter;
import vn.layso.office.domain.Office;
import vn.layso.office.domain.OpeningHours;
import vn.layso.office.domain.PriorityGroup;
import vn.layso.office.domain.ServiceDef;

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
            s.getInteger("avgServiceMinutes", 10)));
      }
      List<Counter> counters = new ArrayList<>();
      for (Object o : json.getJsonArray("counters", new JsonArray())) {
        JsonObject c = (JsonObject) o;
        Map<String, Integer> weights = new LinkedHashMap<>();
        for (Object w : c.getJsonArray("services", new JsonArray())) {
          JsonObject served = (JsonObject) w;
          weights.put(served.getString("code"), served.getInteger("weight", 1));
        }
        counters.add(new Counter(c.getString("id"), c.getString("name"), weights));
      }
      List<PriorityGroup> groups = new ArrayList<>();
      for (Object o : json.getJsonArray("priorityGroups", new JsonArray())) {
        JsonObject g = (JsonObject) o;
        groups.add(new PriorityGroup(g.getString("code"), g.getString("name")));
      }
      return new Office(json.getString("id"), json.getString("name"),
          ZoneId.of(json.getString("timezone", "Asia/Ho_Chi_Minh")), services, counters, groups,
          json.getInteger("maxPriorityInRow", 3), hours(json.getJsonObject("openingHours", new JsonObject())));
    } catch (ClassCastException | NullPointerException | java.time.DateTimeException e) {
      throw new IllegalArgumentException("malformed office configuration: " + e.getMessage(), e);
    }
  }

  private static OpeningHours hours(JsonObject json) {
    Map<DayOfWeek, List<OpeningHours.Session>> week = new EnumMap<>(DayOfWeek.class);
    for (String day : json.fieldNames()) {
      List<OpeningHours.Session> sessions = new ArrayList<>();
      for (Object o : json.getJsonArray(day)) {
        String[] range = ((String) o).split("-");
        sessions.add(new OpeningHours.Session(LocalTime.parse(range[0].strip()), LocalTime.parse(range[1].strip())));
      }
      week.put(DayOfWeek.valueOf(day.toUpperCase(Locale.ROOT)), sessions);
    }
    return new OpeningHours(week);
  }

  /** The full stored form, readable back by {@link #read}. */
  public static JsonObject write(Office office) {
    JsonObject hours = new JsonObject();
    office.hours().week().forEach((day, sessions) -> hours.put(day.name().toLowerCase(Locale.ROOT),
        new JsonArray(sessions.stream().map(s -> s.open() + "-" + s.close()).toList())));
    return new JsonObject()
        .put("id", office.id())
        .put("name", office.name())
        .put("timezone", office.timezone().getId())
        .put("services", new JsonArray(office.services().stream().map(s -> new JsonObject()
            .put("code", s.code()).put("name", s.name()).put("prefix", s.prefix())
            .put("numberStart", s.numberStart()).put("numberEnd", s.numberEnd())
            .put("avgServiceMinutes", s.avgServiceMinutes())).toList()))
        .put("counters", new JsonArray(office.counters().stream().map(c -> new JsonObject()
            .put("id", c.id()).put("name", c.name())
            .put("services", new JsonArray(c.weights().entrySet().stream()
                .map(e -> new JsonObject().put("code", e.getKey()).put("weight", e.getValue())).toList())))
            .toList()))
        .put("priorityGroups", new JsonArray(office.priorityGroups().stream()
            .map(g -> new JsonObject().put("code", g.code()).put("name", g.name())).toList()))
        .put("maxPriorityInRow", office.maxPriorityInRow())
        .put("openingHours", hours);
  }

  /** The public view of GET /api/v1/offices/{id}: counters list their service codes, weights apart. */
  public static JsonObject publicView(Office office) {
    JsonObject view = write(office);
    view.getJsonArray("services").forEach(s -> ((JsonObject) s).remove("numberStart"));
    view.getJsonArray("services").forEach(s -> ((JsonObject) s).remove("numberEnd"));
    view.put("counters", new JsonArray(office.counters().stream().map(c -> new JsonObject()
        .put("id", c.id()).put("name", c.name())
        .put("services", new JsonArray(List.copyOf(c.weights().keySet())))
        .put("weights", new JsonObject(new LinkedHashMap<>(c.weights())))).toList()));
    return view;
  }
}
