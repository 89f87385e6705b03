package vn.layso.predict;

import io.vertx.core.Future;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.layso.common.Redact;
import vn.layso.live.EventPeek;
import vn.layso.office.domain.Counter;
import vn.layso.office.domain.Office;
import vn.layso.office.domain.ServiceDef;
import vn.layso.predict.domain.Accuracy;
import vn.layso.predict.domain.Calibration;
import vn.layso.queue.domain.Estimate;
import vn.layso.queue.domain.PlacePredictions;
import vn.layso.predict.domain.Outcome;
import vn.layso.predict.domain.PlaceWindow;
import vn.layso.predict.domain.QueueState;
import vn.layso.predict.domain.ServiceTimes;
import vn.layso.predict.domain.WaitPredictor;
import vn.layso.queue.WaitForecaster;
import vn.layso.queue.domain.ServiceDay;
import vn.layso.queue.domain.Ticket;

/**
 * Live wait predictions: reads an office's queues, counters and service-time statistics (one
 * script; this server keeps the view until the office's next call, completion, pause or transfer,
 * at most {@code fresh}, so a lobby of phones and a busy kiosk share one read), asks the
 * {@link WaitPredictor}, and measures itself: the prediction handed out with a ticket is
 * remembered and, when the ticket is called, recorded next to the actual wait. The issuing step
 * remembers it itself: before it runs, {@link #foretell} gives it the predictions of the places the
 * ticket may take and it records the one of the place it gives (a ticket whose place was not
 * foretold is remembered afterwards, {@link #handedOut}). Recording never fails the call that
 * caused it: a failure is logged.
 *
 * <p>Every estimate is calibrated ({@link Calibration}) with the office's recent outcomes of the
 * RAW model (the last {@value Calibration#MAX_OUTCOMES} of yesterday and today), rebuilt at most
 * every {@link #CALIBRATE_EVERY} of the clock, one rebuild per office at a time (requests meanwhile
 * use the previous calibration). The record keeps both what was shown and the raw values, so the
 * calibration never learns from itself and the accuracy measures what citizens were shown. A failed
 * rebuild keeps the previous calibration (logged); it never fails a request.
 */
public final class PredictionService implements WaitForecaster {

  private static final Logger LOG = LoggerFactory.getLogger(PredictionService.class);

  private final PredictionStore store;
  private final Clock clock;
  private final long freshNanos;
  private final WaitPredictor predictor = new WaitPredictor();
  private final Map<String, Cached> cache = new ConcurrentHashMap<>();
  /** Bumped per office by every change this server hears of, so a read begun before it is not kept. */
  private final Map<String, Long> generations = new ConcurrentHashMap<>();

  /**
   * An office's state as read, until when it is kept, and what was worked out from it: per field the
   * window of places last foretold to a walk-in and to a priority ticket (for a ticket that does not
   * wait for a slot), how many tickets this server foretold since and the furthest place it saw one take.
   */
  private static final class Cached {
    final QueueState state;
    final LocalDate day;
    final long until;
    final Map<String, PlaceWindow> walkIns = new ConcurrentHashMap<>();
    final Map<String, PlaceWindow> priorities = new ConcurrentHashMap<>();
    final Map<String, AtomicInteger> foretold = new ConcurrentHashMap<>();
    final Map<String, Integer> placed = new ConcurrentHashMap<>();

    Cached(QueueState state, LocalDate day, long until) {
      this.state = state;
      this.day = day;
      this.until = until;
    }
  }

  /**
   * The places foretold for a walk-in about to be handed out: from {@value #BEHIND} before the
   * first it may take (behind the tickets waiting when the state was read and the furthest place
   * this server saw taken since) to {@value #BEYOND} after the last (behind the ones this server
   * foretold since as well, whose steps may run first), so that a call meanwhile, a few tickets
   * issued by another server or a refused issue still leave its place covered; at most
   * {@value #MAX_PLACES} places, the last ones (the steps run mostly in the order they were sent).
   */
  static final int BEHIND = 3;
  static final int BEYOND = 4;
  static final int MAX_PLACES = 24;
  /**
   * An appointment is placed by its slot's start, usually before the walk-ins who came after it was
   * booked: more places before the end are foretold for it (check-ins are few).
   */
  static final int APPOINTMENT_BEHIND = 8;
  /** A priority ticket goes behind the priority tickets waiting (few): places 1 to this. */
  static final int PRIORITY_PLACES = BEHIND + BEYOND + 1;

