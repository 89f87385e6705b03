package vn.layso.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import vn.layso.store.redis.Keys;
import vn.layso.testing.RedisAdmin;
import vn.layso.testing.TestApp;
import vn.layso.testing.TestOffices;

/**
 * A day of the demo office for the report tests, on 2026-11-23 (the test clock starts at 09:00,
 * Hà Nội): two ho-tich tickets at counter 3 by staff lan, one served (wait 7 min, service 12 min),
 * one a no-show (wait 20 min); rating counts written the way the ratings part writes them.
 */
final class ReportFixture {

  static final String DAY = "2026-11-23";
  /** The next day at 00:05 Hà Nội. */
  static final Instant NEXT_DAY = Instant.parse("2026-11-23T17:05:00Z");

  private ReportFixture() {
  }

  /** A server with demo and a second office, "other". */
  static TestApp start() throws Exception {
    Path offices = TestOffices.write(TestOffices.uniform("other", 1, List.of("x"), 0));
    return TestApp.start(env -> env.put("OFFICES_FILE", offices.toString()));
  }

  static void day(TestApp app) {
    String lan = app.tokenFor("lan", "STAFF", "demo");
    app.issue("demo", "ho-tich");
    app.issue("demo", "ho-tich");
    app.clock().advance(Duration.ofMinutes(7));
    assertThat(app.counter("demo", "3", "call-next", lan).status()).isEqualTo(200);
    app.clock().advance(Duration.ofMinutes(1));
    app.counter("demo", "3", "start", lan);
    app.clock().advance(Duration.ofMinutes(12));
    app.counter("demo", "3", "complete", lan);
    assertThat(app.counter("demo", "3", "call-next", lan).status()).isEqualTo(200);
    app.clock().advance(Duration.ofMinutes(2));
    app.counter("demo", "3", "no-show", lan);
    redis(app, c -> c.hset(Keys.ratingCounts("demo", "20261123"), Map.of("all|*|3", "2", "all|*|1", "1",
        "field|ho-tich|3", "2", "field|ho-tich|1", "1", "staff|staff:lan|3", "2", "counter|3|3", "2",
        "hour|09|3", "2")));
  }

  static void closeDays(TestApp app) {
    app.clock().set(NEXT_DAY);
    await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() -> {
      app.server().closePastDays().toCompletionStage().toCompletableFuture().get(20, TimeUnit.SECONDS);
      return redis(app, c -> c.exists(Keys.openDays("demo"), Keys.openDays("other"))) == 0;
    });
  }

  static <T> T redis(TestApp app, java.util.function.Function<
      io.lettuce.core.api.sync.RedisCommands<String, String>, T> op) {
    String uri = app.config().redisUri() != null ? app.config().redisUri() : app.server().embeddedRedis().uri();
    return RedisAdmin.sync(uri, op);
  }
}
