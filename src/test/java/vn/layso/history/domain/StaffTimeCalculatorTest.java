package vn.layso.history.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import vn.layso.history.domain.StaffTimeCalculator.LogEntry;
import vn.layso.queue.domain.Ticket;
import vn.layso.queue.domain.TicketStatus;
import vn.layso.queue.domain.TicketStep;

class StaffTimeCalculatorTest {

  private static final ZoneId HANOI = ZoneId.of("Asia/Ho_Chi_Minh");
  private static final LocalDate DAY = LocalDate.of(2026, 11, 23);

  private static Instant at(int h, int m) {
    return DAY.atTime(h, m).atZone(HANOI).toInstant();
  }

  private static Ticket served(int issuedH, int issuedM, int callH, int callM, int endH, int endM, String by, String counter) {
    return new Ticket("demo.x" + issuedH + issuedM, "demo", "A001", "f", TicketStatus.DONE, null, at(issuedH, issuedM), DAY,
        null, null, null, null, 0, "public", null, List.of(
            new TicketStep("ISSUE", at(issuedH, issuedM), "public", null, "f", null),
            new TicketStep("CALL", at(callH, callM), by, counter, "f", null),
            new TicketStep("COMPLETE", at(endH, endM), by, counter, "f", null)));
  }

  @Test
  void withoutCounterSessionsTheSessionIsFirstCallToLastEnd() {
    // 08:00 issued, called 08:10, done 08:30; 08:20 issued, called 08:40, done 09:00 (both never started)
    var times = StaffTimeCalculator.compute(List.of(),
        List.of(served(8, 0, 8, 10, 8, 30, "staff:lan", "1"), served(8, 20, 8, 40, 9, 0, "staff:lan", "1")),
        Map.of("1", Set.of("f")), at(17, 0));
    StaffTime lan = times.get("staff:lan");
    // session 08:10-09:00 = 50 min; serving (call to complete) 20 + 20 = 40 min
    assertThat(lan.sessionSeconds()).isEqualTo(50 * 60);
    assertThat(lan.servingSeconds()).isEqualTo(40 * 60);
    // idle while waiting: 08:30-08:40 the second ticket waited and nobody was called
    assertThat(lan.idleWhileWaitingSeconds()).isEqualTo(10 * 60);
  }

  @Test
  void aPauseNeverResumedRunsToTheEndOfTheSessionAndAReasonlessOneIsKeptApart() {
    List<LogEntry> log = List.of(new LogEntry("2", "OPEN", at(8, 0), "staff:minh", null),
        new LogEntry("2", "PAUSE", at(9, 0), "staff:minh", null),
        new LogEntry("2", "RESUME", at(9, 5), "staff:minh", null),
        new LogEntry("2", "PAUSE", at(10, 0), "staff:minh", "hop"));
    var times = StaffTimeCalculator.compute(log, List.of(), Map.of("2", Set.of("f")), at(10, 30));
    StaffTime minh = times.get("staff:minh");
    assertThat(minh.sessionSeconds()).isEqualTo(150 * 60);
    assertThat(minh.pausedSeconds()).isEqualTo(Map.of("", 300L, "hop", 1800L));
    assertThat(minh.idleWhileWaitingSeconds()).isZero();
  }

  @Test
  void intervalsSubtractAndIntersect() {
    Intervals a = Intervals.of(List.of(new long[] {0, 10}, new long[] {20, 30}));
    Intervals b = Intervals.of(List.of(new long[] {5, 25}));
    assertThat(a.intersect(b).length()).isEqualTo(10);
    assertThat(a.minus(b).length()).isEqualTo(10);
    assertThat(Intervals.of(List.of(new long[] {0, 10}, new long[] {5, 15})).length()).isEqualTo(15);
  }
}
