package vn.layso.queue;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import vn.layso.office.domain.Counter;
import vn.layso.office.domain.Office;
import vn.layso.office.domain.ServiceDef;
import vn.layso.queue.domain.Estimate;
import vn.layso.queue.domain.FieldWait;
import vn.layso.queue.domain.PlacePredictions;
import vn.layso.queue.domain.Ticket;
import vn.layso.queue.domain.TicketAction;

/** The queue's storage: every method is one atomic step that also publishes its live event. */
public interface QueueStore {

  /**
   * A new walk-in ticket. {@code by} is who issued it (public, device:…, staff:…), and
   * {@code scope} the caller an Idempotency-Key belongs to (the account, or the anonymous address).
   * {@code predictions}: the wait predictions for the places it may take (null: none), of which the
   * issuing step records the one of its place ({@link Placed#given}).
   */
  record NewTicket(Office office, ServiceDef service, String ticketId, String priority, Instant now,
                   LocalDate serviceDate, String by, String scope, String idempotencyKey, WalkInCap walkInCap,
                   PlacePredictions predictions) {

    public NewTicket(Office office, ServiceDef service, String ticketId, String priority, Instant now,
                     LocalDate serviceDate, String by, String scope, String idempotencyKey) {
      this(office, service, ticketId, priority, now, serviceDate, by, scope, idempotencyKey, null, null);
    }

    public NewTicket withPredictions(PlacePredictions p) {
      return new NewTicket(office, service, ticketId, priority, now, serviceDate, by, scope, idempotencyKey,
          walkInCap, p);
    }
  }

  /**
   * At most {@code limit} open tickets (waiting or called) of one client address ({@code client}, its
   * rate bucket) per field and day: the issue is refused with 429 too_many_open_tickets past it, in the
   * same atomic step that would issue it.
   */
  record WalkInCap(String client, int limit) {
  }

  /**
   * One press of a counter button: who pressed (staff:…, admin:…; also the Idempotency-Key's
   * scope), the press's Idempotency-Key or null, the time and the office's service day.
   */
  record Press(String by, String idempotencyKey, Instant now, LocalDate serviceDate) {
  }

  /**
   * A ticket and, while it waits, its 1-based place in line; replayed: an Idempotency-Key's first
   * answer; given: the wait prediction the issuing step recorded for it (null: none recorded there).
   */
  record Placed(Ticket ticket, Integer position, boolean replayed, Estimate given) {
    public Placed(Ticket ticket, Integer position, boolean replayed) {
      this(ticket, position, replayed, null);
    }
  }

  /**
   * The ticket now called (null when none waits) and the one call-next ended first, if any: DONE
   * when its service had started, else NO_SHOW with end reason "skipped"; near: the checked-in
   * appointments the call brought within the "turn is near" places of their field (empty unless asked).
   */
  record Called(Ticket ticket, Ticket closed, boolean replayed, List<NearFront> near) {
    public Called {
      near = near == null ? List.of() : List.copyOf(near);
    }

    public Called(Ticket ticket, Ticket closed, boolean replayed) {
      this(ticket, closed, replayed, List.of());
    }
  }

  /** A counter's pause state after a press: the reason code and note of the pause in force, if any. */
  record Paused(boolean paused, String reason, String note, Instant since, boolean replayed) {
  }

  /**
   * A counter's session after an open or close: open, whose it is ({@code staff:lan}) and since
   * when (null when closed; on a close, whose it was), the account it was taken over from, if any.
   */
  record Session(boolean open, String by, Instant since, String tookOverFrom, boolean replayed) {
  }

  /** Why a counter pauses: a PauseReason code, and an optional note (null: none). */
  record PauseRequest(String reason, String note) {
    public static final PauseRequest NONE = new PauseRequest(null, null);
  }

  /** Waiting tickets of one service: all of them, and how many of those are priority tickets. */
  record Waiting(int waiting, int priority) {
  }

