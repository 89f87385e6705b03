package vn.layso.history.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.layso.queue.domain.Ticket;
import vn.layso.queue.domain.TicketStatus;
import vn.layso.queue.domain.TicketStep;

class DaySummaryTest {

  private static final ZoneId HANOI = ZoneId.of("Asia/Ho_Chi_Minh");
  private static final LocalDate DAY = LocalDate.of(2026, 11, 23);

  /** 2026-11-23 at hh:mm, Hà Nội time. */
  private static Instant at(int hour, int minute) {
    return DAY.atTime(hour, minute).atZone(HANOI).toInstant();
  }

  /** Builds a ticket from its steps, the way the Lua scripts record them. */
  private static final class Steps {
    private final List<TicketStep> steps = new ArrayList<>();
    private String field;

    Steps(String field, Instant issued, String by) {
      this.field = field;
      steps.add(new TicketStep("ISSUE", issued, by, null, field, null));
    }

    Steps step(String action, Instant at, String by, String counter) {
      steps.add(new TicketStep(action, at, by, counter, field, null));
      return this;
    }

    Steps transfer(Instant at, String by, String counter, String to) {
      steps.add(new TicketStep("TRANSFER", at, by, counter, to, field));
      field = to;
      return this;
    }

    /** A ticket ended with a reason (a skip's "skipped"), without priority. */
    Ticket ended(TicketStatus status, String endReason) {
      return new Ticket("demo.000000000001", "demo", "A001", field, status, null, steps.get(0).at(), DAY,
          null, null, null, null, 0, steps.get(0).by(), endReason, steps);
    }

    Ticket ticket(TicketStatus status, String priority) {
      return new Ticket("demo.000000000001", "demo", "A001", field, status, priority, steps.get(0).at(), DAY,
          null, null, null, null, 0, steps.get(0).by(), null, steps);
    }
  }

  @Test
  void printStepsChangeNoMeasuredTime() {
    Ticket t = new Steps("dat-dai", at(8, 0), "device:kiosk-1")
        .step("PRINT_FAILED", at(8, 0), "device:kiosk-1", null)
        .step("PRINT", at(8, 3), "staff:lan", null)
        .step("CALL", at(8, 12), "staff:lan", "1")
        .step("COMPLETE", at(8, 35), "staff:lan", "1")
        .ticket(TicketStatus.DONE, null);
    List<Leg> legs = Leg.of(t);
    assertThat(legs).hasSize(1);
    assertThat(legs.get(0).waited()).contains(java.time.Duration.ofMinutes(12));
    assertThat(legs.get(0).served()).contains(java.time.Duration.ofMinutes(23));
  }

  @Test
  void aTicketSkippedByTheNextCallIsSkippedNeverServedNorANoShowNorExpired() {
    Ticket t = new Steps("ho-tich", at(8, 0), "public")
        .step("CALL", at(8, 10), "staff:lan", "3")
        .step("SKIP", at(8, 14), "staff:lan", "3")
        .ended(TicketStatus.NO_SHOW, "skipped");
    List<Leg> legs = Leg.of(t);
    assertThat(legs).hasSize(1);
    assertThat(legs.get(0).end().action()).isEqualTo("SKIP");
    assertThat(legs.get(0).served()).isEmpty();
    DaySummary s = new DaySummary("demo", DAY, HANOI);
    s.add(t);
    assertThat(s.served()).isZero();
    assertThat(s.skipped()).isEqualTo(1);
    assertThat(s.noShow()).isZero();
    for (Tally tally : List.of(s.byField().get("ho-tich"), s.byCounter().get("3"), s.byStaff().get("staff:lan"))) {
      assertThat(tally.skippedCount()).isEqualTo(1);
      assertThat(tally.noShowCount()).isZero();
      assertThat(tally.servedCount()).isZero();
      assertThat(tally.expiredCount()).isZero();
      assertThat(tally.services().count()).isZero();
    }
  }

  @Test
  void aServedTicketHasOneStayWithItsWaitAndServiceTime() {
    Ticket t = new Steps("dat-dai", at(8, 0), "public")
        .step("CALL", at(8, 12), "staff:lan", "1")
        .step("RECALL", at(8, 14), "staff:lan", "1")
        .step("START", at(8, 15), "staff:lan", "1")
        .step("COMPLETE", at(8, 35), "staff:lan", "1")
        .ticket(TicketStatus.DONE, null);
    List<Leg> legs = Leg.of(t);
    assertThat(legs).hasSize(1);
    assertThat(legs.get(0).field()).isEqualTo("dat-dai");
    assertThat(legs.get(0).waited()).hasValueSatisfying(d -> assertThat(d.toMinutes()).isEqualTo(12));
    assertThat(legs.get(0).served()).hasValueSatisfying(d -> assertThat(d.toMinutes()).isEqualTo(20));
  }

  @Test
  void serviceTimeRunsFromTheCallWhenTheTicketWasNeverStarted() {
    Ticket t = new Steps("ho-tich", at(9, 0), "public")
        .step("CALL", at(9, 5), "staff:minh", "3")
        .step("COMPLETE", at(9, 13), "staff:minh", "3")
        .ticket(TicketStatus.DONE, null);
    assertThat(Leg.of(t).get(0).served()).hasValueSatisfying(d -> assertThat(d.toMinutes()).isEqualTo(8));
  }

