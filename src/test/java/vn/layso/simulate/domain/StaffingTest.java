package vn.layso.simulate.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import vn.layso.simulate.domain.Staffing.CrossAs;

class StaffingTest {

  @Test
  void countersFollowTheWorkOfEachField() {
    Scenario commune = Scenarios.commune();
    assertThat(commune.counters()).hasSize(8);
    assertThat(commune.counters()).extracting(CounterSpec::main)
        .containsExactly("ho-tich", "ho-tich", "ho-tich", "chung-thuc", "chung-thuc", "dat-dai", "dat-dai", "lao-dong");
    assertThat(Scenarios.province().counters()).hasSize(40);
    assertThat(Scenarios.province().fields()).allMatch(f -> Scenarios.province().counters().stream()
        .anyMatch(c -> c.main().equals(f.code())));
  }

  @Test
  void aChainGivesEachCounterItsFieldAndTheNext() {
    Scenario sc = Scenarios.commune();
    List<CounterSpec> chain = Staffing.CHAIN.apply(sc, CrossAs.PRIMARY);
    assertThat(chain.get(0).weights()).containsEntry("ho-tich", 2).containsEntry("chung-thuc", 1).hasSize(2);
    assertThat(chain.get(7).weights()).containsEntry("lao-dong", 2).containsEntry("ho-tich", 1).hasSize(2);
    List<CounterSpec> backup = Staffing.CHAIN.apply(sc, CrossAs.BACKUP);
    assertThat(backup.get(0).weights()).containsOnlyKeys("ho-tich");
    assertThat(backup.get(0).backup()).containsExactly("chung-thuc");
    assertThat(Staffing.FULL.apply(sc, CrossAs.PRIMARY)).allMatch(c -> c.weights().size() == 4);
    assertThat(Staffing.DEDICATED.apply(sc, CrossAs.PRIMARY)).allMatch(c -> c.weights().size() == 1
        && c.backup().isEmpty());
  }

  @Test
  void policiesParseAndNameThemselves() {
    assertThat(PolicySpec.parse("LAYSO/full:aging=2,ratio=3").label()).isEqualTo("LAYSO/full:aging=2,ratio=3");
    assertThat(PolicySpec.parse("weighted").label()).isEqualTo("WEIGHTED/chain");
    assertThat(PolicySpec.parse("DEDICATED").staffing()).isEqualTo(Staffing.DEDICATED);
    assertThat(PolicySpec.parse("FIFO_POOLED").label()).isEqualTo("FIFO_POOLED");
  }
}
