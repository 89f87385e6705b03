package vn.layso.queue;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;
import vn.layso.common.ApiException;
import vn.layso.office.OfficeRegistry;
import vn.layso.office.domain.Counter;
import vn.layso.office.domain.IssuingWindow;
import vn.layso.office.domain.Office;
import vn.layso.office.domain.ServiceDef;
import vn.layso.office.domain.WalkInIssuing;
import vn.layso.queue.domain.Estimate;
import vn.layso.queue.QueueStore.Called;
import vn.layso.queue.QueueStore.CounterView;
import vn.layso.queue.QueueStore.PauseRequest;
import vn.layso.queue.QueueStore.Paused;
import vn.layso.queue.QueueStore.Placed;
import vn.layso.queue.QueueStore.Press;
import vn.layso.queue.QueueStore.Session;
import vn.layso.queue.domain.FieldWait;
import vn.layso.queue.domain.IssuingSurge;
import vn.layso.queue.domain.PauseReason;
import vn.layso.queue.domain.PlacePredictions;
import vn.layso.queue.domain.ServiceDay;
import vn.layso.queue.domain.Ticket;
import vn.layso.queue.domain.TicketAction;
import vn.layso.queue.domain.TicketIds;

/** Walk-in tickets and counter work: validates against the office model, then one store step. */
public final class QueueService {

  private static final DateTimeFormatter OPENS = DateTimeFormatter.ofPattern("HH:mm dd/MM/yyyy");

  private final QueueStore store;
  private final OfficeRegistry offices;
  private final Clock clock;
  /** Told of the checked-in appointments a call (or a check-in) brought within turnNearPlaces of the front. */
  private volatile BiConsumer<Office, List<QueueStore.NearFront>> turnNear = (office, near) -> { };
  /** How many tickets before an appointment's make its turn near; -1: nobody listens, calls are not asked. */
  private volatile int turnNearPlaces = -1;
  private volatile WaitForecaster forecaster = WaitForecaster.AVERAGES;
  private volatile IssuingNorms norms = IssuingNorms.NONE;
  /** Walk-ins this server issued at open offices and has not yet written (see flushIssued). */
  private final java.util.concurrent.ConcurrentHashMap<IssuedKey, Integer> issued =
      new java.util.concurrent.ConcurrentHashMap<>();

  public QueueService(QueueStore store, OfficeRegistry offices, Clock clock) {
    this.store = store;
    this.offices = offices;
    this.clock = clock;
  }

  /**
   * A request for a walk-in number. {@code by} is who asks (public, device:…, staff:…, admin:…);
   * {@code staff}: a staff or admin account of the office, who may issue outside the issuing window;
   * {@code scope}: whom an Idempotency-Key belongs to; {@code anonymousClient}: the client address
   * (rate bucket) an anonymous request was counted for by the per-minute limit, null otherwise: at an
   * office open to anyone, that address's open tickets are capped per field and day.
   */
  public record IssueRequest(String office, String service, String priority, String by, boolean staff,
                             String scope, String idempotencyKey, String anonymousClient) {

    public IssueRequest(String office, String service, String priority, String by, boolean staff, String scope,
                        String idempotencyKey) {
      this(office, service, priority, by, staff, scope, idempotencyKey, null);
    }
  }

  public Future<Placed> issue(IssueRequest r) {
    return issue(r, null);
  }

