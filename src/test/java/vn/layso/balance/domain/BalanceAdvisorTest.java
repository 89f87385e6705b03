package vn.layso.balance.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import vn.layso.balance.domain.Advice.Kind;

class BalanceAdvisorTest {

  private static final long MIN = 60_000;

  private static FieldLoad field(String code, String name, int waiting, long predictedMinutes) {
    return new FieldLoad(code, name, waiting, predictedMinutes * MIN, 30 * MIN);
  }

  private static CounterLoad busy(String id, String... primary) {
    return new CounterLoad(id, "Quầy " + id, true, false, Set.of(primary), Set.of());
  }

  private static CounterLoad idle(String id, String... primary) {
    return new CounterLoad(id, "Quầy " + id, true, true, Set.of(primary), Set.of());
  }

  private static CounterLoad paused(String id, String... primary) {
    return new CounterLoad(id, "Quầy " + id, false, false, Set.of(primary), Set.of());
  }

  private static CounterLoad withBackup(CounterLoad c, String... backup) {
    return new CounterLoad(c.id(), c.name(), c.open(), c.idle(), c.primary(), Set.of(backup));
  }

  private static final FieldLoad HO_TICH_OVER = field("ho-tich", "Hộ tịch", 12, 45);
  private static final FieldLoad DAT_DAI_CALM = field("dat-dai", "Đất đai", 0, 0);

  @Test
  void aFieldOverTargetTakesAnIdleCounterOfAnotherField() {
    List<Advice> out = BalanceAdvisor.advise(List.of(DAT_DAI_CALM, HO_TICH_OVER),
        List.of(idle("1", "dat-dai"), busy("2", "dat-dai"), busy("3", "ho-tich"), busy("4", "ho-tich")), List.of());
    assertThat(out).hasSize(1);
    Advice a = out.get(0);
    assertThat(a.kind()).isEqualTo(Kind.MOVE_COUNTER);
    assertThat(a.service()).isEqualTo("ho-tich");
    assertThat(a.counter()).isEqualTo("1");
    assertThat(a.vi()).isEqualTo("Chuyển Quầy 1 sang Hộ tịch");
    assertThat(a.en()).isEqualTo("Move Quầy 1 to Hộ tịch");
    assertThat(a.predictedMinutes()).isEqualTo(45);
    assertThat(a.targetMinutes()).isEqualTo(30);
    assertThat(a.waiting()).isEqualTo(12);
    assertThat(Normalizer.isNormalized(a.vi(), Normalizer.Form.NFC)).isTrue();
  }

  @Test
  void nobodyIdleMeansOpenAnotherCounter() {
    List<Advice> out = BalanceAdvisor.advise(List.of(DAT_DAI_CALM, HO_TICH_OVER),
        List.of(busy("1", "dat-dai"), busy("3", "ho-tich")), List.of());
    assertThat(out).singleElement().satisfies(a -> {
      assertThat(a.kind()).isEqualTo(Kind.OPEN_COUNTER);
      assertThat(a.counter()).isNull();
      assertThat(a.vi()).isEqualTo("Mở thêm quầy cho Hộ tịch");
      assertThat(a.en()).isEqualTo("Open another counter for Hộ tịch");
    });
  }

  @Test
  void aPausedCounterThatServesTheFieldIsNamed() {
    List<Advice> out = BalanceAdvisor.advise(List.of(DAT_DAI_CALM, HO_TICH_OVER),
        List.of(busy("1", "dat-dai"), paused("2", "dat-dai"), busy("3", "ho-tich"), paused("4", "ho-tich")),
        List.of());
    assertThat(out).singleElement().satisfies(a -> {
      assertThat(a.kind()).isEqualTo(Kind.OPEN_COUNTER);
      assertThat(a.counter()).isEqualTo("4");
      assertThat(a.vi()).isEqualTo("Mở lại Quầy 4 cho Hộ tịch");
      assertThat(a.en()).isEqualTo("Reopen Quầy 4 for Hộ tịch");
    });
  }

  @Test
  void aPausedCounterServingTheFieldAsItsOwnIsPreferredToABackupOne() {
    CounterLoad backup = withBackup(paused("2", "dat-dai"), "ho-tich");
    List<Advice> out = BalanceAdvisor.advise(List.of(DAT_DAI_CALM, HO_TICH_OVER),
        List.of(busy("1", "dat-dai"), backup, busy("3", "ho-tich"), paused("4", "ho-tich")), List.of());
    assertThat(out.get(0).counter()).isEqualTo("4");
    out = BalanceAdvisor.advise(List.of(DAT_DAI_CALM, HO_TICH_OVER),
        List.of(busy("1", "dat-dai"), backup, busy("3", "ho-tich")), List.of());
    assertThat(out.get(0).counter()).isEqualTo("2");
    assertThat(out.get(0).backup()).isTrue();
  }