  static final Duration CALIBRATE_EVERY = Duration.ofSeconds(60);

  /** An office's calibration, the clock's millis when it was built, and whether a rebuild runs. */
  private static final class Calibrated {
    volatile Calibration calibration = Calibration.NONE;
    volatile long builtAt = Long.MIN_VALUE;
    final AtomicBoolean rebuilding = new AtomicBoolean();
  }

  private final Map<String, Calibrated> calibrations = new ConcurrentHashMap<>();

  /** What the shown predictions of a day were worth, and what the raw model's would have been. */
  public record Measured(Accuracy shown, Accuracy raw) {
  }

  public PredictionService(PredictionStore store, Clock clock, Duration fresh) {
    this.store = store;
    this.clock = clock;
    this.freshNanos = fresh.toNanos();
  }

  @Override
  public Future<Estimate> forecast(Office office, Ticket ticket, int position) {
    return state(office).compose(state -> calibration(office).map(c -> c.apply(predictor.predict(state,
        ticket.service(), Math.max(0, position - 1), untilSlot(office, ticket)), ticket.service())));
  }

  /**
   * The predictions for the places a ticket about to be handed out is likely to take (see
   * {@link #BEHIND}): the issuing step records the one of the place it takes, with the ticket. A
   * walk-in's raw predictions are worked out once per state and people ahead (a burst of issuing
   * shifts the window by one place a ticket). Never fails: without a state, null (nothing recorded).
   */
  @Override
  public Future<PlacePredictions> foretell(Office office, String field, boolean priority, boolean appointment,
                                           long untilSlotMillis) {
    if (office.service(field).isEmpty()) {
      return Future.succeededFuture(null);
    }
    return cached(office).compose(c -> calibration(office).map(calibration -> {
      int waiting = c.state.field(field).waiting();
      int before = c.foretold.computeIfAbsent(field, f -> new AtomicInteger()).getAndIncrement();
      int earliest = Math.max(waiting + 1, c.placed.getOrDefault(field, 0) + 1);
      int latest = Math.max(earliest, waiting + 1 + before);
      int first = priority ? 1 : Math.max(1, earliest - (appointment ? APPOINTMENT_BEHIND : BEHIND));
      int last = priority ? PRIORITY_PLACES : latest + BEYOND;
      first = Math.max(first, last - MAX_PLACES + 1);
      long untilSlot = appointment ? Math.max(0, untilSlotMillis) : 0;
      if (untilSlot > 0) {
        List<Estimate> byPlace = new java.util.ArrayList<>(last - first + 1);
        for (int place = first; place <= last; place++) {
          byPlace.add(calibration.apply(predictor.predict(c.state, field, place - 1, untilSlot), field));
        }
        return new PlacePredictions(first, byPlace);
      }
      // one new place per ticket in a burst of issuing, not the whole window (see PlaceWindow)
      Map<String, PlaceWindow> windows = priority ? c.priorities : c.walkIns;
      PlaceWindow kept = windows.getOrDefault(field, PlaceWindow.NONE);
      PlaceWindow window = kept.covering(first, last, calibration, field,
          place -> predictor.predict(c.state, field, place - 1));
      if (window != kept) {
        windows.put(field, window);
      }
      return new PlacePredictions(first, window.shown(first, last));
    })).otherwise(failed -> {
      LOG.atWarn().addKeyValue("office", office.id()).addKeyValue("error", Redact.error(failed))
          .log("no predictions for the issuing step");
      return null;
    });
  }

  @Override
  public void placed(Office office, String field, int position) {
    Cached c = cache.get(office.id());
    if (c != null && position > 0) {
      c.placed.merge(field, position, Math::max);
    }
  }

  @Override
  public void handedOut(Office office, Ticket ticket, Estimate estimate) {
    store.given(office.id(), ticket.serviceDate(), ticket.id(), ticket.service(), estimate).onFailure(e -> LOG.atWarn()
        .addKeyValue("office", office.id()).addKeyValue("error", Redact.error(e)).log("prediction not remembered"));
  }

