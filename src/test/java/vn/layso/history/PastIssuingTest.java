package vn.layso.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.vertx.core.Future;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import vn.layso.history.domain.DaySummary;
import vn.layso.history.domain.StaffTimeCalculator;
import vn.layso.office.domain.Counter;
import vn.layso.office.domain.Office;
import vn.layso.office.domain.OpeningHours;
import vn.layso.office.domain.ServiceDef;
import vn.layso.queue.domain.Ticket;
import vn.layso.queue.domain.TicketStatus;
import vn.layso.queue.domain.TicketStep;

/** A field's usual hour read from the day summaries the history stores (SummaryJson's real shape). */
class PastIssuingTest {

  private static final ZoneId HANOI = ZoneId.of("Asia/Ho_Chi_Minh");
  private static final LocalDate MONDAY = LocalDate.of(2026, 11, 23);
  private static final Office OFFICE = new Office("p", "Phường", HANOI,
      List.of(new ServiceDef("a", "A", "A", 1, 999, 10, null, null, 30),
          new ServiceDef("b", "B", "B", 1, 999, 10, null, null, 30)),
      List.of(new Counter("1", "Quầy 1", Map.of("a", 1, "b", 1), java.util.Set.of())), List.of(), 3,
      OpeningHours.always(), OpeningHours.always());

  /** A summary of a day with {@code a} tickets of field a and {@code b} of b, all issued at 9:xx, plus {@code late} of a at 14:xx. */
  private static String summary(LocalDate day, int a, int b, int late) {
    DaySummary s = new DaySummary("p", day, HANOI);
    int n = 0;
    for (int i = 0; i < a + b + late; i++) {
      String field = i < a || i >= a + b ? "a" : "b";
      Instant at = day.atTime(i >= a + b ? 14 : 9, i % 60).atZone(HANOI).toInstant();
      s.add(new Ticket("p.t" + n++, "p", "A" + i, field, TicketStatus.EXPIRED, null, at, day, null, null, null, null, 0,
          "public", "day_closed", List.of(new TicketStep("ISSUE", at, "public", null, field, null))));
    }
    return SummaryJson.of(s).encode();
  }

  private static final class Store implements HistoryStore {
    final Map<LocalDate, String> days = new HashMap<>();
    final AtomicInteger reads = new AtomicInteger();

    @Override
    public Future<List<String>> summaries(String office, LocalDate from, LocalDate to) {
      reads.incrementAndGet();
      List<String> out = new ArrayList<>();
      for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
        if (days.containsKey(d)) {
          out.add(days.get(d));
        }
      }
      return Future.succeededFuture(out);
    }

    @Override
    public Future<Page> dayTickets(String office, LocalDate day, long offset, int limit) {
      throw new UnsupportedOperationException();
    }

    @Override
    public Future<Boolean> archived(String office, LocalDate day) {
      throw new UnsupportedOperationException();
    }

    @Override
    public Future<Boolean> claim(String office, LocalDate day, String owner, Duration ttl) {
      throw new UnsupportedOperationException();
    }

    @Override
    public Future<Void> saveSummary(String office, LocalDate day, String json) {
      throw new UnsupportedOperationException();
    }

    @Override
    public Future<Void> markArchived(String office, LocalDate day, Instant at, String archive) {
      throw new UnsupportedOperationException();
    }

    @Override
    public Future<List<StaffTimeCalculator.LogEntry>> counterLog(String office, LocalDate day) {
      throw new UnsupportedOperationException();
    }
  }

  @Test
  void theSameWeekdayOfPastWeeksGivesEachFieldsUsualHour() {
    Store store = new Store();
    // a week ago: 30 a and 10 b at 9:xx, 20 more a at 14:xx; two weeks ago: 20 a at 9:xx; three: a holiday
    store.days.put(MONDAY.minusWeeks(1), summary(MONDAY.minusWeeks(1), 30, 10, 20));
    store.days.put(MONDAY.minusWeeks(2), summary(MONDAY.minusWeeks(2), 20, 0, 0));
    store.days.put(MONDAY.minusDays(1), summary(MONDAY.minusDays(1), 500, 0, 0));
    PastIssuing past = new PastIssuing(store);

    Map<String, Double> nine = past.usualPerHour(OFFICE, MONDAY, 9).result();
    // week 1: a is 50 of 60 tickets, the 9 o'clock hour 40: 33.3; week 2: 20; mean 26.7
    assertThat(nine.get("a")).isCloseTo((50.0 * 40 / 60 + 20) / 2, within(1e-9));
    assertThat(nine.get("b")).isCloseTo((10.0 * 40 / 60 + 0) / 2, within(1e-9));
    assertThat(past.usualPerHour(OFFICE, MONDAY, 14).result().get("a")).isCloseTo((50.0 * 20 / 60) / 2, within(1e-9));
    assertThat(past.usualPerHour(OFFICE, MONDAY, 3).result().get("a")).isZero();
    assertThat(store.reads.get()).as("the past is read once a day").isEqualTo(4);
    assertThat(past.usualPerHour(OFFICE, MONDAY.plusDays(1), 9).result().get("a")).as("Tuesday: no history").isZero();
  }
}