  @Test
  void underTargetOrNobodyWaitingGivesNoAdvice() {
    List<CounterLoad> counters = List.of(idle("1", "dat-dai"), busy("3", "ho-tich"));
    assertThat(BalanceAdvisor.advise(List.of(DAT_DAI_CALM, field("ho-tich", "Hộ tịch", 5, 30)), counters, List.of()))
        .as("exactly on target is not past it").isEmpty();
    assertThat(BalanceAdvisor.advise(List.of(DAT_DAI_CALM, field("ho-tich", "Hộ tịch", 0, 90)), counters, List.of()))
        .as("an empty queue needs nobody").isEmpty();
  }

  @Test
  void anIdleCounterOfTheFieldItselfMeansTheCapacityIsThere() {
    List<Advice> out = BalanceAdvisor.advise(List.of(DAT_DAI_CALM, HO_TICH_OVER),
        List.of(idle("1", "dat-dai"), idle("3", "ho-tich"), busy("4", "ho-tich")), List.of());
    assertThat(out).isEmpty();
  }

  @Test
  void adviceStandsUntilThePredictionFallsUnder80PercentOfTheTarget() {
    List<CounterLoad> counters = List.of(idle("1", "dat-dai"), busy("3", "ho-tich"));
    List<Advice> first = BalanceAdvisor.advise(List.of(DAT_DAI_CALM, HO_TICH_OVER), counters, List.of());
    assertThat(first).hasSize(1);
    // 25 min is under the target but above 80 % of it (24): the advice stays
    List<Advice> second = BalanceAdvisor.advise(List.of(DAT_DAI_CALM, field("ho-tich", "Hộ tịch", 6, 25)),
        counters, first);
    assertThat(second).extracting(Advice::key).containsExactly(first.get(0).key());
    assertThat(second.get(0).predictedMinutes()).isEqualTo(25);
    // exactly 80 % still stands; under it clears
    assertThat(BalanceAdvisor.advise(List.of(DAT_DAI_CALM, field("ho-tich", "Hộ tịch", 5, 24)), counters, second))
        .hasSize(1);
    assertThat(BalanceAdvisor.advise(List.of(DAT_DAI_CALM,
        new FieldLoad("ho-tich", "Hộ tịch", 5, 24 * MIN - 1, 30 * MIN)), counters, second)).isEmpty();
    // without a previous advice, 25 minutes raises nothing
    assertThat(BalanceAdvisor.advise(List.of(DAT_DAI_CALM, field("ho-tich", "Hộ tịch", 6, 25)), counters, List.of()))
        .isEmpty();
    // and an emptied queue clears at once
    assertThat(BalanceAdvisor.advise(List.of(DAT_DAI_CALM, field("ho-tich", "Hộ tịch", 0, 25)), counters, second))
        .isEmpty();
  }

  @Test
  void theCounterAdvisedLastRoundStaysWhileItIsStillFree() {
    List<FieldLoad> fields = List.of(field("a", "A", 0, 0), field("b", "B", 0, 0), HO_TICH_OVER);
    List<CounterLoad> counters = List.of(idle("1", "a"), idle("2", "b"), busy("3", "ho-tich"));
    List<Advice> first = BalanceAdvisor.advise(fields, counters, List.of());
    assertThat(first.get(0).counter()).isEqualTo("1");
    Advice moved = new Advice(Kind.MOVE_COUNTER, "ho-tich", "Hộ tịch", "2", "Quầy 2", false, 45, 30, 12);
    assertThat(BalanceAdvisor.advise(fields, counters, List.of(moved)).get(0).counter())
        .as("last round's choice is kept rather than switched").isEqualTo("2");
  }

  @Test
  void aCounterNeededByItsOwnFieldsIsNotMoved() {
    // counter 1 idles but its field has citizens and no other open counter: it is needed there
    List<FieldLoad> fields = List.of(field("dat-dai", "Đất đai", 2, 10), HO_TICH_OVER);
    assertThat(BalanceAdvisor.advise(fields, List.of(idle("1", "dat-dai"), busy("3", "ho-tich")), List.of()))
        .singleElement().satisfies(a -> assertThat(a.kind()).isEqualTo(Kind.OPEN_COUNTER));
    // with another open counter on its field, it may go
    assertThat(BalanceAdvisor.advise(fields,
        List.of(idle("1", "dat-dai"), busy("2", "dat-dai"), busy("3", "ho-tich")), List.of()))
        .singleElement().satisfies(a -> assertThat(a.counter()).isEqualTo("1"));
    // a counter whose own field is itself over target is never taken away
    List<FieldLoad> bothOver = List.of(field("dat-dai", "Đất đai", 9, 50), HO_TICH_OVER);
    assertThat(BalanceAdvisor.advise(bothOver,
        List.of(idle("1", "dat-dai"), busy("2", "dat-dai"), busy("3", "ho-tich")), List.of()))
        .extracting(Advice::kind).containsOnly(Kind.OPEN_COUNTER).hasSize(1);
  }

