package vn.layso.report.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import vn.layso.history.domain.DayFigures;
import vn.layso.history.domain.DaySummary;
import vn.layso.history.domain.StaffTime;
import vn.layso.history.domain.StaffTimeCalculator;
import vn.layso.history.domain.StaffTimeCalculator.LogEntry;
import vn.layso.queue.domain.Ticket;
import vn.layso.queue.domain.TicketStatus;
import vn.layso.queue.domain.TicketStep;

/**
 * A fixture day worked out by hand: office demo, 2026-11-23, field dat-dai (target 15 min) at
 * counter 1 held by staff:lan; field ho-tich (target 10 min) at counter 2 held by staff:minh.
 *
 * <pre>
 * T1 dat-dai  issued 08:00, called 08:05 (lan, c1), started 08:06, completed 08:20   wait 5  service 14  served
 * T2 dat-dai  issued 08:02, called 08:20 (lan, c1), started 08:21, completed 08:41   wait 18 service 20  served
 * T3 dat-dai  issued 08:10, called 08:41 (lan, c1), SKIP at 08:50 (the next call)    wait 31            skipped
 * T4 dat-dai  issued 08:30, called 08:50 (lan, c1), started 08:51, completed 09:00   wait 20 service 9   served
 * T5 ho-tich  issued 08:00, called 08:04 (minh, c2), NO_SHOW 08:10                   wait 4             no-show
 * T6 ho-tich  issued 08:05, still waiting at 09:30 (the report's "now")                                  open
 * </pre>
 * Waits: 4, 5, 18, 20, 31 minutes. Mean = 78 / 5 = 15.6. Within target: T1 (5 <= 15) and T5
 * (4 <= 10): 2 of 5 = 40 %. dat-dai: waits 5, 18, 20, 31: within 1 of 4 = 25 %.
 * p50 of five waits: rank 2.5 falls in the third value's one-minute bucket [18, 19): 18 + 0.5 = 18.5.
 * p90: rank 4.5 falls in the fifth, bucket [31, 32) clipped to max 31: 31.
 * Service times 14, 20, 9: mean 43 / 3 = 14.3; p50 rank 1.5 in the second value's bucket
 * [14, 15): 14 + 0.5 = 14.5.
 *
 * <p>Ratings of the day: all 3:6, 2:3, 1:1 -> 10 ratings, 60 %, 30 %, 10 %.
 *
 * <p>Staff time of lan at counter 1: OPEN 07:55, PAUSE 09:00 (nghi-giai-lao), RESUME 09:10,
 * CLOSE 09:20. Session 85 min. Paused 10 min. Serving (START to COMPLETE): 14 + 20 + 9 = 43 min.
 * Busy (call to end of stay): 08:05-09:00. Waiting in dat-dai: 08:00-08:05 (T1) and T2 from
 * 08:02, T3 from 08:10, T4 from 08:30 until their calls, so someone waits 08:00-08:50. Idle while
 * waiting = session ∩ waiting − busy − paused = 07:55-09:20 ∩ 08:00-08:50 − 08:05-09:00 =
 * 08:00-08:05 = 5 min.
 * minh at counter 2: OPEN 08:00, never closed: session to 09:30 = 90 min. Busy 08:04-08:10.
 * Waiting in ho-tich: T5 08:00-08:04, T6 08:05-09:30. Idle while waiting = 08:00-08:04 ∪
 * 08:05-09:30 − 08:04-08:10 = 4 + 80 = 84 min. Serving 0.
 */
class ReportFiguresTest {

  private static final ZoneId HANOI = ZoneId.of("Asia/Ho_Chi_Minh");
  private static final LocalDate DAY = LocalDate.of(2026, 11, 23);

  private static Instant at(int hour, int minute) {
    return DAY.atTime(hour, minute).atZone(HANOI).toInstant();
  }

