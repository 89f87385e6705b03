package vn.layso.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.layso.testing.MainProcess;
import vn.layso.testing.TempFiles;

/**
 * A start that cannot succeed ends with one line on stderr that names the variable or file to fix,
 * no stack trace, and exit code 2 (configuration) or 1 (failed start): the real Main, in a child JVM.
 */
class StartupErrorsIT {

  private static Path dir;

  @BeforeAll
  static void folder() throws Exception {
    dir = Files.createTempDirectory("layso-startup");
  }

  @AfterAll
  static void cleanUp() {
    TempFiles.deleteTree(dir);
  }

  @Test
  void aPortInUseIsOneLineNamingPortAndExitCodeOne() throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      MainProcess.Result result = run(Map.of("PORT", Integer.toString(taken.getLocalPort()),
          "DATA_DIR", dir.resolve("busy").toString()));
      assertOneLine(result, 1, "PORT " + taken.getLocalPort(), "already in use");
    }
  }

  @Test
  void anUnreachableRedisIsOneLineNamingRedisUriWithoutItsPassword() throws Exception {
    MainProcess.Result result = run(Map.of("REDIS_URI", "redis://:redis-secret@127.0.0.1:1/0"));
    assertOneLine(result, 1, "REDIS_URI", "127.0.0.1:1");
    assertThat(result.stderr() + result.stdout()).doesNotContain("redis-secret");
  }

  @Test
  void aHostThatIsNeitherAnAddressNorAResolvableName() throws Exception {
    assertOneLine(run(Map.of("HOST", "no-such-host.invalid")), 2, "HOST", "no-such-host.invalid");
    assertOneLine(run(Map.of("HOST", "0.0.0.0; rm -rf /")), 2, "HOST");
  }

  @Test
  void aMissingOfficesFile() throws Exception {
    Path missing = dir.resolve("no-such-offices.json");
    assertOneLine(run(Map.of("OFFICES_FILE", missing.toString())), 2, "OFFICES_FILE", missing.toString(),
        "no such file");
  }

  @Test
  void anOfficesFileThatIsNotJson() throws Exception {
    Path file = Files.writeString(dir.resolve("broken.json"), "[{\"id\": \"phuong-1\",");
    assertOneLine(run(Map.of("OFFICES_FILE", file.toString())), 2, "OFFICES_FILE", "not valid JSON");
    Path object = Files.writeString(dir.resolve("object.json"), "{\"id\": \"phuong-1\"}");
    assertOneLine(run(Map.of("OFFICES_FILE", object.toString())), 2, "OFFICES_FILE", "JSON array");
  }

  @Test
  void anOfficeThatDoesNotValidateIsNamedWithTheReason() throws Exception {
    Path file = Files.writeString(dir.resolve("invalid.json"), """
        [{"id": "phuong-1", "name": "Phường 1", "services": [{"code": "dat-dai", "name": "Đất đai", "prefix": "A"}],
          "counters": [{"id": "1", "name": "Quầy 1", "services": [{"code": "dat-dai"}]}]},
         {"id": "phuong-2", "name": "Phường 2", "services": [{"code": "ho-tich", "name": "Hộ tịch", "prefix": "B"}],
          "counters": [{"id": "1", "name": "Quầy 1", "services": [{"code": "chung-thuc"}]}]}]
        """);
    assertOneLine(run(Map.of("OFFICES_FILE", file.toString())), 2, "OFFICES_FILE", "office 'phuong-2'",
        "unknown service chung-thuc");
  }

  @Test
  void badLogFormatLogLevelAndPublicUrl() throws Exception {
    assertOneLine(run(Map.of("LOG_FORMAT", "xml")), 2, "LOG_FORMAT", "xml");
    assertOneLine(run(Map.of("LOG_LEVEL", "loud")), 2, "LOG_LEVEL", "LOUD");
    assertOneLine(run(Map.of("PUBLIC_URL", "layso.example.gov.vn")), 2, "PUBLIC_URL");
    assertOneLine(run(Map.of("PUBLIC_URL", "ftp://layso.example.gov.vn")), 2, "PUBLIC_URL");
  }

  private static MainProcess.Result run(Map<String, String> variables) throws Exception {
    Map<String, String> env = new HashMap<>(Map.of("HOST", "127.0.0.1", "PORT", "0",
        "DATA_DIR", dir.resolve("data").toString(), "ADMIN_PASSWORD", "admin-password-for-tests"));
    env.putAll(variables);
    return MainProcess.run(env, dir.resolve("logs"));
  }

  private static void assertOneLine(MainProcess.Result result, int exitCode, String... mentions) {
    String stderr = result.stderr().strip();
    assertThat(result.exitCode()).as(stderr).isEqualTo(exitCode);
    assertThat(stderr.lines()).as("one line on stderr").hasSize(1);
    assertThat(stderr).startsWith("layso: ").contains(mentions).doesNotContain("Exception").doesNotContain("at vn.");
    assertThat(result.stdout()).as("no stack trace in the log either")
        .doesNotContain("Exception").doesNotContain("\tat ").doesNotContain("layso đang chạy");
  }
}
