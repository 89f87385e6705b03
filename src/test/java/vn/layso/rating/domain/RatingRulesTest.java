package vn.layso.rating.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class RatingRulesTest {

  private static final ZoneId HANOI = ZoneId.of("Asia/Ho_Chi_Minh");
  private static final Instant DONE_AT = Instant.parse("2026-11-23T02:00:00Z");
  private static final Duration DAY = Duration.ofHours(24);

  private static Instant at(Duration after) {
    return Clock.offset(Clock.fixed(DONE_AT, ZoneOffset.UTC), after).instant();
  }

  @Test
  void theWindowIsOpenFromDoneUntilItsEndInclusive() {
    assertThat(RatingWindow.open("DONE", DONE_AT, DAY, at(Duration.ZERO))).isTrue();
    assertThat(RatingWindow.open("DONE", DONE_AT, DAY, at(DAY))).isTrue();
    assertThat(RatingWindow.open("DONE", DONE_AT, DAY, at(DAY.plusMillis(1)))).isFalse();
    assertThat(RatingWindow.closesAt("DONE", DONE_AT, DAY)).isEqualTo(DONE_AT.plus(DAY));
  }

  @Test
  void onlyADoneTicketMayBeRated() {
    for (String status : List.of("WAITING", "CALLED", "SERVING", "NO_SHOW", "CANCELLED", "EXPIRED")) {
      assertThat(RatingWindow.open(status, DONE_AT, DAY, at(Duration.ofMinutes(1)))).as(status).isFalse();
    }
    assertThat(RatingWindow.open("DONE", null, DAY, at(Duration.ZERO))).isFalse();
    assertThat(RatingWindow.closesAt("NO_SHOW", DONE_AT, DAY)).isNull();
  }

  @Test
  void theTabletOffersATicketForFiveMinutesOnly() {
    assertThat(RatingWindow.onTablet("DONE", DONE_AT, DAY, at(Duration.ofMinutes(5)))).isTrue();
    assertThat(RatingWindow.onTablet("DONE", DONE_AT, DAY, at(Duration.ofMinutes(5).plusMillis(1)))).isFalse();
    assertThat(RatingWindow.onTablet("DONE", DONE_AT, Duration.ofMinutes(2), at(Duration.ofMinutes(3)))).isFalse();
  }

  @Test
  void scalesOfThreeAndFiveLevelsBestFirstWithVietnameseLabels() {
    assertThat(RatingScale.levels(3)).extracting(RatingScale.Level::vi)
        .containsExactly("Rất hài lòng", "Hài lòng", "Không hài lòng");
    assertThat(RatingScale.levels(3)).extracting(RatingScale.Level::value).containsExactly(3, 2, 1);
    assertThat(RatingScale.levels(5)).extracting(RatingScale.Level::vi)
        .containsExactly("Rất hài lòng", "Hài lòng", "Bình thường", "Không hài lòng", "Rất không hài lòng");
    assertThat(RatingScale.levels(5)).extracting(RatingScale.Level::value).containsExactly(5, 4, 3, 2, 1);
    assertThat(RatingScale.reasons()).extracting(RatingScale.Reason::code)
        .containsExactly("thai-do", "cho-lau", "huong-dan", "ket-qua", "khac");
    assertThat(RatingScale.reason("cho-lau")).get().extracting(RatingScale.Reason::vi).isEqualTo("Phải chờ quá lâu");
    assertThatThrownBy(() -> RatingScale.levels(4)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void theLowestLevelNeedsAReasonCodeOrANote() {
    assertThat(code(() -> RatingChoice.of(1, 3, null, null, true))).isEqualTo("reason_required");
    assertThat(code(() -> RatingChoice.of(1, 3, " ", "  ", true))).isEqualTo("reason_required");
    assertThat(RatingChoice.of(1, 3, "cho-lau", null, true)).isEqualTo(new RatingChoice(1, "cho-lau", null));
    assertThat(RatingChoice.of(1, 5, null, " Quá đông ", true)).isEqualTo(new RatingChoice(1, "khac", "Quá đông"));
    // Zalo's answers are taken as given: a lowest level without a note is kept
    assertThat(RatingChoice.of(1, 3, null, null, false)).isEqualTo(new RatingChoice(1, null, null));
  }

  @Test
  void levelsOutsideTheScaleAndUnknownReasonsAreRefused() {
    assertThat(code(() -> RatingChoice.of(0, 3, null, null, true))).isEqualTo("invalid_level");
    assertThat(code(() -> RatingChoice.of(4, 3, null, null, true))).isEqualTo("invalid_level");
    assertThat(RatingChoice.of(5, 5, null, null, true).level()).isEqualTo(5);
    assertThat(code(() -> RatingChoice.of(6, 5, null, null, true))).isEqualTo("invalid_level");
    assertThat(code(() -> RatingChoice.of(1, 3, "rude", null, true))).isEqualTo("unknown_reason");
    assertThat(code(() -> RatingChoice.of(1, 3, null, "x".repeat(501), true))).isEqualTo("reason_too_long");
    assertThat(RatingChoice.of(1, 3, null, "ễ".repeat(500), true).reason()).hasSize(500);
  }

  @Test
  void aHigherLevelKeepsNoReason() {
    assertThat(RatingChoice.of(3, 3, "cho-lau", "vui", true)).isEqualTo(new RatingChoice(3, null, null));
  }

  @Test
  void whoServedIsTheLastCompleteStepWithTheHourOfArrivalInTheOfficeZone() {
    Instant issued = Instant.parse("2026-11-23T00:45:00Z"); // 07:45 in Hà Nội
    var steps = List.of(new ServedBy.Step("ISSUE", "public", null, "dat-dai"),
        new ServedBy.Step("CALL", "staff:an", "1", "dat-dai"),
        new ServedBy.Step("TRANSFER", "staff:an", "1", "ho-tich"),
        new ServedBy.Step("CALL", "staff:lan", "3", "ho-tich"),
        new ServedBy.Step("COMPLETE", "staff:lan", "3", "ho-tich"));
    ServedBy by = ServedBy.of(steps, "3", "ho-tich", issued, HANOI);
    assertThat(by).isEqualTo(new ServedBy("staff:lan", "3", "ho-tich", "07"));
    assertThat(by.countFields(2)).containsExactly("all|*|2", "field|ho-tich|2", "counter|3|2", "staff|staff:lan|2",
        "hour|07|2");
  }

  @Test
  void withoutACompleteStepTheTicketsOwnCounterAndFieldAreUsed() {
    ServedBy by = ServedBy.of(List.of(), "2", "dat-dai", Instant.parse("2026-11-23T09:59:59Z"), HANOI);
    assertThat(by).isEqualTo(new ServedBy("-", "2", "dat-dai", "16"));
  }

  @Test
  void zaloStarsMapToTheOfficesScale() {
    assertThat(List.of(5, 4, 3, 2, 1).stream().map(s -> ZaloStars.level(s, 3))).containsExactly(3, 2, 2, 1, 1);
    assertThat(List.of(5, 4, 3, 2, 1).stream().map(s -> ZaloStars.level(s, 5))).containsExactly(5, 4, 3, 2, 1);
    assertThat(code(() -> RatingChoice.of(ZaloStars.level(0, 3), 3, null, null, false))).isEqualTo("invalid_level");
  }

  @Test
  void settingsAllowThreeOrFiveLevelsAndAWindowOfUpToThirtyDays() {
    assertThat(RatingSettings.DEFAULTS).isEqualTo(new RatingSettings(3, 24));
    assertThat(new RatingSettings(5, 720).window()).isEqualTo(Duration.ofDays(30));
    assertThatThrownBy(() -> new RatingSettings(4, 24)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new RatingSettings(3, 0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new RatingSettings(3, 721)).isInstanceOf(IllegalArgumentException.class);
  }

  private static String code(Runnable r) {
    try {
      r.run();
      return null;
    } catch (RatingRefusal refused) {
      return refused.code();
    }
  }
}
