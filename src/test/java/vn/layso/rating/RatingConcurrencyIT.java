package vn.layso.rating;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.layso.notify.domain.RatingMessages;
import vn.layso.store.redis.Keys;
import vn.layso.testing.Api;
import vn.layso.testing.FakeZalo;
import vn.layso.testing.RedisAdmin;
import vn.layso.testing.TestApp;

/**
 * One ticket rated from its ticket page, the counter's tablet and the Zalo webhook at once, each
 * several times, on two servers: exactly one rating is kept per ticket, and the day's counts add up
 * to the number of tickets in every dimension.
 */
class RatingConcurrencyIT {

  private static final int TICKETS = 15;
  private static final int EACH = 4;
  private static FakeZalo zalo;
  private static TestApp app;
  private static TestApp other;

  @BeforeAll
  static void start() throws Exception {
    zalo = new FakeZalo();
    app = TestApp.start(zalo::configure);
    other = app.sibling();
  }

  @AfterAll
  static void stop() throws Exception {
    other.server().stop();
    app.close();
    zalo.close();
  }

  @Test
  void threeChannelsAtOnceKeepExactlyOneRatingPerTicket() throws Exception {
    var fx = new RatingFixture(app);
    app.tokenFor("chi", "STAFF", "demo");
    String clerk = app.login("chi", "password-of-chi");
    String tablet = fx.tablet("demo", "danh-gia-quay-3", "3");
    int[] winners = new int[3];
    for (int i = 0; i < TICKETS; i++) {
      String id = fx.served("demo", "ho-tich", "3", clerk);
      String token = RatingMessages.token();
      RedisAdmin.set(fx.redisUri(), Keys.ratingInvite(token), "demo|" + id);
      long ts = app.clock().millis();
      String feedback = FakeZalo.userFeedback("rate:" + token, 5, null, ts);
      List<CompletableFuture<Api.Response>> web = new ArrayList<>();
      List<CompletableFuture<Api.Response>> pad = new ArrayList<>();
      List<CompletableFuture<Api.Response>> hook = new ArrayList<>();
      for (int k = 0; k < EACH; k++) {
        Api api = k % 2 == 0 ? app.api() : other.api();
        web.add(api.postAsync("/api/v1/tickets/" + id + "/rating", new JsonObject().put("level", 2).encode()));
        pad.add(api.postAsync("/api/v1/offices/demo/counters/3/rating", new JsonObject().put("level", 1)
            .put("reasonCode", "cho-lau").encode(), "token", tablet));
        hook.add(api.postAsync("/api/v1/zalo/webhook", feedback, "X-ZEvent-Signature", FakeZalo.signature(feedback, ts),
            "Content-Type", "application/json"));
      }
      int kept = 0;
      for (var r : join(web)) {
        assertThat(r.status()).as(r.body()).isIn(201, 409);
        if (r.status() == 201) {
          kept++;
          winners[0]++;
        } else {
          assertThat(r.code()).isEqualTo("already_rated");
        }
      }
      for (var r : join(pad)) {
        assertThat(r.status()).as(r.body()).isIn(201, 409);
        if (r.status() == 201) {
          kept++;
          winners[1]++;
        } else {
          assertThat(r.code()).isIn("already_rated", "not_rateable");
        }
      }
      for (var r : join(hook)) {
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        if (r.json().getBoolean("recorded")) {
          kept++;
          winners[2]++;
        } else {
          assertThat(r.json().getString("code")).isEqualTo("already_rated");
        }
      }
      assertThat(kept).as("ratings kept for ticket " + i).isEqualTo(1);
    }
    var ratings = fx.ratings("demo", "20261123");
    var counts = fx.counts("demo", "20261123");
    assertThat(ratings).hasSize(TICKETS);
    for (String dim : List.of("all|*|", "field|ho-tich|", "counter|3|", "staff|staff:chi|")) {
      int sum = 0;
      for (int level = 1; level <= 3; level++) {
        sum += Integer.parseInt(counts.getOrDefault(dim + level, "0"));
      }
      assertThat(sum).as(dim).isEqualTo(TICKETS);
    }
    // every channel's rating lands as what it said: web 2, tablet 1, Zalo's 5 stars 3
    long web = ratings.values().stream().filter(r -> new JsonObject(r).getString("channel").equals("web")).count();
    assertThat(Integer.parseInt(counts.getOrDefault("all|*|2", "0"))).isEqualTo((int) web).isEqualTo(winners[0]);
    assertThat(Integer.parseInt(counts.getOrDefault("all|*|1", "0"))).isEqualTo(winners[1]);
    assertThat(Integer.parseInt(counts.getOrDefault("all|*|3", "0"))).isEqualTo(winners[2]);
  }

  private static List<Api.Response> join(List<CompletableFuture<Api.Response>> all) throws Exception {
    CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
    return all.stream().map(CompletableFuture::join).toList();
  }
}
