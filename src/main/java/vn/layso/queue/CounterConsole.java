package vn.layso.queue;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import vn.layso.api.ApiShape;
import vn.layso.office.domain.Counter;
import vn.layso.office.domain.Office;
import vn.layso.queue.QueueStore.CounterView;
import vn.layso.queue.QueueStore.Paused;
import vn.layso.queue.QueueStore.Session;
import vn.layso.queue.domain.PauseReason;

/**
 * The staff view of a counter, what its console shows: its fields with their queues (backup fields
 * marked), its pause, its current ticket with why it was called, its session and what it served
 * today. It names priority groups and staff: staff only.
 */
public record CounterConsole(@ApiShape.Required String id,
                             @ApiShape.Required String name,
                             @ApiShape.Required List<Field> services,
                             boolean paused,
                             Pause pause,
                             @ApiShape.Nullable Current current,
                             boolean open,
                             SessionView session,
                             @ApiShape.Min(0) int servedToday) {

  private static final DateTimeFormatter TIME = DateTimeFormatter.ISO_OFFSET_DATE_TIME;

  /** A field the counter serves, with its queue; {@code backup} when served only past its target. */
  @ApiShape.Name("CounterField")
  public record Field(@ApiShape.Required String code, @ApiShape.Required String name, @ApiShape.Min(0) int waiting,
                      @ApiShape.Min(0) int priorityWaiting, Boolean backup) {
  }

  /** A pause: its reason and note (null when none), since when, and (in the counter view) by whom. */
  @ApiShape.Name("PauseInfo")
  public record Pause(@ApiShape.Nullable @ApiShape.ValuesOf(PauseReason.class) String reason,
                      @ApiShape.Nullable @ApiShape.MaxLength(PauseReason.MAX_NOTE) String note,
                      @ApiShape.Format("date-time") String since, String by) {
  }

  /** The counter's current ticket, with why it was called. */
  @ApiShape.Name("CurrentTicket")
  public record Current(@ApiShape.Inline TicketView ticket, TicketView.Why why) {
  }

  /** Who works at the counter: the account as steps name it, its username and full name, since when. */
  @ApiShape.Name("CounterSession")
  public record SessionView(@ApiShape.Required String by, @ApiShape.Required String username, String fullName,
                            @ApiShape.Format("date-time") String since, String tookOverFrom) {
  }

  /** A pause or resume press's answer: the pause while paused. */
  @ApiShape.Name("CounterState")
  public record State(@ApiShape.Required String counter, boolean paused, Pause pause) {
  }

  /** An open or close press's answer: a close names whose session it ended, a take-over whom it was taken from. */
  @ApiShape.Name("CounterSessionState")
  public record SessionState(@ApiShape.Required String counter, boolean open, SessionView session) {
  }

  static CounterConsole of(Office office, Counter counter, CounterView view) {
    // its main fields, then its backup fields (served only past their target), marked as such
    List<Field> services = counter.fields().stream().map(code -> {
      QueueStore.Waiting w = view.waiting().getOrDefault(code, new QueueStore.Waiting(0, 0));
      return new Field(code, office.service(code).map(s -> s.name()).orElse(code), w.waiting(), w.priority(),
          counter.serves(code) ? null : Boolean.TRUE);
    }).toList();
    Pause pause = view.paused() ? new Pause(view.reason(), view.note(), time(office, view.pausedAt()), view.pausedBy())
        : null;
    Current current = view.current() == null ? null
        : new Current(TicketView.of(office, view.current()), TicketView.lastWhy(office, view.current()));
    return new CounterConsole(counter.id(), counter.name(), services, view.paused(), pause, current,
        view.session().open(), session(office, view.session(), view.sessionName()), view.servedToday());
  }

  static State state(Office office, String counter, Paused state) {
    return new State(counter, state.paused(),
        state.paused() ? new Pause(state.reason(), state.note(), time(office, state.since()), null) : null);
  }

  static SessionState sessionState(Office office, String counter, Session session) {
    return new SessionState(counter, session.open(), session(office, session, null));
  }

  private static SessionView session(Office office, Session session, String fullName) {
    if (session.by() == null) {
      return null;
    }
    String by = session.by();
    return new SessionView(by, by.substring(by.indexOf(':') + 1), fullName == null || fullName.isEmpty() ? null : fullName,
        time(office, session.since()), session.tookOverFrom());
  }

  private static String time(Office office, Instant instant) {
    return instant == null ? null : TIME.format(instant.atZone(office.timezone()));
  }
}
