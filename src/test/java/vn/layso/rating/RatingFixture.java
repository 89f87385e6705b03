package vn.layso.rating;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.util.Map;
import vn.layso.store.redis.Keys;
import vn.layso.testing.Api;
import vn.layso.testing.RedisAdmin;
import vn.layso.testing.TestApp;

/** Serving tickets through the counter API and reading the rating keys, for the rating tests. */
final class RatingFixture {

  private final TestApp app;

  RatingFixture(TestApp app) {
    this.app = app;
  }

  /**
   * Issues a ticket of the field, then calls, starts and completes it at the counter; returns its
   * id. The test clock moves a second first: a counter completes one ticket at a time.
   */
  String served(String office, String field, String counter, String staffToken) {
    app.clock().advance(java.time.Duration.ofSeconds(1));
    String id = app.issue(office, field).getString("id");
    ok(app.counter(office, counter, "call-next", staffToken));
    ok(app.counter(office, counter, "start", staffToken));
    ok(app.counter(office, counter, "complete", staffToken));
    return id;
  }

  /** A rating tablet paired to the counter (by the admin), its token. */
  String tablet(String office, String name, String counter) {
    Api.Response r = app.api().post("/api/v1/offices/" + office + "/devices",
        new JsonObject().put("name", name).put("kind", "rating").put("counter", counter).encode(),
        "token", app.adminToken());
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    return r.json().getString("token");
  }

  Api.Response rate(String ticketId, JsonObject body) {
    return app.api().post("/api/v1/tickets/" + ticketId + "/rating", body.encode());
  }

  String redisUri() {
    return app.config().redisUri() != null ? app.config().redisUri() : app.server().embeddedRedis().uri();
  }

  Map<String, String> counts(String office, String day) {
    return RedisAdmin.sync(redisUri(), c -> c.hgetall(Keys.ratingCounts(office, day)));
  }

  Map<String, String> ratings(String office, String day) {
    return RedisAdmin.sync(redisUri(), c -> c.hgetall(Keys.ratings(office, day)));
  }

  void setFullName(String username, String fullName) {
    RedisAdmin.sync(redisUri(), c -> c.hset(Keys.user(username), "fullName", fullName));
  }

  private static void ok(Api.Response r) {
    assertThat(r.status()).as(r.body()).isEqualTo(200);
  }
}
