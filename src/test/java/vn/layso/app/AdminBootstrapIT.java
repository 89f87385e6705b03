package vn.layso.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.json.JsonObject;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.layso.store.redis.EmbeddedRedis;
import vn.layso.store.redis.Keys;
import vn.layso.testing.Api;
import vn.layso.testing.RedisAdmin;
import vn.layso.testing.TempFiles;
import vn.layso.testing.TestApp;

/** The built-in admin is created once, on an empty store, and only by a start that got to listen. */
class AdminBootstrapIT {

  @Test
  void aStartThatFailsOnABusyPortLeavesNoAdminWhosePasswordNobodySaw() throws Exception {
    Path dir = Files.createTempDirectory("layso-busy");
    Map<String, String> env = TestApp.environment(dir, null);
    env.remove("ADMIN_PASSWORD");
    try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      env.put("PORT", Integer.toString(taken.getLocalPort()));
      assertThatThrownBy(() -> LaysoServer.start(Config.fromEnvironment(env), Clock.systemUTC()))
          .hasRootCauseInstanceOf(java.net.BindException.class);

      try (EmbeddedRedis redis = EmbeddedRedis.start(dir, "always")) {
        assertThat(RedisAdmin.exists(redis.uri(), Keys.user("admin"))).as("no admin was created").isFalse();
        assertThat(RedisAdmin.exists(redis.uri(), Keys.ADMIN_BOOTSTRAPPED)).isFalse();
      }

      env.put("PORT", "0");
      LaysoServer server = LaysoServer.start(Config.fromEnvironment(env), Clock.systemUTC());
      try {
        String shown = server.generatedAdminPassword();
        assertThat(shown).as("the start that listens creates the admin and shows its password").isNotBlank();
        assertThat(login(new Api(server.port()), "admin", shown).status()).isEqualTo(200);
      } finally {
        server.stop();
      }
    } finally {
      TempFiles.deleteTree(dir);
    }
  }

  @Test
  void aDeletedAdminIsNotRecreatedAtTheNextStart() throws Exception {
    try (TestApp app = TestApp.start()) {
      String boss = app.tokenFor("boss", "ADMIN", null);
      assertThat(app.api().method("DELETE", "/api/v1/admin/users/admin", null, "token", boss).status())
          .isEqualTo(204);

      app.restart();

      assertThat(app.server().generatedAdminPassword()).isNull();
      assertThat(login(app.api(), "admin", TestApp.ADMIN_PASSWORD).status())
          .as("ADMIN_PASSWORD does not bring a deleted admin back").isEqualTo(401);
      assertThat(login(app.api(), "boss", "password-of-boss").status()).isEqualTo(200);
    }
  }

  private static Api.Response login(Api api, String username, String password) {
    return api.post("/api/v1/auth/login",
        new JsonObject().put("username", username).put("password", password).encode());
  }
}