  @Test
  void aTransferStartsANewStayWhoseWaitRunsFromTheTransfer() {
    Ticket t = new Steps("ho-tich", at(9, 0), "public")
        .step("CALL", at(9, 10), "staff:minh", "3")
        .transfer(at(9, 12), "staff:minh", "3", "chung-thuc")
        .step("CALL", at(9, 40), "staff:hoa", "5")
        .step("START", at(9, 41), "staff:hoa", "5")
        .step("COMPLETE", at(9, 47), "staff:hoa", "5")
        .ticket(TicketStatus.DONE, null);
    List<Leg> legs = Leg.of(t);
    assertThat(legs).extracting(Leg::field).containsExactly("ho-tich", "chung-thuc");
    assertThat(legs.get(0).waited().orElseThrow().toMinutes()).isEqualTo(10);
    assertThat(legs.get(0).served()).isEmpty();
    assertThat(legs.get(0).end().action()).isEqualTo("TRANSFER");
    assertThat(legs.get(1).arrivedAt()).isEqualTo(at(9, 12));
    assertThat(legs.get(1).waited().orElseThrow().toMinutes()).isEqualTo(28);
    assertThat(legs.get(1).served().orElseThrow().toMinutes()).isEqualTo(6);
  }

  @Test
  void aTicketWithoutStepsHasNoStays() {
    Ticket bare = new Ticket("demo.000000000002", "demo", "B001", "ho-tich", TicketStatus.WAITING, null, at(8, 0),
        DAY, null, null, null, null, 0, "public", null, List.of());
    assertThat(Leg.of(bare)).isEmpty();
    DaySummary s = new DaySummary("demo", DAY, HANOI);
    s.add(bare);
    assertThat(s.issued()).isEqualTo(1);
    assertThat(s.byField().get("ho-tich").issuedCount()).isEqualTo(1);
  }

  @Test
  void theDayCountsOutcomesAndGroupsWaitsByFieldCounterStaffAndHourOfArrival() {
    DaySummary s = new DaySummary("demo", DAY, HANOI);
    s.add(new Steps("dat-dai", at(8, 0), "public")
        .step("CALL", at(8, 10), "staff:lan", "1")
        .step("START", at(8, 11), "staff:lan", "1")
        .step("COMPLETE", at(8, 31), "staff:lan", "1")
        .ticket(TicketStatus.DONE, "nguoi-cao-tuoi"));
    s.add(new Steps("dat-dai", at(8, 30), "device:kiosk-1")
        .step("CALL", at(9, 0), "staff:lan", "1")
        .step("NO_SHOW", at(9, 3), "staff:lan", "1")
        .ticket(TicketStatus.NO_SHOW, null));
    s.add(new Steps("ho-tich", at(9, 15), "staff:minh")
        .step("CALL", at(9, 20), "staff:minh", "3")
        .transfer(at(9, 22), "staff:minh", "3", "dat-dai")
        .step("CALL", at(9, 52), "admin:admin", "2")
        .step("COMPLETE", at(10, 2), "admin:admin", "2")
        .ticket(TicketStatus.DONE, null));
    s.add(new Steps("ho-tich", at(16, 45), "public")
        .step("EXPIRE", at(0, 0).plusSeconds(86_400), "system", null)
        .ticket(TicketStatus.EXPIRED, null));

    assertThat(s.issued()).isEqualTo(4);
    assertThat(s.served()).isEqualTo(2);
    assertThat(s.noShow()).isEqualTo(1);
    assertThat(s.expired()).isEqualTo(1);
    assertThat(s.cancelled()).isZero();
    assertThat(s.transferred()).isEqualTo(1);
    assertThat(s.priority()).isEqualTo(1);

    // waits: 10, 30 and (ho-tich) 5 then (dat-dai, after the transfer) 30 minutes; the expired one never waited to a call
    assertThat(s.all().waits().count()).isEqualTo(4);
    assertThat(s.all().waits().sum()).isEqualTo((10 + 30 + 5 + 30) * 60);
    assertThat(s.all().services().count()).isEqualTo(2);
    assertThat(s.all().services().sum()).isEqualTo((20 + 10) * 60);

    Tally land = s.byField().get("dat-dai");
    assertThat(land.issuedCount()).isEqualTo(2);
    assertThat(land.servedCount()).isEqualTo(2);
    assertThat(land.noShowCount()).isEqualTo(1);
    assertThat(land.waits().count()).isEqualTo(3);
    Tally civil = s.byField().get("ho-tich");
    assertThat(civil.issuedCount()).isEqualTo(2);
    assertThat(civil.transferredCount()).isEqualTo(1);
    assertThat(civil.expiredCount()).isEqualTo(1);
    assertThat(civil.waits().count()).isEqualTo(1);

    assertThat(s.byCounter()).containsOnlyKeys("1", "2", "3");
    assertThat(s.byCounter().get("1").servedCount()).isEqualTo(1);
    assertThat(s.byCounter().get("1").waits().count()).isEqualTo(2);
    assertThat(s.byCounter().get("2").services().sum()).isEqualTo(10 * 60);

    assertThat(s.byStaff()).containsOnlyKeys("staff:lan", "staff:minh", "admin:admin");
    assertThat(s.byStaff().get("staff:lan").waits().count()).isEqualTo(2);
    assertThat(s.byStaff().get("staff:lan").noShowCount()).isEqualTo(1);
    assertThat(s.byStaff().get("staff:minh").issuedCount()).isEqualTo(1);
    assertThat(s.byStaff().get("staff:minh").transferredCount()).isEqualTo(1);
    assertThat(s.byStaff().get("admin:admin").servedCount()).isEqualTo(1);

    assertThat(s.byHour()).containsOnlyKeys("08", "09", "16");
    assertThat(s.byHour().get("08").issuedCount()).isEqualTo(2);
    assertThat(s.byHour().get("09").waits().count()).isEqualTo(2);
    assertThat(s.byHour().get("16").expiredCount()).isEqualTo(1);
  }
}