  private static Ticket ticket(String field, TicketStatus status, String endReason, TicketStep... steps) {
    return new Ticket("demo.t" + steps[0].at().toEpochMilli(), "demo", "A001", field, status, null, steps[0].at(),
        DAY, null, null, null, null, 0, "public", endReason, List.of(steps));
  }

  private static TicketStep step(String action, int h, int m, String by, String counter, String field) {
    return new TicketStep(action, at(h, m), by, counter, field, null);
  }

  private static List<Ticket> tickets() {
    String lan = "staff:lan";
    String minh = "staff:minh";
    List<Ticket> out = new ArrayList<>();
    out.add(ticket("dat-dai", TicketStatus.DONE, null, step("ISSUE", 8, 0, "public", null, "dat-dai"),
        step("CALL", 8, 5, lan, "1", "dat-dai"), step("START", 8, 6, lan, "1", "dat-dai"),
        step("COMPLETE", 8, 20, lan, "1", "dat-dai")));
    out.add(ticket("dat-dai", TicketStatus.DONE, null, step("ISSUE", 8, 2, "public", null, "dat-dai"),
        step("CALL", 8, 20, lan, "1", "dat-dai"), step("START", 8, 21, lan, "1", "dat-dai"),
        step("COMPLETE", 8, 41, lan, "1", "dat-dai")));
    out.add(ticket("dat-dai", TicketStatus.NO_SHOW, "skipped", step("ISSUE", 8, 10, "public", null, "dat-dai"),
        step("CALL", 8, 41, lan, "1", "dat-dai"), step("SKIP", 8, 50, lan, "1", "dat-dai")));
    out.add(ticket("dat-dai", TicketStatus.DONE, null, step("ISSUE", 8, 30, "public", null, "dat-dai"),
        step("CALL", 8, 50, lan, "1", "dat-dai"), step("START", 8, 51, lan, "1", "dat-dai"),
        step("COMPLETE", 9, 0, lan, "1", "dat-dai")));
    out.add(ticket("ho-tich", TicketStatus.NO_SHOW, null, step("ISSUE", 8, 0, "public", null, "ho-tich"),
        step("CALL", 8, 4, minh, "2", "ho-tich"), step("NO_SHOW", 8, 10, minh, "2", "ho-tich")));
    out.add(ticket("ho-tich", TicketStatus.WAITING, null, step("ISSUE", 8, 5, "public", null, "ho-tich")));
    return out;
  }

  private static List<LogEntry> log() {
    return List.of(new LogEntry("1", "OPEN", at(7, 55), "staff:lan", null),
        new LogEntry("2", "OPEN", at(8, 0), "staff:minh", null),
        new LogEntry("1", "PAUSE", at(9, 0), "staff:lan", "nghi-giai-lao"),
        new LogEntry("1", "RESUME", at(9, 10), "staff:lan", "nghi-giai-lao"),
        new LogEntry("1", "CLOSE", at(9, 20), "staff:lan", null));
  }

  private static DayFigures day() {
    DaySummary s = new DaySummary("demo", DAY, HANOI, Map.of("dat-dai", 15 * 60L, "ho-tich", 10 * 60L));
    List<Ticket> tickets = tickets();
    tickets.forEach(s::add);
    s.staffTime(StaffTimeCalculator.compute(log(), tickets,
        Map.of("1", Set.of("dat-dai"), "2", Set.of("ho-tich")), at(9, 30)));
    return s.figures();
  }

  private static final Map<LocalDate, Map<String, Long>> RATINGS = Map.of(DAY, Map.of(
      "all|*|3", 6L, "all|*|2", 3L, "all|*|1", 1L,
      "staff|staff:lan|3", 4L, "staff|staff:lan|1", 1L, "field|dat-dai|3", 5L));

