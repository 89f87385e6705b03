package vn.layso.history;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import vn.layso.office.domain.Office;
import vn.layso.office.domain.ServiceDef;
import vn.layso.queue.IssuingNorms;
import vn.layso.queue.domain.IssuingSurge;

/**
 * A field's usual tickets per hour, from the stored summaries of the same weekday in the past
 * {@value IssuingSurge#PAST_WEEKS} weeks (a day that has none, a holiday or a closed day, is left
 * out). A summary counts by field and by hour apart, so a field's hour is its share of the day times
 * the hour's tickets (IssuingSurge.usual). Read once per office and day on this server: the past does
 * not change.
 */
public final class PastIssuing implements IssuingNorms {

  private static final int HOURS = 24;

  private final HistoryStore store;
  /** Per "office|day", each field's usual tickets in each hour of the day. */
  private final Map<String, Future<Map<String, double[]>>> tables = new ConcurrentHashMap<>();

  public PastIssuing(HistoryStore store) {
    this.store = store;
  }

  @Override
  public Future<Map<String, Double>> usualPerHour(Office office, LocalDate day, int hour) {
    String key = office.id() + "|" + day;
    if (!tables.containsKey(key)) {
      // a new day: the office's earlier days are not asked for again
      tables.keySet().removeIf(other -> other.startsWith(office.id() + "|") && !other.equals(key));
    }
    Future<Map<String, double[]>> table = tables.computeIfAbsent(key, k -> load(office, day));
    return table.onFailure(failed -> tables.remove(key, table)).map(fields -> {
      Map<String, Double> usual = new HashMap<>();
      fields.forEach((service, hours) -> usual.put(service, hours[hour]));
      return usual;
    });
  }

  private Future<Map<String, double[]>> load(Office office, LocalDate day) {
    List<Future<List<String>>> reads = new ArrayList<>();
    for (int week = 1; week <= IssuingSurge.PAST_WEEKS; week++) {
      LocalDate past = day.minusWeeks(week);
      reads.add(store.summaries(office.id(), past, past));
    }
    return Future.all(reads).map(done -> {
      List<JsonObject> days = new ArrayList<>();
      reads.forEach(read -> read.result().forEach(raw -> days.add(new JsonObject(raw))));
      Map<String, double[]> table = new HashMap<>();
      for (ServiceDef s : office.services()) {
        double[] hours = new double[HOURS];
        for (int h = 0; h < HOURS; h++) {
          List<IssuingSurge.PastDay> past = new ArrayList<>();
          for (JsonObject d : days) {
            past.add(new IssuingSurge.PastDay(issued(d.getJsonObject("byField"), s.code()),
                issued(d.getJsonObject("byHour"), String.format("%02d", h)),
                d.getJsonObject("tickets", new JsonObject()).getLong("issued", 0L)));
          }
          hours[h] = IssuingSurge.usual(past);
        }
        table.put(s.code(), hours);
      }
      return table;
    });
  }

  private static long issued(JsonObject groups, String key) {
    JsonObject group = groups == null ? null : groups.getJsonObject(key);
    return group == null ? 0 : group.getLong("issued", 0L);
  }
}