  /** As {@link #issue(IssueRequest)}, counted in the citizen's per-day limits when a card was read (null: not). */
  public Future<Placed> issue(IssueRequest r, QueueStore.CitizenCount citizen) {
    Office office = offices.require(r.office());
    ServiceDef service = service(office, r.service());
    if (r.priority() != null && office.priorityGroup(r.priority()).isEmpty()) {
      throw ApiException.invalid("unknown_priority_group", OfficeRegistry.safe(r.priority()));
    }
    if (!r.staff()) {
      IssuingWindow.check(office, service, clock.instant()).ifPresent(refusal -> {
        throw closed(refusal);
      });
    }
    var ticket = new QueueStore.NewTicket(office, service, TicketIds.next(office.id()), r.priority(),
        clock.instant(), today(office), r.by(), r.scope(), r.idempotencyKey(), walkInCap(office, r), null);
    // the predictions come first: the issuing step records the one of the place it gives the ticket
    Future<Placed> placed = foretell(office, service.code(), r.priority() != null, false, 0)
        .compose(predictions -> citizen == null ? store.issue(ticket.withPredictions(predictions))
            : store.issueCounted(ticket.withPredictions(predictions), citizen))
        .onComplete(done -> forecaster.placed(office, service.code(),
            done.succeeded() && !done.result().replayed() && done.result().position() != null
                ? done.result().position() : 0));
    if (office.walkInIssuing() != WalkInIssuing.OPEN) {
      return placed;
    }
    return placed.onSuccess(p -> {
      if (!p.replayed()) {
        issued.merge(new IssuedKey(office.id(), ticket.serviceDate(),
            service.code() + ":" + ticket.now().getEpochSecond() / 60), 1, Integer::sum);
      }
    });
  }

  /**
   * Writes this server's walk-in counts of open offices (the issuing-surge alert's input) to the
   * store, and forgets them: counted here, in memory, so that issuing itself pays nothing for the
   * alert; flushed every few seconds (LaysoServer) and before this server reads the board.
   */
  public Future<Void> flushIssued() {
    Map<String, Map<LocalDate, Map<String, Integer>>> batch = new java.util.HashMap<>();
    for (IssuedKey key : List.copyOf(issued.keySet())) {
      int[] taken = {0};
      issued.computeIfPresent(key, (k, n) -> {
        taken[0] = n;
        return null;
      });
      if (taken[0] > 0) {
        batch.computeIfAbsent(key.office(), o -> new java.util.HashMap<>())
            .computeIfAbsent(key.day(), d -> new java.util.HashMap<>()).merge(key.fieldMinute(), taken[0], Integer::sum);
      }
    }
    List<Future<Void>> writes = new java.util.ArrayList<>();
    batch.forEach((office, days) -> days.forEach((day, counts) -> writes.add(store.addIssued(office, day, counts)
        .onFailure(failed -> counts.forEach((fieldMinute, n) ->
            issued.merge(new IssuedKey(office, day, fieldMinute), n, Integer::sum))))));
    return Future.join(writes).mapEmpty();
  }

  /** One field's walk-ins of one minute at an open office, not yet written to the store. */
  private record IssuedKey(String office, LocalDate day, String fieldMinute) {
  }

  /** The open-ticket cap of the request's address at an office open to anyone; null when none applies. */
  private static QueueStore.WalkInCap walkInCap(Office office, IssueRequest r) {
    if (r.anonymousClient() == null || office.walkInIssuing() != WalkInIssuing.OPEN) {
      return null;
    }
    return new QueueStore.WalkInCap(r.anonymousClient(), WalkInSection.of(office).openTicketsPerAddress());
  }

  public Future<Placed> find(String ticketId) {
    String office = TicketIds.officeOf(ticketId);
    if (office == null || offices.find(office).isEmpty()) {
      return Future.failedFuture(ApiException.notFound("ticket_not_found"));
    }
    return store.find(office, ticketId);
  }

  public Future<Called> callNext(String officeId, String counterId, String by, String idempotencyKey) {
    Office office = offices.require(officeId);
    return store.callNext(office, counter(office, counterId), press(office, by, idempotencyKey), turnNearPlaces)
        .onSuccess(called -> {
          if (called.ticket() != null && !called.replayed()) {
            forecaster.called(office, called.ticket());
          }
          if (!called.replayed() && !called.near().isEmpty()) {
            turnNear.accept(office, called.near());
          }
        });
  }

  /**
   * "Your turn is near": {@code listener} is told of each checked-in appointment that comes to at most
   * {@code places} tickets before its own, by a call (call_next.lua answers the ones it brought
   * there, looking at nothing else) or by its check-in placing it there ({@link #checkedIn}). Never
   * fails the call.
   */
  public void onTurnNear(int places, BiConsumer<Office, List<QueueStore.NearFront>> listener) {
    if (places < 0) {
      throw new IllegalArgumentException("places must be >= 0");
    }
    this.turnNear = listener;
    this.turnNearPlaces = places;
  }