  @Test
  void anIdleCounterWithTheFieldAsBackupIsPreferredAndSaysSo() {
    List<FieldLoad> fields = List.of(field("a", "A", 0, 0), field("b", "B", 0, 0), HO_TICH_OVER);
    List<CounterLoad> counters = List.of(idle("1", "a"), withBackup(idle("2", "b"), "ho-tich"), busy("3", "ho-tich"));
    Advice a = BalanceAdvisor.advise(fields, counters, List.of()).get(0);
    assertThat(a.counter()).isEqualTo("2");
    assertThat(a.backup()).isTrue();
    assertThat(a.vi()).isEqualTo("Chuyển Quầy 2 sang Hộ tịch");
  }

  @Test
  void theEmptiestCounterGoesFirstThenOfficeOrder() {
    List<FieldLoad> fields = List.of(field("a", "A", 1, 2), field("b", "B", 0, 0), HO_TICH_OVER);
    List<CounterLoad> counters = List.of(idle("1", "a"), busy("1b", "a"), idle("2", "b"), busy("3", "ho-tich"));
    assertThat(BalanceAdvisor.advise(fields, counters, List.of()).get(0).counter()).isEqualTo("2");
    List<FieldLoad> calm = List.of(field("a", "A", 0, 0), field("b", "B", 0, 0), HO_TICH_OVER);
    assertThat(BalanceAdvisor.advise(calm, counters, List.of()).get(0).counter()).isEqualTo("1");
  }

  @Test
  void oneCounterPerFieldAndNoCounterForTwoFields() {
    FieldLoad datDai = field("dat-dai", "Đất đai", 10, 60);
    FieldLoad hoTich = field("ho-tich", "Hộ tịch", 12, 40);
    List<FieldLoad> fields = List.of(field("x", "X", 0, 0), datDai, hoTich);
    List<CounterLoad> counters = List.of(idle("5", "x"), idle("6", "x"), busy("1", "dat-dai"), busy("3", "ho-tich"));
    List<Advice> out = BalanceAdvisor.advise(fields, counters, List.of());
    assertThat(out).extracting(Advice::service).containsExactly("dat-dai", "ho-tich");
    assertThat(out).extracting(Advice::counter).containsExactly("5", "6");
    // one idle counter for two fields: the more pressed field (60/30 over 40/30) gets it
    out = BalanceAdvisor.advise(fields, List.of(idle("5", "x"), busy("1", "dat-dai"), busy("3", "ho-tich")), List.of());
    assertThat(out).extracting(Advice::kind).containsExactly(Kind.MOVE_COUNTER, Kind.OPEN_COUNTER);
    assertThat(out.get(0).counter()).isEqualTo("5");
    // a paused counter serving both fields is named once
    out = BalanceAdvisor.advise(fields, List.of(busy("1", "dat-dai"), busy("3", "ho-tich"),
        paused("9", "dat-dai", "ho-tich")), List.of());
    assertThat(out).extracting(Advice::counter).containsExactly("9", null);
  }

  @Test
  void aCounterThatServesTheFieldAsItsOwnIsNeverMovedToIt() {
    List<Advice> out = BalanceAdvisor.advise(List.of(HO_TICH_OVER), List.of(busy("3", "ho-tich")), List.of());
    assertThat(out).extracting(Advice::kind).containsExactly(Kind.OPEN_COUNTER);
  }

  @Test
  void theOrderIsTheOfficeOrderAndTheOutputIsStable() {
    List<FieldLoad> fields = new ArrayList<>();
    List<CounterLoad> counters = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      fields.add(field("f" + i, "F" + i, i + 1, 31 + 7L * ((i * 5) % 6)));
      counters.add(busy("c" + i, "f" + i));
      counters.add(idle("s" + i, "spare"));
    }
    fields.add(field("spare", "Dự phòng", 0, 0));
    List<Advice> out = BalanceAdvisor.advise(fields, counters, List.of());
    assertThat(out).extracting(Advice::service).containsExactly("f0", "f1", "f2", "f3", "f4", "f5");
    assertThat(out).extracting(Advice::counter).doesNotHaveDuplicates();
    assertThat(BalanceAdvisor.advise(fields, counters, out)).isEqualTo(out);
  }

  @Test
  void minutesRoundUpAndBadInputIsRefused() {
    assertThat(BalanceAdvisor.minutesUp(30 * MIN + 1)).isEqualTo(31);
    assertThat(BalanceAdvisor.minutesUp(0)).isZero();
    assertThatThrownBy(() -> new FieldLoad("a", "A", -1, 0, MIN)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new FieldLoad("a", "A", 1, 0, 0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new CounterLoad("1", "Q", false, true, Set.of(), Set.of()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Advice(Kind.MOVE_COUNTER, "a", "A", null, null, false, 1, 1, 1))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
