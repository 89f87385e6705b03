package vn.layso.office.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SettingsDiffTest {

  private static Map<String, Object> map(Object... kv) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put((String) kv[i], kv[i + 1]);
    }
    return m;
  }

  @Test
  void sameDocumentsHaveNoChanges() {
    var doc = map("name", "A", "services", List.of(map("code", "x", "weight", 1)));
    assertThat(SettingsDiff.between(doc, map("name", "A", "services", List.of(map("code", "x", "weight", 1L)))))
        .isEmpty();
  }

  @Test
  void onlyTheChangedPathsAreListedWithTheirValues() {
    var before = map("name", "A", "display", map("ticker", "old", "voice", "auto"),
        "services", List.of(map("code", "x", "prefix", "A"), map("code", "y", "prefix", "B")));
    var after = map("name", "A", "display", map("ticker", "new", "voice", "auto"),
        "services", List.of(map("code", "x", "prefix", "A"), map("code", "y", "prefix", "K")));
    assertThat(SettingsDiff.between(before, after)).containsExactly(
        new SettingsDiff.Change("display.ticker", "old", "new"),
        new SettingsDiff.Change("services[1].prefix", "B", "K"));
  }

  @Test
  void addedAndRemovedEntriesAreNullOnTheOtherSide() {
    var before = map("counters", List.of(map("id", "1")), "gone", 3);
    var after = map("counters", List.of(map("id", "1"), map("id", "2")), "ratings", map("levels", 5));
    assertThat(SettingsDiff.between(before, after)).containsExactly(
        new SettingsDiff.Change("counters[1]", null, map("id", "2")),
        new SettingsDiff.Change("gone", 3, null),
        new SettingsDiff.Change("ratings", null, map("levels", 5)));
  }

  @Test
  void aValueThatChangesTypeIsOneChange() {
    assertThat(SettingsDiff.between(map("issuingHours", "always"), map("issuingHours", map("monday", List.of()))))
        .containsExactly(new SettingsDiff.Change("issuingHours", "always", map("monday", List.of())));
  }
}