  /**
   * A ticket was called: this server's view of the office is stale. The call itself (call_next.lua)
   * moved the prediction its holder was given into the day's outcomes, with the actual wait.
   */
  @Override
  public void called(Office office, Ticket ticket) {
    forget(office.id());
  }

  /**
   * Listens to every office's live events (Redis pub/sub, as every server gets them): a change of
   * an office's counters or of who is served (a call, a completion, a pause, a transfer, ...)
   * drops this server's view of it, so the next prediction reads it again. A new ticket does not:
   * it only lengthens a queue behind the tickets already there (its own place comes with it), and
   * a burst of issuing then shares one read per {@code fresh}, which also covers lost events.
   */
  public BiConsumer<String, String> listener() {
    return (channel, message) -> {
      // even with nothing cached: a read begun before this event must not be kept (generations)
      String office = EventPeek.office(message);
      if (office != null && !EventPeek.isType(message, "ticket.issued")) {
        forget(office);
      }
    };
  }

  private void forget(String office) {
    generations.merge(office, 1L, Long::sum);
    cache.remove(office);
  }

  /** The wait a newcomer to each field of the office would have now (for the balancing advice). */
  public Future<Map<String, Estimate>> newcomerWaits(Office office) {
    return state(office).compose(state -> calibration(office).map(c -> {
      Map<String, Estimate> out = new java.util.TreeMap<>();
      predictor.newcomers(state).forEach((field, raw) -> out.put(field, c.apply(raw, field)));
      return out;
    }));
  }

  /** How right the shown predictions of the tickets called on {@code day} were, and the raw model's. */
  public Future<Measured> accuracy(Office office, LocalDate day) {
    return store.outcomes(office.id(), day).map(all -> new Measured(Accuracy.of(all), Accuracy.ofRaw(all)));
  }

  /**
   * The office's calibration: the current one, or, when it is older than {@link #CALIBRATE_EVERY}
   * and no rebuild runs, a new one from the last outcomes of yesterday and today (this request
   * waits for it; any failure keeps the current one). Never fails.
   */
  Future<Calibration> calibration(Office office) {
    Calibrated c = calibrations.computeIfAbsent(office.id(), id -> new Calibrated());
    long now = clock.millis();
    // a clock set back (tests, a corrected server clock) counts as due
    boolean fresh = c.builtAt != Long.MIN_VALUE && now >= c.builtAt && now - c.builtAt < CALIBRATE_EVERY.toMillis();
    if (fresh || !c.rebuilding.compareAndSet(false, true)) {
      return Future.succeededFuture(c.calibration);
    }
    LocalDate today = today(office);
    Future<List<Outcome>> rebuilt;
    try {
      rebuilt = store.recentOutcomes(office.id(), today.minusDays(1), Calibration.MAX_OUTCOMES)
          .compose(yesterday -> store.recentOutcomes(office.id(), today, Calibration.MAX_OUTCOMES).map(sofar -> {
            List<Outcome> all = new java.util.ArrayList<>(yesterday.size() + sofar.size());
            all.addAll(yesterday);
            all.addAll(sofar);
            return all;
          }));
    } catch (RuntimeException e) {
      rebuilt = Future.failedFuture(e);
    }
    return rebuilt.map(all -> {
      c.calibration = Calibration.of(all.stream().map(Outcome::raw).toList());
      c.builtAt = now;
      return c.calibration;
    }).recover(e -> {
      // tried: the next attempt waits its turn like a rebuild, the old calibration stays
      c.builtAt = now;
      LOG.atWarn().addKeyValue("office", office.id()).addKeyValue("error", Redact.error(e))
          .log("calibration not rebuilt; the previous one stays");
      return Future.succeededFuture(c.calibration);
    }).onComplete(done -> c.rebuilding.set(false));
  }

  public LocalDate today(Office office) {
    return ServiceDay.of(clock, office.timezone());
  }

  /** The office's state as the predictor sees it, read at most once per {@code fresh} on this server. */
  public Future<QueueState> state(Office office) {
    return cached(office).map(c -> c.state);
  }

