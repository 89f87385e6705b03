package vn.layso.bench;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.stream.IntStream;

/**
 * The bench's OFFICES_FILE: bench-1 .. bench-8 (issuing and call-next), bench-live (the fan-out) and
 * bench-book (the booking crowd), each 4 services of numbers 1..99,999 and 20 counters that serve
 * all four with weight 1, open to anonymous issuing. Eight offices give each server 3.2 M numbers a
 * day, so that even a machine three times faster than the build machine cannot run out.
 */
public final class BenchOffices {

  public static final int OFFICES = 8;
  public static final int SERVICES = 4;
  public static final int COUNTERS = 20;
  public static final String LIVE = "bench-live";
  public static final String BOOK = "bench-book";
  private static final int NUMBER_END = 99_999;

  private BenchOffices() {
  }

  /** bench-1 .. bench-8, the offices the throughput phases go round. */
  public static List<String> throughputOffices() {
    return IntStream.rangeClosed(1, OFFICES).mapToObj(n -> "bench-" + n).toList();
  }

  public static List<String> services() {
    return IntStream.range(0, SERVICES).mapToObj(s -> "s" + s).toList();
  }

  public static String json() {
    JsonArray offices = new JsonArray().add(office(LIVE)).add(bookingOffice());
    throughputOffices().forEach(id -> offices.add(office(id)));
    return offices.encode();
  }

  /** One office alone (scripts/lua-cost), so that no other office's background work is counted. */
  public static String json(String id) {
    return new JsonArray().add(office(id)).encode();
  }

  private static JsonObject office(String id) {
    JsonArray services = new JsonArray();
    JsonArray served = new JsonArray();
    for (int s = 0; s < SERVICES; s++) {
      services.add(new JsonObject().put("code", "s" + s).put("name", "Lĩnh vực " + s)
          .put("prefix", String.valueOf((char) ('A' + s))).put("numberStart", 1).put("numberEnd", NUMBER_END)
          .put("avgServiceMinutes", 10));
      served.add(new JsonObject().put("code", "s" + s).put("weight", 1));
    }
    JsonArray counters = new JsonArray();
    for (int c = 1; c <= COUNTERS; c++) {
      counters.add(new JsonObject().put("id", String.valueOf(c)).put("name", "Quầy " + c).put("services", served.copy()));
    }
    return new JsonObject().put("id", id).put("name", "Bench " + id).put("timezone", "Asia/Ho_Chi_Minh")
        .put("services", services).put("counters", counters)
        .put("priorityGroups", new JsonArray().add(new JsonObject().put("code", "nguoi-cao-tuoi").put("name", "Người cao tuổi")))
        .put("maxPriorityInRow", 3).put("walkInIssuing", "open").put("openingHours", new JsonObject());
  }

  /** Open every day 07:00-17:00, 20 bookings a day and field per citizen at most. */
  private static JsonObject bookingOffice() {
    JsonObject hours = new JsonObject();
    for (String day : List.of("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")) {
      hours.put(day, new JsonArray().add("07:00-17:00"));
    }
    return office(BOOK).put("openingHours", hours)
        .put("booking", new JsonObject().put("maxPerDay", 20).put("maxPerField", 20));
  }
}
