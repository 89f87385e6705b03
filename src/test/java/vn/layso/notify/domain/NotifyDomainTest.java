package vn.layso.notify.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NotifyDomainTest {

  private static final ZoneId HCM = ZoneId.of("Asia/Ho_Chi_Minh");

  @Test
  void phonesAreStoredPlus84SentAs84AndMasked() {
    assertThat(Phones.normalise("0912 345 678")).isEqualTo("+84912345678");
    assertThat(Phones.normalise("84912345678")).isEqualTo("+84912345678");
    assertThat(Phones.forZalo("+84912345678")).isEqualTo("84912345678");
    assertThat(Phones.mask("+84912345678")).isEqualTo("+8491*****78");
    assertThatThrownBy(() -> Phones.normalise("0212345678")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void zaloAnswersAreClassifiedAsDomainMdSays() {
    assertThat(ZnsOutcome.of(200, 0)).isEqualTo(ZnsOutcome.SENT);
    assertThat(ZnsOutcome.of(200, -118)).isEqualTo(ZnsOutcome.NO_ZALO);
    assertThat(ZnsOutcome.of(401, null)).isEqualTo(ZnsOutcome.TOKEN);
    assertThat(ZnsOutcome.of(200, -216)).isEqualTo(ZnsOutcome.TOKEN);
    assertThat(ZnsOutcome.of(200, -220)).isEqualTo(ZnsOutcome.TOKEN);
    assertThat(ZnsOutcome.of(200, -124)).isEqualTo(ZnsOutcome.TOKEN);
    assertThat(ZnsOutcome.of(500, null)).isEqualTo(ZnsOutcome.RETRY);
    assertThat(ZnsOutcome.of(429, null)).isEqualTo(ZnsOutcome.RETRY);
    assertThat(ZnsOutcome.of(200, null)).isEqualTo(ZnsOutcome.RETRY);
    assertThat(ZnsOutcome.of(200, -139)).isEqualTo(ZnsOutcome.PERMANENT);
    assertThat(ZnsOutcome.of(400, null)).isEqualTo(ZnsOutcome.PERMANENT);
  }

  @Test
  void backoffDoublesUpToItsCapWithAQuarterOfJitter() {
    Backoff b = new Backoff(Duration.ofSeconds(30), Duration.ofMinutes(10), 5);
    assertThat(b.after(1, 0)).isEqualTo(Duration.ofSeconds(30));
    assertThat(b.after(3, 0)).isEqualTo(Duration.ofSeconds(120));
    assertThat(b.after(3, 0.999)).isLessThan(Duration.ofSeconds(150));
    assertThat(b.after(40, 0)).isEqualTo(Duration.ofMinutes(10));
    assertThat(b.exhausted(4)).isFalse();
    assertThat(b.exhausted(5)).isTrue();
  }

  @Test
  void remindersComeTheEveningBeforeAndAnHourBeforeInTheOfficeZone() {
    ReminderPlan plan = new ReminderPlan(LocalTime.of(18, 0), Duration.ofMinutes(60));
    Instant booked = Instant.parse("2026-11-23T02:00:00Z");
    var reminders = plan.reminders(LocalDate.of(2026, 11, 25), LocalTime.of(8, 30), HCM, booked);
    assertThat(reminders).extracting(ReminderPlan.Reminder::template)
        .containsExactly(TemplateKey.REMINDER_DAY_BEFORE, TemplateKey.REMINDER_SOON);
    assertThat(reminders.get(0).at()).isEqualTo(Instant.parse("2026-11-24T11:00:00Z"));
    assertThat(reminders.get(1).at()).isEqualTo(Instant.parse("2026-11-25T00:30:00Z"));
  }

  @Test
  void remindersWhoseTimeHasPassedAreSkipped() {
    ReminderPlan plan = new ReminderPlan(LocalTime.of(18, 0), Duration.ofMinutes(60));
    // booked at 19:00 the evening before: only the hour-before reminder is left
    Instant evening = LocalDate.of(2026, 11, 24).atTime(19, 0).atZone(HCM).toInstant();
    assertThat(plan.reminders(LocalDate.of(2026, 11, 25), LocalTime.of(8, 30), HCM, evening))
        .extracting(ReminderPlan.Reminder::template).containsExactly(TemplateKey.REMINDER_SOON);
    // booked 30 minutes before the slot: none
    Instant late = LocalDate.of(2026, 11, 25).atTime(8, 0).atZone(HCM).toInstant();
    assertThat(plan.reminders(LocalDate.of(2026, 11, 25), LocalTime.of(8, 30), HCM, late)).isEmpty();
  }

  @Test
  void trackingIdsAreShortAndPlain() {
    Map<String, String> none = Map.of();
    Instant t = Instant.EPOCH;
    assertThatThrownBy(() -> new Notification("appt:K7 M2", null, "0912345678", TemplateKey.CONFIRMATION, none, t))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Notification("a".repeat(49), null, "0912345678", TemplateKey.CONFIRMATION, none, t))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(new Notification("appt:K7M2QX:confirm", "appt:K7M2QX", "0912345678", TemplateKey.CONFIRMATION, none, t)
        .phone()).isEqualTo("+84912345678");
  }
}
