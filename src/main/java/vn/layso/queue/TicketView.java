package vn.layso.queue;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import vn.layso.api.ApiShape;
import vn.layso.api.ApiTime;
import vn.layso.office.domain.Office;
import vn.layso.office.domain.ServiceDef;
import vn.layso.queue.domain.CallReason;
import vn.layso.queue.domain.Estimate;
import vn.layso.queue.domain.Ticket;
import vn.layso.queue.domain.TicketStatus;
import vn.layso.queue.domain.TicketStep;

/**
 * The API's view of a ticket, the one source of its JSON and of its schema {@code Ticket}: times in
 * the office's zone with offset (milliseconds), and while it waits its place and predicted wait.
 * Built from the domain {@link Ticket} here only ({@link #of}).
 */
@ApiShape.Name("Ticket")
public record TicketView(@ApiShape.Required String id,
                         @ApiShape.Required String office,
                         @ApiShape.Required String number,
                         @ApiShape.Required String service,
                         @ApiShape.Required TicketStatus status,
                         @ApiShape.Nullable @ApiShape.MaxLength(32) String priority,
                         @ApiShape.Required @ApiShape.Format("date-time") String issuedAt,
                         @ApiShape.Required @ApiShape.Format("date") String serviceDate,
                         Boolean appointment,
                         @ApiShape.Pattern("^[0-2][0-9]:[0-5][0-9]$") String slot,
                         String counter,
                         @ApiShape.Format("date-time") String calledAt,
                         @ApiShape.Format("date-time") String startedAt,
                         @ApiShape.Format("date-time") String finishedAt,
                         @ApiShape.Min(0) int recalls,
                         @ApiShape.Values({"day_closed", "skipped"}) String endReason,
                         String transferredFrom,
                         @ApiShape.Min(1) Integer position,
                         @ApiShape.Min(0) Integer estimatedWaitMinutes,
                         WaitEstimate estimatedWait,
                         Boolean lateArrival,
                         Live live) {

  /** The predicted wait of a waiting ticket: median and 90th percentile (whole minutes rounded up), tickets ahead. */
  public record WaitEstimate(@ApiShape.Min(0) int p50Minutes, @ApiShape.Min(0) int p90Minutes, @ApiShape.Min(0) int ahead) {
  }

  /**
   * The office's live version and epoch the ticket's place was read at ({@code GET /tickets/{id}}
   * only): the ticket page keeps its place from the office's deltas after that version instead of
   * asking again.
   */
  @ApiShape.Name("TicketLiveMark")
  public record Live(@ApiShape.Min(0) long version, @ApiShape.Required String epoch) {
  }

  /** {"ticket": ...}: a counter action's answer. */
  @ApiShape.Name("TicketResult")
  public record Answer(@ApiShape.Required TicketView ticket) {
  }

  /**
   * A call-next's answer: the called ticket, why it was chosen, and the ticket the press ended
   * first, {@code completed} (its service had started) or {@code skipped} (a no-show).
   */
  @ApiShape.Name("CallNextResult")
  public record Called(@ApiShape.Required TicketView ticket, Why why, TicketView completed, TicketView skipped) {
  }

  /** Why call-next chose a ticket (also kept in its history as the CALL step's {@code why}). */
  @ApiShape.Name("CallReason")
  public record Why(@ApiShape.Required CallReason.Rule rule, long waitedMinutes, int weight, long targetMinutes,
                    int row, int candidates, @ApiShape.Required String text, @ApiShape.Required String textEn) {

    public static Why of(Office office, CallReason why) {
      String name = office.service(why.service()).map(ServiceDef::name).orElse(why.service());
      return new Why(why.rule(), why.waitedSeconds() / 60, why.weight(), why.targetSeconds() / 60, why.row(),
          why.candidates(), why.describe(name, false), why.describe(name, true));
    }
  }

  /** A ticket's full record for staff and managers (and one line of a day's archive file). */
  @ApiShape.Name("TicketRecord")
  public record Full(@ApiShape.Inline TicketView ticket, @ApiShape.Required String source,
                       @ApiShape.Required List<Step> history) {
  }

  /** One step of a ticket's life. */
  @ApiShape.Name("TicketStep")
  public record Step(@ApiShape.Required @ApiShape.Values({"ISSUE", "CALL", "RECALL", "START", "COMPLETE", "NO_SHOW",
                         "SKIP", "TRANSFER", "EXPIRE", "PRINT", "PRINT_FAILED"}) String action,
                     @ApiShape.Required @ApiShape.Format("date-time") String at,
                     @ApiShape.Required String by,
                     @ApiShape.Required String service,
                     String counter,
                     String from,
                     Why why) {
  }

  /** The ticket as anyone holding its id sees it, without place or wait (a counter action's answer). */
  public static TicketView of(Office office, Ticket t) {
    return of(office, t, null, null);
  }

  /**
   * The ticket with, while it waits ({@code position} set), its predicted wait: the median, rounded
   * up, as {@code estimatedWaitMinutes} and the estimate; without an estimate the configured
   * averages give {@code estimatedWaitMinutes} alone.
   */
  public static TicketView of(Office office, Ticket t, Integer position, Estimate wait) {
    ZoneId zone = office.timezone();
    Integer minutes = null;
    WaitEstimate estimate = null;
    if (position != null && wait != null) {
      minutes = wait.p50Minutes();
      estimate = new WaitEstimate(wait.p50Minutes(), wait.p90Minutes(), wait.ahead());
    } else if (position != null) {
      minutes = WaitForecaster.averages(office, t, position).p50Minutes();
    }
    return new TicketView(t.id(), t.office(), t.number(), t.service(), t.status(), t.priority(),
        time(t.issuedAt(), zone), t.serviceDate().toString(), t.appointment() ? Boolean.TRUE : null,
        t.appointment() ? t.slot() : null, t.counter(), time(t.calledAt(), zone), time(t.startedAt(), zone),
        time(t.finishedAt(), zone), t.recalls(), t.endReason(), t.transferredFrom(), position, minutes, estimate, null, null);
  }

  public static TicketView of(Office office, QueueStore.Placed placed) {
    return of(office, placed.ticket(), placed.position(), null);
  }

  /** A check-in that came after its appointment's window: a walk-in ticket, marked so. */
  public TicketView markedLate() {
    return new TicketView(id, office, number, service, status, priority, issuedAt, serviceDate, appointment, slot,
        counter, calledAt, startedAt, finishedAt, recalls, endReason, transferredFrom, position,
        estimatedWaitMinutes, estimatedWait, Boolean.TRUE, live);
  }

  /** The same ticket with the live version and epoch its place was read at (none: unchanged). */
  public TicketView withLive(QueueStore.LiveMark mark) {
    return mark == null ? this : new TicketView(id, office, number, service, status, priority, issuedAt, serviceDate,
        appointment, slot, counter, calledAt, startedAt, finishedAt, recalls, endReason, transferredFrom, position,
        estimatedWaitMinutes, estimatedWait, lateArrival, new Live(mark.version(), mark.epoch()));
  }

  /** The full record: the ticket with its source and every step (names staff accounts: not for the citizen). */
  public static Full record(Office office, Ticket t) {
    ZoneId zone = office.timezone();
    return new Full(of(office, t), t.source(), t.steps().stream().map(step -> new Step(step.action(),
        time(step.at(), zone), step.by(), step.service(), step.counter(), step.from(),
        step.why() == null ? null : Why.of(office, step.why()))).toList());
  }

  /** Why the ticket was last called, or null (calls before reasons were kept). */
  public static Why lastWhy(Office office, Ticket t) {
    return t.lastCall() == null ? null : Why.of(office, t.lastCall());
  }

  private static String time(Instant instant, ZoneId zone) {
    return ApiTime.format(instant, zone);
  }
}
