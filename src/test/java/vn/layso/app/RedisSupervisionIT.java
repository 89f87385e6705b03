package vn.layso.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import vn.layso.store.redis.EmbeddedRedis;
import vn.layso.testing.MainProcess;
import vn.layso.testing.TempFiles;
import vn.layso.testing.TestApp;

/** The embedded redis-server is supervised: killed, it comes back on the same data; dying too often stops layso. */
class RedisSupervisionIT {

  @Test
  void aKilledRedisIsRestartedOnTheSameDataAndNoTicketIsLost() throws Exception {
    try (TestApp app = TestApp.start(env -> env.remove("REDIS_URI"))) {
      Path dir = app.config().dataDir();
      String admin = app.adminToken();
      JsonObject first = app.issue("demo", "dat-dai");
      app.counter("demo", "1", "call-next", admin);
      JsonObject second = app.issue("demo", "dat-dai");

      long killed = awaitRedis(dir, -1);
      ProcessHandle.of(killed).orElseThrow().destroyForcibly();
      awaitRedis(dir, killed);
      await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100)).ignoreExceptions()
          .until(() -> app.api().get("/health").status() == 200);

      JsonObject firstAfter = app.api().get("/api/v1/tickets/" + first.getString("id")).json();
      assertThat(firstAfter.getString("status")).isEqualTo("CALLED");
      assertThat(app.api().get("/api/v1/tickets/" + second.getString("id")).json().getInteger("position")).isEqualTo(1);
      assertThat(app.issue("demo", "dat-dai").getString("number")).as("numbering continues").isEqualTo("A003");
      assertThat(app.counter("demo", "1", "call-next", admin).json().getJsonObject("ticket").getString("id"))
          .as("tokens survive too").isEqualTo(second.getString("id"));
    }
  }

  @Test
  void afterRepeatedDeathsLaysoExitsNonZeroWithOneClearLine() throws Exception {
    Path dir = Files.createTempDirectory("layso-supervise");
    MainProcess server = MainProcess.start(Map.of("DATA_DIR", dir.toString(), "PORT", "0", "HOST", "127.0.0.1",
        "ADMIN_PASSWORD", TestApp.ADMIN_PASSWORD), dir.resolve("logs"));
    try {
      await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(200))
          .until(() -> server.output().contains("is running") || !server.isAlive());
      long pid = awaitRedis(dir, -1);
      for (int restart = 1; restart <= EmbeddedRedis.MAX_RESTARTS; restart++) {
        ProcessHandle.of(pid).orElseThrow().destroyForcibly();
        pid = awaitRedis(dir, pid);
      }
      ProcessHandle.of(pid).orElseThrow().destroyForcibly();

      MainProcess.Result result = server.awaitExit(Duration.ofMinutes(1));
      assertThat(result.exitCode()).isEqualTo(1);
      String stderr = result.stderr().strip();
      assertThat(stderr.lines()).hasSize(1);
      assertThat(stderr).contains("embedded Redis", "DATA_DIR " + dir.toAbsolutePath())
          .doesNotContain("Exception").doesNotContain("at vn.");
      assertThat(result.stdout().lines().filter(l -> l.contains("WARN") && l.contains("embedded redis restarted")))
          .hasSize(EmbeddedRedis.MAX_RESTARTS);
      assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)).isFalse();
    } finally {
      if (server.isAlive()) {
        server.stop();
      }
      TempFiles.deleteTree(dir);
    }
  }

  /** Waits until DATA_DIR/redis.pid names a live redis-server other than {@code previous}. */
  private static long awaitRedis(Path dir, long previous) {
    return await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50))
        .until(() -> livePid(dir).filter(pid -> pid != previous), Optional::isPresent).orElseThrow();
  }

  private static Optional<Long> livePid(Path dir) {
    try {
      long pid = Long.parseLong(Files.readString(dir.resolve("redis.pid")).strip());
      return ProcessHandle.of(pid).filter(ProcessHandle::isAlive).map(ProcessHandle::pid);
    } catch (java.io.IOException | NumberFormatException notYet) {
      return Optional.empty();
    }
  }
}
