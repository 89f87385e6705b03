package vn.layso.queue;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.layso.testing.Api;
import vn.layso.testing.TestApp;

/** GET .../board: each field's longest wait against its target, judged by the server's clock. */
class BoardIT {

  private static TestApp app;
  private static String staff;

  @BeforeAll
  static void start() throws Exception {
    app = TestApp.start();
    staff = app.tokenFor("board-staff", "STAFF", "demo");
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  @Test
  void theOldestWaitOfEachFieldIsShownAgainstItsTarget() {
    app.issue("demo", "ho-tich");
    app.clock().advance(Duration.ofMinutes(5));
    app.issue("demo", "ho-tich");
    // a priority ticket comes first in the queue but arrived last: it is not the longest wait
    Api.Response priority = app.api().post("/api/v1/offices/demo/tickets",
        new JsonObject().put("service", "ho-tich").put("priority", "nguoi-cao-tuoi").encode(), "token", staff);
    assertThat(priority.status()).as(priority.body()).isEqualTo(201);
    app.clock().advance(Duration.ofMinutes(26));

    Map<String, JsonObject> fields = board();
    JsonObject hoTich = fields.get("ho-tich");
    assertThat(hoTich.getInteger("waiting")).isEqualTo(3);
    assertThat(hoTich.getInteger("targetWaitMinutes")).isEqualTo(30);
    assertThat(hoTich.getLong("oldestWaitMinutes")).isEqualTo(31);
    assertThat(hoTich.getBoolean("overTarget")).isTrue();
    assertThat(fields.get("dat-dai").getInteger("waiting")).isZero();
    assertThat(fields.get("dat-dai").containsKey("oldestWaitMinutes")).isFalse();
    assertThat(fields.get("dat-dai").getBoolean("overTarget")).isFalse();

    // two are called at counter 3 (a Hộ tịch counter): the one left arrived 26 minutes ago, within the target
    assertThat(app.counter("demo", "3", "call-next", staff).status()).isEqualTo(200);
    assertThat(app.counter("demo", "3", "start", staff).status()).isEqualTo(200);
    assertThat(app.counter("demo", "3", "call-next", staff).status()).isEqualTo(200);
    JsonObject after = board().get("ho-tich");
    assertThat(after.getInteger("waiting")).isEqualTo(1);
    assertThat(after.getBoolean("overTarget")).as(after.encode()).isFalse();
  }

  @Test
  void onlyStaffOfTheOfficeMaySeeIt() {
    assertThat(app.api().get("/api/v1/offices/demo/board").status()).isEqualTo(401);
    assertThat(app.api().get("/api/v1/offices/nowhere/board", "token", staff).status()).isEqualTo(404);
  }

  private static Map<String, JsonObject> board() {
    Api.Response r = app.api().get("/api/v1/offices/demo/board", "token", staff);
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    assertThat(r.headers().firstValue("Cache-Control")).contains("no-store");
    return r.json().getJsonArray("fields").stream().map(JsonObject.class::cast)
        .collect(Collectors.toMap(f -> f.getString("service"), f -> f));
  }
}
