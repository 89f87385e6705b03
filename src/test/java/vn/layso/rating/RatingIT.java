package vn.layso.rating;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.layso.testing.ApiErrors.assertError;

import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.layso.testing.Api;
import vn.layso.testing.RedisAdmin;
import vn.layso.testing.TestApp;
import vn.layso.testing.TestOffices;
import vn.layso.store.redis.Keys;

/**
 * The rating rules through the API: DONE only, inside the office's window, one rating per ticket,
 * 3 or 5 levels per office, a reason for the lowest; the counts kept per dimension; nothing of it
 * in what staff read.
 */
class RatingIT {

  private static final String DAY = "20261123";
  private static TestApp app;
  private static RatingFixture fx;
  private static String clerk;

  @BeforeAll
  static void start() throws Exception {
    var three = TestOffices.uniform("three", 2, List.of("dat-dai"), 3);
    var five = TestOffices.uniform("five", 2, List.of("ho-tich"), 3)
        .put("ratings", new JsonObject().put("levels", 5).put("windowHours", 2));
    var file = TestOffices.write(three, five);
    app = TestApp.start(env -> env.put("OFFICES_FILE", file.toString()));
    fx = new RatingFixture(app);
    app.tokenFor("lan", "STAFF", "three");
    clerk = app.login("lan", "password-of-lan");
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  private static String fiveClerk() {
    app.tokenFor("binh", "STAFF", "five");
    return app.login("binh", "password-of-binh");
  }

  @Test
  void aDoneTicketIsRatedOnceAndCountedInEveryDimension() {
    String id = fx.served("three", "dat-dai", "1", clerk);
    JsonObject before = app.api().get("/api/v1/tickets/" + id + "/rating").json();
    assertThat(before.getBoolean("open")).isTrue();
    assertThat(before.getValue("rating")).isNull();
    assertThat(before.getJsonArray("levels").stream().map(l -> ((JsonObject) l).getString("label")).toList())
        .containsExactly("Rất hài lòng", "Hài lòng", "Không hài lòng");
    assertThat(before.getJsonArray("reasons")).hasSize(5);

    Api.Response rated = fx.rate(id, new JsonObject().put("level", 3));
    assertThat(rated.status()).as(rated.body()).isEqualTo(201);
    assertThat(rated.json().getInteger("level")).isEqualTo(3);
    assertThat(rated.json().getInteger("levels")).isEqualTo(3);
    assertThat(rated.json().getString("channel")).isEqualTo("web");
    assertThat(rated.json().getString("at")).startsWith("2026-11-23T").endsWith("+07:00");
    assertThat(rated.json().fieldNames()).containsExactlyInAnyOrder("level", "levels", "channel", "at");

    assertError(fx.rate(id, new JsonObject().put("level", 1).put("reasonCode", "thai-do")), 409, "already_rated");
    JsonObject after = app.api().get("/api/v1/tickets/" + id + "/rating").json();
    assertThat(after.getBoolean("open")).isFalse();
    assertThat(after.getJsonObject("rating").getInteger("level")).isEqualTo(3);

    JsonObject stored = new JsonObject(fx.ratings("three", DAY).get(id));
    assertThat(stored.fieldNames()).containsExactlyInAnyOrder("level", "levels", "reasonCode", "reason", "channel",
        "at", "field", "counter", "staff", "hour");
    assertThat(stored.getString("staff")).isEqualTo("staff:lan");
    assertThat(stored.getString("counter")).isEqualTo("1");
    assertThat(stored.getString("field")).isEqualTo("dat-dai");
    assertThat(stored.getString("hour")).matches("\\d\\d");
    var counts = fx.counts("three", DAY);
    // the counts are the stored ratings, level by level (the tests share the day)
    for (int level = 1; level <= 3; level++) {
      int l = level;
      long kept = fx.ratings("three", DAY).values().stream()
          .filter(r -> new JsonObject(r).getInteger("level") == l).count();
      assertThat(Long.parseLong(counts.getOrDefault("all|*|" + level, "0"))).as("level " + level).isEqualTo(kept);
    }
    assertThat(Integer.parseInt(counts.get("staff|staff:lan|3"))).isPositive();
    assertThat(counts.get("counter|1|3")).isEqualTo(counts.get("field|dat-dai|3"));
    long ttl = RedisAdmin.sync(fx.redisUri(), c -> c.ttl(Keys.ratingCounts("three", DAY)));
    assertThat(ttl).isBetween(Duration.ofDays(399).toSeconds(), Duration.ofDays(400).toSeconds());
    long ratingsTtl = RedisAdmin.sync(fx.redisUri(), c -> c.ttl(Keys.ratings("three", DAY)));
    assertThat(ratingsTtl).isPositive();
  }

  @Test
  void onlyADoneTicketMayBeRated() {
    String waiting = app.issue("three", "dat-dai").getString("id");
    assertError(fx.rate(waiting, new JsonObject().put("level", 2)), 409, "not_rateable");
    assertThat(app.api().get("/api/v1/tickets/" + waiting + "/rating").json().getBoolean("open")).isFalse();
    assertThat(app.counter("three", "2", "call-next", clerk).status()).isEqualTo(200);
    assertError(fx.rate(waiting, new JsonObject().put("level", 2)), 409, "not_rateable");
    assertThat(app.counter("three", "2", "no-show", clerk).status()).isEqualTo(200);
    assertError(fx.rate(waiting, new JsonObject().put("level", 2)), 409, "not_rateable");
    assertError(fx.rate("three.2222222222zz", new JsonObject().put("level", 2)), 404, "ticket_not_found");
  }

  @Test
  void theWindowOfTheOfficeClosesTheRating() {
    String clerk5 = fiveClerk();
    String late = fx.served("five", "ho-tich", "2", clerk5);
    String inTime = fx.served("five", "ho-tich", "2", clerk5);
    app.clock().advance(Duration.ofHours(2));
    assertThat(fx.rate(inTime, new JsonObject().put("level", 4)).status()).isEqualTo(201);
    app.clock().advance(Duration.ofSeconds(1));
    assertError(fx.rate(late, new JsonObject().put("level", 4)), 409, "not_rateable");
    JsonObject state = app.api().get("/api/v1/tickets/" + late + "/rating").json();
    assertThat(state.getBoolean("open")).isFalse();
    assertThat(state.getString("closesAt")).endsWith("+07:00");
  }

  @Test
  void eachOfficeHasItsOwnScale() {
    String clerk5 = fiveClerk();
    String five = fx.served("five", "ho-tich", "1", clerk5);
    JsonObject state = app.api().get("/api/v1/tickets/" + five + "/rating").json();
    assertThat(state.getJsonArray("levels").stream().map(l -> ((JsonObject) l).getString("label")).toList())
        .containsExactly("Rất hài lòng", "Hài lòng", "Bình thường", "Không hài lòng", "Rất không hài lòng");
    assertError(fx.rate(five, new JsonObject().put("level", 6)), 400, "invalid_level");
    Api.Response rated = fx.rate(five, new JsonObject().put("level", 5));
    assertThat(rated.status()).as(rated.body()).isEqualTo(201);
    assertThat(rated.json().getInteger("levels")).isEqualTo(5);
    assertThat(app.api().get("/api/v1/offices/five").json().getJsonObject("ratings"))
        .isEqualTo(new JsonObject().put("levels", 5).put("windowHours", 2));

    String three = fx.served("three", "dat-dai", "1", clerk);
    assertError(fx.rate(three, new JsonObject().put("level", 4)), 400, "invalid_level");
    assertError(fx.rate(three, new JsonObject().put("level", 0)), 400, "invalid_level");
    assertError(fx.rate(three, new JsonObject().put("level", "3")), 400, "invalid_level");
    assertError(fx.rate(three, new JsonObject().put("level", 2.5)), 400, "invalid_level");
    assertError(fx.rate(three, new JsonObject()), 400, "invalid_level");
    assertError(app.api().post("/api/v1/tickets/" + three + "/rating", "[1]"), 400, "invalid_json");
    assertThat(fx.rate(three, new JsonObject().put("level", 2)).status()).isEqualTo(201);
  }

  @Test
  void theLowestLevelAsksForAReason() {
    String id = fx.served("three", "dat-dai", "1", clerk);
    assertError(fx.rate(id, new JsonObject().put("level", 1)), 400, "reason_required");
    assertError(fx.rate(id, new JsonObject().put("level", 1).put("reason", "   ")), 400, "reason_required");
    assertError(fx.rate(id, new JsonObject().put("level", 1).put("reasonCode", "rude")), 400, "unknown_reason");
    assertError(fx.rate(id, new JsonObject().put("level", 1).put("reason", "x".repeat(501))), 400, "field_too_long");
    Api.Response rated = fx.rate(id, new JsonObject().put("level", 1).put("reasonCode", "cho-lau")
        .put("reason", "Chờ hơn một giờ"));
    assertThat(rated.status()).as(rated.body()).isEqualTo(201);
    JsonObject stored = new JsonObject(fx.ratings("three", DAY).get(id));
    assertThat(stored.getString("reasonCode")).isEqualTo("cho-lau");
    assertThat(stored.getString("reason")).isEqualTo("Chờ hơn một giờ");
    assertThat(Integer.parseInt(fx.counts("three", DAY).get("all|*|1"))).isPositive();
  }

  @Test
  void staffNeverSeeWhoRatedThem() {
    String id = fx.served("three", "dat-dai", "2", clerk);
    assertThat(fx.rate(id, new JsonObject().put("level", 1).put("reasonCode", "thai-do")).status()).isEqualTo(201);
    String ticket = app.api().get("/api/v1/tickets/" + id, "token", clerk).body();
    assertThat(ticket).doesNotContain("rating").doesNotContain("thai-do");
    String history = app.api().get("/api/v1/offices/three/history/days/2026-11-23/tickets", "token", clerk).body();
    assertThat(history).contains(id.substring(id.indexOf('.') + 1)).doesNotContain("rating").doesNotContain("thai-do");
    String console = app.api().get("/api/v1/offices/three/counters/2", "token", clerk).body();
    assertThat(console).doesNotContain("rating").doesNotContain("thai-do");
  }
}