  /**
   * A new check-in (not a replay) placed its appointment's ticket at {@code position}: within the
   * "turn is near" places already, its holder is told now (no call brings it there later).
   */
  public void checkedIn(Office office, Ticket ticket, Integer position, String bookingCode) {
    int places = turnNearPlaces;
    if (places >= 0 && position != null && position - 1 <= places) {
      turnNear.accept(office, List.of(new QueueStore.NearFront(ticket.number(), bookingCode, position - 1)));
    }
  }

  /** Who predicts the waits the queue shows (the configured averages until one is set). */
  public void useForecaster(WaitForecaster forecaster) {
    this.forecaster = forecaster;
  }

  /**
   * The predicted wait of a ticket waiting at {@code position}; null when it does not wait
   * (position null). A prediction that fails falls back to the configured averages.
   */
  public Future<Estimate> forecast(Office office, Ticket ticket, Integer position) {
    if (position == null) {
      return Future.succeededFuture(null);
    }
    return forecaster.forecast(office, ticket, position)
        .otherwise(failed -> WaitForecaster.averages(office, ticket, position));
  }

  /**
   * The wait shown with a ticket just handed out (issued, checked in): the prediction its issuing
   * step recorded ({@code given}); a replay's as of now; else (its place was not among the ones
   * foretold, or no prediction was made) as {@link #handOut}.
   */
  public Future<Estimate> shownWait(Office office, Ticket ticket, Integer position, boolean replayed, Estimate given) {
    if (given != null && position != null) {
      return Future.succeededFuture(given);
    }
    return replayed ? forecast(office, ticket, position) : handOut(office, ticket, position);
  }

  /**
   * The predictions for the places a ticket about to be handed out in {@code field} may take (see
   * WaitForecaster#foretell); null when there are none. Never fails.
   */
  public Future<PlacePredictions> foretell(Office office, String field, boolean priority, boolean appointment,
                                           long untilSlotMillis) {
    return forecaster.foretell(office, field, priority, appointment, untilSlotMillis)
        .otherwise((PlacePredictions) null);
  }

  /** A ticket foretold outside {@link #issue} (a check-in) took {@code position} in {@code field} (null: none). */
  public void placed(Office office, String field, Integer position) {
    forecaster.placed(office, field, position == null ? 0 : position);
  }

  /**
   * As {@link #forecast}, for a ticket being handed out (issued, checked in) whose issuing step did
   * not record its prediction: the model's prediction its holder sees is remembered (a second step,
   * predict_given.lua), so its error is measured when the ticket is called. A fallback
   * to the configured averages is shown but not remembered: it is not the model's, and calibration
   * and the accuracy figures must not learn from it.
   */
  public Future<Estimate> handOut(Office office, Ticket ticket, Integer position) {
    if (position == null) {
      return Future.succeededFuture(null);
    }
    return forecaster.forecast(office, ticket, position)
        .onSuccess(estimate -> forecaster.handedOut(office, ticket, estimate))
        .otherwise(failed -> WaitForecaster.averages(office, ticket, position));
  }

  public Future<Placed> act(String officeId, String counterId, TicketAction action, String by, String idempotencyKey) {
    Office office = offices.require(officeId);
    return store.transition(office, counter(office, counterId), action, press(office, by, idempotencyKey));
  }

  public Future<Placed> transfer(String officeId, String counterId, String targetService, String by,
                                 String idempotencyKey) {
    Office office = offices.require(officeId);
    Counter counter = counter(office, counterId);
    return store.transfer(office, counter, service(office, targetService), press(office, by, idempotencyKey));
  }