  private Future<Cached> cached(Office office) {
    LocalDate today = today(office);
    Cached cached = cache.get(office.id());
    long now = System.nanoTime();
    if (cached != null && cached.day.equals(today) && now - cached.until < 0) {
      return Future.succeededFuture(cached);
    }
    Long generation = generations.get(office.id());
    // requests meanwhile (a burst of issuing) share the read begun since the office's last change, so
    // they also share what is foretold from it (the places handed out one after another)
    Reading reading = reads.compute(office.id(), (id, running) -> running != null
        && Objects.equals(running.generation(), generation) && running.day().equals(today) ? running
        : new Reading(generation, today, store.live(office, today).map(live -> {
          Cached read = new Cached(queueState(office, live, today), today, now + freshNanos);
          if (Objects.equals(generation, generations.get(office.id()))) {
            cache.put(office.id(), read);
          }
          return read;
        })));
    reading.read().onComplete(done -> reads.remove(office.id(), reading));
    return onThisContext(reading.read());
  }

  /** A read of an office's state in flight, begun at {@code generation}. */
  private record Reading(Long generation, LocalDate day, Future<Cached> read) {
  }

  private final Map<String, Reading> reads = new ConcurrentHashMap<>();

  /** A shared future completed on another event loop: its result is handed back on the caller's. */
  private static <T> Future<T> onThisContext(Future<T> shared) {
    io.vertx.core.Context context = io.vertx.core.Vertx.currentContext();
    if (context == null || shared.isComplete()) {
      return shared;
    }
    io.vertx.core.Promise<T> here = io.vertx.core.Promise.promise();
    shared.onComplete(done -> context.runOnContext(v -> here.handle(done)));
    return here.future();
  }

  /**
   * The predictor's view of the stored state. A counter is open unless paused, busy while its
   * current ticket is today's; a counter that has called nobody today is counted open but not idle
   * (nobody may sit at it yet: it is not counted on to take a ticket at once). Means: a field's
   * live EWMA weighed against its configured average, a counter's own EWMA within a factor 3 of
   * its field's (see ServiceTimes).
   */
  static QueueState queueState(Office office, PredictionStore.Live live, LocalDate today) {
    String day = ServiceDay.key(today);
    Map<String, QueueState.Field> fields = new HashMap<>();
    Map<String, Long> fieldMeans = new HashMap<>();
    for (ServiceDef s : office.services()) {
      long mean = ServiceTimes.fieldMean(number(live.serviceTimes().get(s.code())),
          count(live.serviceTimes().get("#" + s.code())), s.avgServiceMinutes() * 60_000L);
      fieldMeans.put(s.code(), mean);
      fields.put(s.code(), new QueueState.Field(live.waiting().getOrDefault(s.code(), 0), mean));
    }
    List<QueueState.Desk> desks = office.counters().stream().map(c -> desk(c, live, day, fieldMeans)).toList();
    return new QueueState(fields, desks);
  }

  private static QueueState.Desk desk(Counter c, PredictionStore.Live live, String day, Map<String, Long> fieldMeans) {
    PredictionStore.CounterLive state = live.counters().getOrDefault(c.id(),
        new PredictionStore.CounterLive(false, null, null));
    boolean activeToday = day.equals(state.day());
    boolean busy = !activeToday || state.current() != null;
    Map<String, Long> means = new HashMap<>();
    c.weights().keySet().forEach(field -> means.put(field, ServiceTimes.counterMean(
        number(live.serviceTimes().get(field + "|" + c.id())), fieldMeans.getOrDefault(field, 600_000L))));
    return new QueueState.Desk(c.id(), c.weights(), !state.paused(), busy, means);
  }

  private long untilSlot(Office office, Ticket ticket) {
    Instant slotStart = ticket.appointment() ? slotStart(office, ticket) : null;
    return slotStart == null ? 0 : Math.max(0, slotStart.toEpochMilli() - clock.millis());
  }

  private static Instant slotStart(Office office, Ticket ticket) {
    try {
      return ticket.serviceDate().atTime(LocalTime.parse(ticket.slot())).atZone(office.timezone()).toInstant();
    } catch (java.time.format.DateTimeParseException e) {
      return null;
    }
  }

  private static Double number(String value) {
    if (value == null) {
      return null;
    }
    try {
      double d = Double.parseDouble(value);
      return Double.isFinite(d) ? d : null;
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static long count(String value) {
    Double d = number(value);
    return d == null ? 0 : Math.max(0, d.longValue());
  }
}
