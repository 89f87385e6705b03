package vn.layso.balance;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import vn.layso.api.ApiJson;
import vn.layso.balance.domain.Advice;
import vn.layso.office.domain.Counter;
import vn.layso.office.domain.Office;
import vn.layso.office.domain.ServiceDef;

/**
 * The advice items as the endpoint, the store and the balance.advice event carry them:
 * {@code {"kind","service","counter"?,"backup"?,"predictedMinutes","targetMinutes","waiting",
 * "text":{"vi","en"}}}.
 */
final class AdviceJson {

  private AdviceJson() {
  }

  static List<BalanceView.AdviceItem> items(List<Advice> advice) {
    return advice.stream().map(BalanceView.AdviceItem::of).toList();
  }

  /** The items as stored and as the event carries them. */
  static JsonArray write(List<Advice> advice) {
    return new JsonArray(ApiJson.buffer(items(advice)));
  }

  /**
   * Stored items back as advice, with the office's names of today; an item whose field or counter
   * the office no longer has, or that cannot be read, is left out (the next round replaces it).
   */
  static List<Advice> read(Office office, String json) {
    List<Advice> out = new ArrayList<>();
    JsonArray items;
    try {
      items = new JsonArray(json == null || json.isBlank() ? "[]" : json);
    } catch (RuntimeException unreadable) {
      return out;
    }
    for (Object o : items) {
      if (!(o instanceof JsonObject item)) {
        continue;
      }
      try {
        Advice.Kind kind = Advice.Kind.valueOf(item.getString("kind"));
        ServiceDef service = office.service(item.getString("service")).orElse(null);
        String counterId = item.getString("counter");
        Counter counter = counterId == null ? null : office.counter(counterId).orElse(null);
        if (service == null || (counterId != null && counter == null)) {
          continue;
        }
        out.add(new Advice(kind, service.code(), service.name(), counterId, counter == null ? null : counter.name(),
            item.getBoolean("backup", false), item.getInteger("predictedMinutes", 0),
            item.getInteger("targetMinutes", 0), item.getInteger("waiting", 0)));
      } catch (RuntimeException malformed) {
        // left out
      }
    }
    return out;
  }

  /** What identifies a list of advice (empty: ""). */
  static String signature(List<Advice> advice) {
    return advice.stream().map(Advice::key).collect(Collectors.joining(","));
  }
}