  /** Pauses (with an optional reason from PauseReason and a note) or resumes a counter. */
  public Future<Paused> pause(String officeId, String counterId, boolean paused, PauseRequest why, String by,
                              String idempotencyKey) {
    Office office = offices.require(officeId);
    Counter counter = counter(office, counterId);
    if (paused && why.reason() != null && PauseReason.of(why.reason()).isEmpty()) {
      throw ApiException.invalid("unknown_pause_reason", OfficeRegistry.safe(why.reason()));
    }
    if (paused && why.note() != null && why.reason() == null) {
      throw ApiException.invalid("field_required", "reason");
    }
    PauseRequest effective = paused ? why : PauseRequest.NONE;
    return store.setPaused(office, counter, paused, effective, press(office, by, idempotencyKey));
  }

  /**
   * Opens the counter's session for the presser (taking it over from another account: that one's
   * session is logged closed first) or closes it; a close is refused while the counter holds a
   * CALLED or SERVING ticket (409 counter_has_ticket).
   */
  public Future<Session> session(String officeId, String counterId, boolean open, String by, String idempotencyKey) {
    Office office = offices.require(officeId);
    return store.setSession(office, counter(office, counterId), open, press(office, by, idempotencyKey));
  }

  public Future<CounterView> counterView(String officeId, String counterId) {
    Office office = offices.require(officeId);
    return store.counterView(office, counter(office, counterId), today(office));
  }

  /** Where the issuing-surge alert learns each field's usual rate (no history until one is set). */
  public void useIssuingNorms(IssuingNorms norms) {
    this.norms = norms;
  }

  /**
   * The fields issuing walk-in numbers at least {@code walkIn.surgeFactor} times their normal rate
   * (see IssuingSurge), in the office's order: only at an office open to anyone (a kiosk-only office's
   * numbers come from its own kiosks and staff). Without history the fields' floors are the normal.
   */
  public Future<List<IssuingSurge.Surge>> surges(Office office) {
    if (office.walkInIssuing() != WalkInIssuing.OPEN) {
      return Future.succeededFuture(List.of());
    }
    var now = clock.instant();
    LocalDate day = today(office);
    long minute = now.getEpochSecond() / 60;
    Future<Map<String, Integer>> issued = flushIssued().otherwiseEmpty()
        .compose(v -> store.issuedPerField(office, day, minute - IssuingSurge.WINDOW_MINUTES + 1, minute));
    Future<Map<String, Double>> usual = norms.usualPerHour(office, day, now.atZone(office.timezone()).getHour())
        .otherwise(Map.of());
    int factor = WalkInSection.of(office).surgeFactor();
    return Future.all(issued, usual).map(both -> office.services().stream()
        .map(s -> IssuingSurge.judge(s.code(), issued.result().getOrDefault(s.code(), 0),
            IssuingSurge.normalPerHour(usual.result().getOrDefault(s.code(), 0.0),
                IssuingSurge.capacityPerHour(office.countersServing(s.code()), s.avgServiceMinutes())), factor))
        .flatMap(Optional::stream).toList());
  }

  /** Today's fields for the console's live board, in the office's order. */
  public Future<List<FieldWait>> fieldWaits(Office office) {
    return store.fieldWaits(office, today(office));
  }

  public Future<JsonObject> snapshot(Office office) {
    return store.snapshot(office, today(office));
  }

  public LocalDate today(Office office) {
    return ServiceDay.of(clock, office.timezone());
  }

  private Press press(Office office, String by, String idempotencyKey) {
    return new Press(by, idempotencyKey, clock.instant(), today(office));
  }

  /** 409 office_closed or service_closed, saying when numbers are given again (local time, with offset). */
  private static ApiException closed(IssuingWindow.Refusal refusal) {
    if (refusal.opensAt() == null) {
      return ApiException.conflict(refusal.code() + "_indefinitely");
    }
    return ApiException.conflict(refusal.code(), OPENS.format(refusal.opensAt()))
        .with("opensAt", refusal.opensAt().toOffsetDateTime().toString());
  }

  private static ServiceDef service(Office office, String code) {
    return office.service(code).orElseThrow(() -> ApiException.invalid("unknown_service", OfficeRegistry.safe(code)));
  }

  private static Counter counter(Office office, String id) {
    return office.counter(id).orElseThrow(() -> ApiException.notFound("counter_not_found", OfficeRegistry.safe(id)));
  }
}
