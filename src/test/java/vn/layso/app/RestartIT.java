package vn.layso.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.vertx.core.json.JsonObject;
import java.io.File;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import vn.layso.store.redis.EmbeddedRedis;
import vn.layso.testing.Api;
import vn.layso.testing.TempFiles;
import vn.layso.testing.TestApp;

/** Restarts: of the server with its embedded Redis, of Redis under a running server, and kill -9. */
class RestartIT {

  @Test
  void aRestartedServerKeepsEveryTicketAndContinuesTheNumbering() throws Exception {
    try (TestApp app = TestApp.start()) {
      JsonObject first = app.issue("demo", "dat-dai");
      JsonObject second = app.issue("demo", "dat-dai");
      app.counter("demo", "1", "call-next", app.adminToken());

      app.restart();

      JsonObject firstAfter = app.api().get("/api/v1/tickets/" + first.getString("id")).json();
      assertThat(firstAfter.getString("status")).isEqualTo("CALLED");
      assertThat(firstAfter.getString("counter")).isEqualTo("1");
      assertThat(app.api().get("/api/v1/tickets/" + second.getString("id")).json().getInteger("position")).isEqualTo(1);
      assertThat(app.issue("demo", "dat-dai").getString("number")).isEqualTo("A003");
      assertThat(app.adminToken()).as("accounts survive too").isNotBlank();
      Api.Response next = app.counter("demo", "1", "call-next", app.adminToken());
      assertThat(next.json().getJsonObject("ticket").getString("id")).isEqualTo(second.getString("id"));
    }
  }

  @Test
  void aSecondServerOnTheSameDataFolderIsRefusedAndTheFirstKeepsWorking() throws Exception {
    try (TestApp app = TestApp.start()) {
      assertThatThrownBy(() -> LaysoServer.start(app.config(), java.time.Clock.systemUTC()))
          .isInstanceOf(IllegalStateException.class).hasMessageContaining("in use by another running layso");
      assertThat(app.issue("demo", "ho-tich").getString("number")).isEqualTo("B001");
      assertThat(app.api().get("/health").status()).isEqualTo(200);
    }
  }

  @Test
  void whileRedisIsDownRequestsFailFastWith503AndRecoverWhenItIsBack() throws Exception {
    Path dir = Files.createTempDirectory("layso-redis");
    int port = freePort();
    EmbeddedRedis redis = EmbeddedRedis.start(dir, "everysec", port);
    LaysoServer server = LaysoServer.start(TestApp.config(dir, redis.uri()), java.time.Clock.systemUTC());
    try {
      Api api = new Api(server.port());
      assertThat(api.post("/api/v1/offices/demo/tickets", "{\"service\":\"ho-tich\"}").status()).isEqualTo(201);

      redis.close();
      long started = System.nanoTime();
      Api.Response down = api.post("/api/v1/offices/demo/tickets", "{\"service\":\"ho-tich\"}");
      assertThat(down.status()).isEqualTo(503);
      assertThat(down.code()).isEqualTo("store_unavailable");
      assertThat(Duration.ofNanos(System.nanoTime() - started)).as("fails fast").isLessThan(Duration.ofSeconds(5));
      Api.Response health = api.get("/health");
      assertThat(health.status()).isEqualTo(503);
      assertThat(health.json().getString("status")).isEqualTo("DOWN");

      redis = EmbeddedRedis.start(dir, "everysec", port);
      Api.Response back = awaitStatus(api, 201);
      assertThat(back.json().getString("number")).as("numbering survived the Redis restart").isEqualTo("B002");
      assertThat(api.get("/health").status()).isEqualTo(200);
    } finally {
      server.stop();
      redis.close();
      TempFiles.deleteTree(dir);
    }
  }

  private static int freePort() throws java.io.IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  private static Api.Response awaitStatus(Api api, int status) {
    return await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
        .until(() -> api.post("/api/v1/offices/demo/tickets", "{\"service\":\"ho-tich\"}"), r -> r.status() == status);
  }

  @Test
  void killMinusNineOfTheServerLosesNothingAndTheOrphanRedisIsCleanedUp() throws Exception {
    Path dir = Files.createTempDirectory("layso-kill");
    int port = freePort();
    Process first = launch(dir, port);
    String ticketId;
    try {
      Api api = new Api(port);
      awaitHealthy(api);
      for (int i = 0; i < 5; i++) {
        assertThat(api.post("/api/v1/offices/demo/tickets", "{\"service\":\"xay-dung\"}").status()).isEqualTo(201);
      }
      ticketId = api.post("/api/v1/offices/demo/tickets", "{\"service\":\"xay-dung\"}").json().getString("id");
    } finally {
      first.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }
    long orphanPid = Long.parseLong(Files.readString(dir.resolve("redis.pid")).strip());
    assertThat(ProcessHandle.of(orphanPid).map(ProcessHandle::isAlive)).as("kill -9 leaves redis-server behind").contains(true);

    Process second = launch(dir, port);
    try {
      Api api = new Api(port);
      awaitHealthy(api);
      assertThat(ProcessHandle.of(orphanPid).map(ProcessHandle::isAlive).orElse(false)).as("orphan stopped").isFalse();
      assertThat(api.get("/api/v1/tickets/" + ticketId).json().getString("number")).isEqualTo("E006");
      assertThat(api.post("/api/v1/offices/demo/tickets", "{\"service\":\"xay-dung\"}").json().getString("number"))
          .isEqualTo("E007");
    } finally {
      second.destroy();
      second.waitFor(20, TimeUnit.SECONDS);
      TempFiles.deleteTree(dir);
    }
  }

  private static Process launch(Path dir, int port) throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    ProcessBuilder pb = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), Main.class.getName());
    pb.environment().put("DATA_DIR", dir.toString());
    pb.environment().put("PORT", Integer.toString(port));
    pb.environment().put("HOST", "127.0.0.1");
    pb.environment().put("ADMIN_PASSWORD", TestApp.ADMIN_PASSWORD);
    // the anonymous limits off, as in every test server: six numbers of one field from one address
    // would pass the demo office's open-ticket cap per address (walkIn.openTicketsPerAddress, 4)
    pb.environment().put("RATE_LIMIT_PER_MINUTE", "0");
    pb.environment().remove("REDIS_URI");
    pb.redirectErrorStream(true).redirectOutput(new File(dir.toFile(), "server-" + System.nanoTime() + ".log"));
    return pb.start();
  }

  private static void awaitHealthy(Api api) {
    await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).ignoreExceptions()
        .until(() -> api.get("/health").status() == 200);
  }
}
