package vn.layso.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** scripts/bench's environment: the bash script's defaults, and a bad value refused before anything starts. */
class BenchSettingsTest {

  private static final Path ROOT = Path.of("/repo");

  @Test
  void defaultsAreTheIssuesStages() {
    BenchSettings s = BenchSettings.from(Map.of(), 2, ROOT);

    assertThat(List.of(s.rounds(), s.duration(), s.warmup(), s.connections(), s.threads(), s.eventLoops()))
        .containsExactly(3, 7, 3, 64, 2, 2);
    assertThat(s.fanoutStages()).isEqualTo("5000,10000");
    assertThat(List.of(s.fanoutPhones(), s.fanoutPhoneSeconds())).containsExactly(2000, 60);
    assertThat(s.baseline()).isNull();
    assertThat(s.booking()).isTrue();
    assertThat(s.reports()).isTrue();
    assertThat(s.profileDir()).isEqualTo(ROOT.resolve("target/bench-profiles"));
  }

  @Test
  void theEnvironmentSetsEachPart() {
    BenchSettings s = BenchSettings.from(Map.of("BENCH_ROUNDS", "1", "BENCH_BASELINE", "23e9099",
        "BENCH_FANOUT_STAGES", "", "BENCH_BOOKING", "0", "BENCH_REPORTS", "0", "BENCH_PROFILE", "issue,call-next-64",
        "BENCH_EVENT_LOOPS", "1", "BENCH_FANOUT_PHONES", "0"), 2, ROOT);

    assertThat(s.rounds()).isEqualTo(1);
    assertThat(s.baseline()).isEqualTo("23e9099");
    assertThat(s.fanoutStages()).isEmpty();
    assertThat(s.fanoutPhones()).isZero();
    assertThat(s.booking()).isFalse();
    assertThat(s.reports()).isFalse();
    assertThat(s.profile()).containsExactly("issue", "call-next-64");
    assertThat(s.eventLoops()).isEqualTo(1);
    assertThat(s.connections("call-next-20")).isEqualTo(20);
    assertThat(s.runs("issue-always", BenchSettings.ServerRole.BASELINE)).isFalse();
    assertThat(s.runs("call-next-20", BenchSettings.ServerRole.BASELINE)).isTrue();
    assertThat(s.runs("call-next-20", BenchSettings.ServerRole.ONE_LOOP)).isFalse();
  }

  @Test
  void aBadValueStopsTheBenchWithItsName() {
    assertThatThrownBy(() -> BenchSettings.from(Map.of("BENCH_DURATION", "0"), 2, ROOT))
        .hasMessage("BENCH_DURATION must be a whole number of at least 1, not 0");
    assertThatThrownBy(() -> BenchSettings.from(Map.of("BENCH_ROUNDS", "three"), 2, ROOT))
        .hasMessageStartingWith("BENCH_ROUNDS must be a whole number");
    assertThatThrownBy(() -> BenchSettings.from(Map.of("BENCH_PROFILE", "issue,calls"), 2, ROOT))
        .hasMessageContaining("unknown phase calls");
    assertThatThrownBy(() -> BenchSettings.from(Map.of("BENCH_FANOUT_STAGES", "1000;5000"), 2, ROOT))
        .hasMessageStartingWith("BENCH_FANOUT_STAGES");
  }
}
