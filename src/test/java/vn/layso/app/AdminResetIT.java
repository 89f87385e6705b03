package vn.layso.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import vn.layso.testing.Api;
import vn.layso.testing.MainProcess;
import vn.layso.testing.TempFiles;
import vn.layso.testing.TestApp;

/** {@code admin reset-password}, run as the operator runs it: the real Main in a child JVM. */
class AdminResetIT {

  private static final Pattern SHOWN = Pattern.compile("new password: (\\S+)");

  @Test
  void onAStoppedServerItGeneratesAPasswordShowsItOnceAndRevokesTheOldTokens() throws Exception {
    Path dir = Files.createTempDirectory("layso-reset");
    Config config = TestApp.config(dir, null);
    try {
      LaysoServer server = LaysoServer.start(config, Clock.systemUTC());
      String oldToken;
      try {
        oldToken = login(new Api(server.port()), "admin", TestApp.ADMIN_PASSWORD).json().getString("token");
      } finally {
        server.stop();
      }

      MainProcess.Result reset = MainProcess.run(Map.of("DATA_DIR", dir.toString()), dir.resolve("logs"),
          "admin", "reset-password");

      assertThat(reset.exitCode()).as(reset.stderr()).isZero();
      Matcher shown = SHOWN.matcher(reset.stdout());
      assertThat(shown.find()).as(reset.stdout()).isTrue();
      String password = shown.group(1);
      assertThat(reset.stdout()).contains("the admin password was reset").containsOnlyOnce(password);
      assertThat(Files.exists(dir.resolve("redis.pid"))).as("its Redis was stopped cleanly").isFalse();

      server = LaysoServer.start(config, Clock.systemUTC());
      try {
        Api api = new Api(server.port());
        assertThat(api.get("/api/v1/auth/me", "token", oldToken).status()).as("old token revoked").isEqualTo(401);
        assertThat(login(api, "admin", TestApp.ADMIN_PASSWORD).status()).isEqualTo(401);
        assertThat(login(api, "admin", password).status()).isEqualTo(200);
      } finally {
        server.stop();
      }
    } finally {
      TempFiles.deleteTree(dir);
    }
  }

  @Test
  void onARunningServerItWorksThroughThatServersRedisAndBringsBackADeletedAdmin() throws Exception {
    try (TestApp app = TestApp.start()) {
      String before = app.adminToken();
      Map<String, String> env = store(app);
      env.put("ADMIN_PASSWORD", "a-new-admin-password");

      MainProcess.Result reset = MainProcess.run(env, app.config().dataDir().resolve("logs"), "admin", "reset-password");

      assertThat(reset.exitCode()).as(reset.stderr()).isZero();
      assertThat(reset.stdout()).contains("the admin password was reset").doesNotContain("a-new-admin-password");
      if (app.config().redisUri() == null) {
        assertThat(reset.stdout()).contains("Redis of the server running on DATA_DIR");
      }
      assertThat(app.api().get("/api/v1/auth/me", "token", before).status()).as("old token revoked").isEqualTo(401);
      Api.Response after = login(app.api(), "admin", "a-new-admin-password");
      assertThat(after.status()).isEqualTo(200);

      assertThat(app.api().post("/api/v1/admin/users", new JsonObject().put("username", "boss")
          .put("password", "password-of-boss").put("role", "ADMIN").encode(), "token", after.json().getString("token"))
          .status()).isEqualTo(201);
      String boss = login(app.api(), "boss", "password-of-boss").json().getString("token");
      assertThat(app.api().method("DELETE", "/api/v1/admin/users/admin", null, "token", boss).status())
          .isEqualTo(204);
      String uri = app.config().redisUri() != null ? app.config().redisUri() : app.server().embeddedRedis().uri();
      MainProcess.Result recovered = MainProcess.run(Map.of("REDIS_URI", uri, "ADMIN_PASSWORD", "the-recovered-password"),
          app.config().dataDir().resolve("logs"), "admin", "reset-password");

      assertThat(recovered.exitCode()).as(recovered.stderr()).isZero();
      assertThat(recovered.stdout()).contains("the admin account was re-created", "REDIS_URI");
      JsonObject login = login(app.api(), "admin", "the-recovered-password").json();
      assertThat(login.getString("role")).isEqualTo("ADMIN");
    }
  }

  @Test
  void aWrongDataDirOrAShortPasswordIsOneLineAndChangesNothing() throws Exception {
    Path dir = Files.createTempDirectory("layso-reset-bad");
    try {
      Path missing = dir.resolve("not-the-data-folder");
      MainProcess.Result wrongDir = MainProcess.run(Map.of("DATA_DIR", missing.toString()), dir,
          "admin", "reset-password");
      assertThat(wrongDir.exitCode()).isEqualTo(2);
      assertThat(wrongDir.stderr().strip().lines()).hasSize(1);
      assertThat(wrongDir.stderr()).contains("DATA_DIR", "does not exist").doesNotContain("Exception");
      assertThat(Files.exists(missing)).as("no empty store was made by mistake").isFalse();

      MainProcess.Result shortPassword = MainProcess.run(Map.of("DATA_DIR", dir.toString(), "ADMIN_PASSWORD", "short"),
          dir, "admin", "reset-password");
      assertThat(shortPassword.exitCode()).isEqualTo(2);
      assertThat(shortPassword.stderr()).contains("ADMIN_PASSWORD").doesNotContain("Exception");

      MainProcess.Result unknown = MainProcess.run(Map.of("DATA_DIR", dir.toString()), dir, "admin", "drop-everything");
      assertThat(unknown.exitCode()).isEqualTo(2);
      assertThat(unknown.stderr()).contains("usage", "admin reset-password");
    } finally {
      TempFiles.deleteTree(dir);
    }
  }

  /** The variables that point the command at the app's store: its REDIS_URI, or its DATA_DIR. */
  private static Map<String, String> store(TestApp app) {
    Map<String, String> env = new HashMap<>();
    if (app.config().redisUri() != null) {
      env.put("REDIS_URI", app.config().redisUri());
    } else {
      env.put("DATA_DIR", app.config().dataDir().toString());
    }
    return env;
  }

  private static Api.Response login(Api api, String username, String password) {
    return api.post("/api/v1/auth/login",
        new JsonObject().put("username", username).put("password", password).encode());
  }
}