  @Test
  void theDayTotalIsWhatWasWorkedOutByHand() {
    ReportBuilder.Report r = ReportBuilder.build(ReportBy.DAY, List.of(day()), RATINGS, Map.of());
    var t = r.total().tally();
    assertThat(t.issuedCount()).isEqualTo(6);
    assertThat(t.servedCount()).isEqualTo(3);
    assertThat(t.skippedCount()).isEqualTo(1);
    assertThat(t.noShowCount()).isEqualTo(1);
    assertThat(t.waits().count()).isEqualTo(5);
    assertThat(t.waits().mean().getAsDouble() / 60).isCloseTo(15.6, within(1e-9));
    assertThat(t.waits().percentile(0.5).getAsDouble() / 60).isCloseTo(18.5, within(1e-9));
    assertThat(t.waits().percentile(0.9).getAsDouble() / 60).isCloseTo(31.0, within(1e-9));
    assertThat(t.services().mean().getAsDouble() / 60).isCloseTo(43.0 / 3, within(1e-9));
    assertThat(t.services().percentile(0.5).getAsDouble() / 60).isCloseTo(14.5, within(1e-9));
    assertThat(t.withinTargetCount()).isEqualTo(2);
    assertThat(r.total().ratings()).containsEntry(3, 6L).containsEntry(2, 3L).containsEntry(1, 1L);
  }

  @Test
  void fieldsCountTheirOwnTargets() {
    ReportBuilder.Report r = ReportBuilder.build(ReportBy.FIELD, List.of(day()), RATINGS, Map.of());
    ReportRow datDai = r.rows().stream().filter(x -> x.key().equals("dat-dai")).findFirst().orElseThrow();
    assertThat(datDai.tally().waits().count()).isEqualTo(4);
    assertThat(datDai.tally().withinTargetCount()).isEqualTo(1);
    assertThat(datDai.tally().skippedCount()).isEqualTo(1);
    assertThat(datDai.ratings()).containsEntry(3, 5L);
  }

  @Test
  void staffTimeIsWhatWasWorkedOutByHand() {
    ReportBuilder.Report r = ReportBuilder.build(ReportBy.STAFF, List.of(day()), RATINGS, Map.of());
    StaffTime lan = r.rows().stream().filter(x -> x.key().equals("staff:lan")).findFirst().orElseThrow().staffTime();
    assertThat(lan.sessionSeconds()).isEqualTo(85 * 60);
    assertThat(lan.servingSeconds()).isEqualTo(43 * 60);
    assertThat(lan.idleWhileWaitingSeconds()).isEqualTo(5 * 60);
    assertThat(lan.pausedSeconds()).isEqualTo(Map.of("nghi-giai-lao", 600L));
    StaffTime minh = r.rows().stream().filter(x -> x.key().equals("staff:minh")).findFirst().orElseThrow().staffTime();
    assertThat(minh.sessionSeconds()).isEqualTo(90 * 60);
    assertThat(minh.servingSeconds()).isZero();
    assertThat(minh.idleWhileWaitingSeconds()).isEqualTo(84 * 60);
    assertThat(r.rows().stream().filter(x -> x.key().equals("staff:lan")).findFirst().orElseThrow().ratings())
        .containsEntry(3, 4L).containsEntry(1, 1L);
  }

  @Test
  void twoDaysMergeTheirHistograms() {
    ReportBuilder.Report r = ReportBuilder.build(ReportBy.DAY, List.of(day(), day()), Map.of(), Map.of());
    assertThat(r.total().tally().waits().count()).isEqualTo(10);
    // ten waits 4, 4, 5, 5, 18, 18, 20, 20, 31, 31: rank 5; 4 values before bucket [18, 19), which
    // holds 2: (5 - 4) / 2 = halfway, 18.5, as for one day; p90 rank 9 lands in [31, 32) clipped to 31
    assertThat(r.total().tally().waits().percentile(0.5).getAsDouble() / 60).isCloseTo(18.5, within(1e-9));
    assertThat(r.total().tally().waits().percentile(0.9).getAsDouble() / 60).isCloseTo(31.0, within(1e-9));
    assertThat(r.total().tally().withinTargetCount()).isEqualTo(4);
  }
}