  /**
   * A counter as its console shows it: paused (with reason, note, since when and by whom), the
   * current ticket of today or null, today's served count, the waiting count per service, and its
   * session (who works at it, since when; closed: {@code open} false) with the holder's full name (null: none).
   */
  record CounterView(boolean paused, String reason, String note, Instant pausedAt, String pausedBy,
                     Ticket current, int servedToday, java.util.Map<String, Waiting> waiting, Session session,
                     String sessionName) {
  }

  /** One batch of closing a day: closed once the day is done (already: by an earlier call), else the next cursor. */
  record DayClose(boolean closed, boolean already, int next, int expired) {
  }

  Future<Placed> issue(NewTicket request);

  /**
   * A walk-in whose citizen's CCCD card was read at the kiosk (the card feature), counted in the
   * same per-citizen limits as bookings: the keyed hash of the card number, its last four digits (the
   * only part the ticket keeps), the booking limits per day and per field, and when the day's count
   * expires. Handed from the card's check to the issuing route in the request's context.
   */
  record CitizenCount(String citizenHash, String last4, int maxPerDay, int maxPerField, Instant countExpiresAt) {
    public static final String CONTEXT = "layso.citizenCount";
  }

  /** As {@link #issue}, counted in its citizen's limits in the same step (409 limit_reached past them). */
  Future<Placed> issueCounted(NewTicket request, CitizenCount citizen);

  /**
   * Per field, the walk-in tickets issued from minute {@code fromMinute} to {@code toMinute} (epoch
   * minutes, both included) of an office open to anyone (as the servers added them with
   * {@link #addIssued}); fields without any are left out.
   */
  Future<Map<String, Integer>> issuedPerField(Office office, LocalDate day, long fromMinute, long toMinute);

  /** Adds a server's counts of walk-ins issued ({@code <field>:<epoch minute>} to count) to the office's day. */
  Future<Void> addIssued(String office, LocalDate day, Map<String, Integer> perFieldMinute);

  /**
   * The counter's next call. {@code turnNearPlaces} >= 0: the call also answers the checked-in
   * appointments it brought to at most that many tickets before them ({@link Called#near}); -1: not asked.
   */
  Future<Called> callNext(Office office, Counter counter, Press press, int turnNearPlaces);

  Future<Placed> transition(Office office, Counter counter, TicketAction action, Press press);

  Future<Placed> transfer(Office office, Counter counter, ServiceDef target, Press press);

  Future<Paused> setPaused(Office office, Counter counter, boolean paused, PauseRequest why, Press press);

  /** Opens (taking it over from another account if need be) or closes the counter's session (counter_session.lua). */
  Future<Session> setSession(Office office, Counter counter, boolean open, Press press);

  /** Each of the office's fields on {@code serviceDate}: waiting count and the oldest effective arrival (field_waits.lua). */
  Future<List<FieldWait>> fieldWaits(Office office, LocalDate serviceDate);

  /** The counter's state for its console, on {@code serviceDate}. */
  Future<CounterView> counterView(Office office, Counter counter, LocalDate serviceDate);

  Future<Placed> find(String office, String ticketId);

  /** A checked-in appointment's ticket near the front of its field's queue: its booking and the tickets before it. */
  record NearFront(String number, String bookingCode, int ahead) {
  }

  /** The live state as the lobby screen's first message: epoch, version, counters, queues, recent calls. */
  Future<JsonObject> snapshot(Office office, LocalDate serviceDate);

  /** The service days of an office that have tickets and are not closed yet. */
  Future<Set<LocalDate>> openDays(String office);

  /** A closed day whose history is archived too: the closer need not look at it again. */
  Future<Void> forgetDay(String office, LocalDate day);

  /** Closes a batch of {@code day}'s tickets from {@code cursor} on (see close_day.lua). */
  Future<DayClose> closeDay(Office office, LocalDate day, Instant now, int cursor, int batch);
}
