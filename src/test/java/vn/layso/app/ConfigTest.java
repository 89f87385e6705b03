package vn.layso.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConfigTest {

  @Test
  void defaultsFollowTheContract() {
    Config c = Config.fromEnvironment(Map.of());
    assertThat(c.port()).isEqualTo(8080);
    assertThat(c.host()).isEqualTo("0.0.0.0");
    assertThat(c.redisUri()).as("embedded Redis").isNull();
    assertThat(c.dataDir()).isEqualTo(Path.of("./data"));
    assertThat(c.seedDemo()).isTrue();
    assertThat(c.rateLimitPerMinute()).isEqualTo(30);
    assertThat(c.tokenTtl()).isEqualTo(Duration.ofHours(12));
    assertThat(c.adminPassword()).isNull();
    assertThat(c.redisAppendFsync()).as("a power cut must never re-issue a printed number").isEqualTo("always");
    assertThat(c.liveMaxSocketsPerAddress()).as("a centre's Wi-Fi shares one address").isEqualTo(1000);
    assertThat(c.eventLoops()).as("one event loop per core").isEqualTo(Runtime.getRuntime().availableProcessors());
  }

  @Test
  void valuesAreReadAndTrimmed() {
    Config c = Config.fromEnvironment(Map.of("PORT", " 9000 ", "SEED", "none", "RATE_LIMIT_PER_MINUTE", "0",
        "REDIS_URI", "redis://10.0.0.5:6379/2", "TRUSTED_PROXIES", "10.0.0.0/8, ::1"));
    assertThat(c.port()).isEqualTo(9000);
    assertThat(c.seedDemo()).isFalse();
    assertThat(c.rateLimitPerMinute()).isZero();
    assertThat(c.redisUri()).isEqualTo("redis://10.0.0.5:6379/2");
  }

  @Test
  void badValuesStopTheStartWithTheVariableNamed() {
    assertThatThrownBy(() -> Config.fromEnvironment(Map.of("PORT", "eighty"))).hasMessageContaining("PORT");
    assertThatThrownBy(() -> Config.fromEnvironment(Map.of("PORT", "70000"))).hasMessageContaining("PORT");
    assertThatThrownBy(() -> Config.fromEnvironment(Map.of("SEED", "all"))).hasMessageContaining("SEED");
    assertThatThrownBy(() -> Config.fromEnvironment(Map.of("REDIS_URI", "localhost:6379"))).hasMessageContaining("REDIS_URI");
    assertThatThrownBy(() -> Config.fromEnvironment(Map.of("ADMIN_PASSWORD", "short"))).hasMessageContaining("ADMIN_PASSWORD");
    assertThatThrownBy(() -> Config.fromEnvironment(Map.of("TRUSTED_PROXIES", "proxy.local"))).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Config.fromEnvironment(Map.of("REDIS_APPENDFSYNC", "sometimes"))).hasMessageContaining("REDIS_APPENDFSYNC");
    assertThatThrownBy(() -> Config.fromEnvironment(Map.of("TOKEN_TTL_HOURS", "0"))).hasMessageContaining("TOKEN_TTL_HOURS");
    assertThatThrownBy(() -> Config.fromEnvironment(Map.of("LIVE_MAX_SOCKETS_PER_ADDRESS", "0")))
        .hasMessageContaining("LIVE_MAX_SOCKETS_PER_ADDRESS");
    assertThatThrownBy(() -> Config.fromEnvironment(Map.of("HOST", "0.0.0.0 8080"))).hasMessageContaining("HOST");
    assertThatThrownBy(() -> Config.fromEnvironment(Map.of("HOST", "no-such-host.invalid"))).hasMessageContaining("HOST");
    for (String url : new String[] {"layso.example.gov.vn", "ftp://layso.example.gov.vn", "https://", "http://x/?a=1"}) {
      assertThatThrownBy(() -> Config.fromEnvironment(Map.of("PUBLIC_URL", url))).as(url).hasMessageContaining("PUBLIC_URL");
    }
  }

  @Test
  void hostsAndPublicUrlsThatWork() {
    assertThat(Config.fromEnvironment(Map.of("HOST", "::")).host()).isEqualTo("::");
    assertThat(Config.fromEnvironment(Map.of("HOST", "localhost")).host()).isEqualTo("localhost");
    assertThat(Config.fromEnvironment(Map.of("HOST", " ")).host()).as("blank is the default").isEqualTo("0.0.0.0");
    assertThat(Config.fromEnvironment(Map.of("PUBLIC_URL", "https://layso.example.gov.vn/hcc/")).publicUrl())
        .isEqualTo("https://layso.example.gov.vn/hcc/");
    assertThatThrownBy(() -> Config.fromEnvironment(Map.of("EVENT_LOOPS", "0"))).hasMessageContaining("EVENT_LOOPS");
    assertThatThrownBy(() -> Config.fromEnvironment(Map.of("EVENT_LOOPS", "many"))).hasMessageContaining("EVENT_LOOPS");
  }

  @Test
  void secretsNeverReachTheTextForm() {
    Config c = Config.fromEnvironment(Map.of("ADMIN_PASSWORD", "very-secret-password",
        "REDIS_URI", "redis://:redis-secret@10.0.0.5:6379/0"));
    assertThat(c.toString()).doesNotContain("very-secret-password").doesNotContain("redis-secret");
  }
}
