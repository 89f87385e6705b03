package vn.layso.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.layso.testing.ApiErrors.assertError;

import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.layso.testing.Api;
import vn.layso.testing.TestApp;

/**
 * Every log-in attempt is counted before its password is checked, so a burst of parallel attempts
 * from one address cannot get more than the limit checked; a successful log-in gives its count back.
 */
class LoginLimitIT {

  private static final String LOGIN = "/api/v1/auth/login";
  private static final int LIMIT = 10;
  private static TestApp app;

  @BeforeAll
  static void start() throws Exception {
    app = TestApp.start(env -> env.put("LOGIN_LIMIT_PER_MINUTE", Integer.toString(LIMIT)));
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  /** Every test starts 5 s into a fresh one-minute window. */
  @BeforeEach
  void freshWindow() {
    Duration intoMinute = Duration.ofSeconds(app.clock().instant().getEpochSecond() % 60);
    app.clock().advance(Duration.ofMinutes(1).minus(intoMinute).plusSeconds(5));
  }

  private static String body(String password) {
    return new JsonObject().put("username", "admin").put("password", password).encode();
  }

  @Test
  void aBurstOfParallelWrongPasswordsGetsOnlyTheLimitChecked() throws Exception {
    List<CompletableFuture<Api.Response>> burst = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      burst.add(app.api().postAsync(LOGIN, body("wrong-password-" + i)));
    }
    CompletableFuture.allOf(burst.toArray(CompletableFuture[]::new)).get(120, TimeUnit.SECONDS);
    Map<String, Long> answers = burst.stream().map(CompletableFuture::join)
        .collect(Collectors.groupingBy(r -> r.status() + " " + r.code(), Collectors.counting()));
    assertThat(answers).as("only the attempts within the limit reached the password check")
        .containsOnly(Map.entry("401 bad_credentials", (long) LIMIT), Map.entry("429 rate_limited", 100L - LIMIT));

    Api.Response right = app.api().post(LOGIN, body(TestApp.ADMIN_PASSWORD));
    assertError(right, 429, "rate_limited");
    assertThat(right.headers().firstValue("Retry-After")).contains("55");
    app.clock().advance(Duration.ofMinutes(1));
    assertThat(app.api().post(LOGIN, body(TestApp.ADMIN_PASSWORD)).status()).isEqualTo(200);
  }

  @Test
  void successfulLogInsGiveTheirCountBack() {
    for (int i = 0; i < 3 * LIMIT; i++) {
      assertThat(app.login("admin", TestApp.ADMIN_PASSWORD)).isNotBlank();
    }
    for (int i = 1; i <= LIMIT; i++) {
      assertError(app.api().post(LOGIN, body("wrong-password")), 401, "bad_credentials");
    }
    assertError(app.api().post(LOGIN, body("wrong-password")), 429, "rate_limited");
  }

  @Test
  void aParallelMorningOfSuccessfulLogInsWithinTheLimitAllSucceed() throws Exception {
    List<CompletableFuture<Api.Response>> morning = new ArrayList<>();
    for (int round = 0; round < 3; round++) {
      List<CompletableFuture<Api.Response>> wave = new ArrayList<>();
      for (int i = 0; i < LIMIT; i++) {
        wave.add(app.api().postAsync(LOGIN, body(TestApp.ADMIN_PASSWORD)));
      }
      CompletableFuture.allOf(wave.toArray(CompletableFuture[]::new)).get(120, TimeUnit.SECONDS);
      morning.addAll(wave);
    }
    assertThat(morning.stream().map(CompletableFuture::join).map(Api.Response::status))
        .as("three waves of %d at once, each within the limit", LIMIT).containsOnly(200);
    assertError(app.api().post(LOGIN, body("wrong-password")), 401, "bad_credentials");
  }

  @Test
  void malformedAttemptsCountToo() {
    String junk = "{\"username\":\"admin\"}";
    for (int i = 1; i <= LIMIT; i++) {
      assertError(app.api().post(LOGIN, junk), 400, "field_required");
    }
    assertError(app.api().post(LOGIN, junk), 429, "rate_limited");
  }
}
