package vn.layso.balance;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.layso.api.ApiJson;
import vn.layso.balance.domain.Advice;

/** The advice items as the view, the store and the event carry them: byte for byte what the hand-built JSON gave. */
class BalanceShapesTest {

  private static JsonArray before(List<Advice> advice) {
    JsonArray out = new JsonArray();
    for (Advice a : advice) {
      JsonObject item = new JsonObject().put("kind", a.kind().name()).put("service", a.service());
      if (a.counter() != null) {
        item.put("counter", a.counter());
      }
      if (a.backup()) {
        item.put("backup", true);
      }
      out.add(item.put("predictedMinutes", a.predictedMinutes()).put("targetMinutes", a.targetMinutes())
          .put("waiting", a.waiting()).put("text", new JsonObject().put("vi", a.vi()).put("en", a.en())));
    }
    return out;
  }

  @Test
  void adviceItemsAreWhatTheyWere() {
    List<Advice> advice = List.of(
        new Advice(Advice.Kind.MOVE_COUNTER, "ho-tich", "Hộ tịch", "1", "Quầy 1", false, 35, 30, 7),
        new Advice(Advice.Kind.MOVE_COUNTER, "dat-dai", "Đất đai", "5", "Quầy 5", true, 41, 30, 9),
        new Advice(Advice.Kind.OPEN_COUNTER, "dat-dai", "Đất đai", null, null, false, 50, 30, 12));
    assertThat(AdviceJson.write(advice).encode()).isEqualTo(before(advice).encode());
    assertThat(ApiJson.encode(AdviceJson.items(advice))).isEqualTo(before(advice).encode());
  }

  @Test
  void theViewKeepsItsFieldOrderAndLeavesOutSinceWhenThereIsNoAdvice() {
    BalanceView view = new BalanceView("demo", List.of(), null,
        List.of(new BalanceView.FieldState("ho-tich", "Hộ tịch", 3, 12, 30, false, 2, 1)),
        List.of(new BalanceView.CounterState("1", "Quầy 1", true, false)));
    assertThat(ApiJson.encode(view)).isEqualTo(new JsonObject().put("office", "demo").put("advice", new JsonArray())
        .put("fields", new JsonArray().add(new JsonObject().put("service", "ho-tich").put("name", "Hộ tịch")
            .put("waiting", 3).put("predictedMinutes", 12).put("targetMinutes", 30L).put("overTarget", false)
            .put("countersOpen", 2L).put("countersIdle", 1L)))
        .put("counters", new JsonArray().add(new JsonObject().put("id", "1").put("name", "Quầy 1").put("open", true)
            .put("idle", false))).encode());
  }
}
