package vn.layso.predict;

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
import org.junit.jupiter.api.Test;
import vn.layso.office.domain.Counter;
import vn.layso.office.domain.Office;
import vn.layso.office.domain.OpeningHours;
import vn.layso.office.domain.ServiceDef;
import vn.layso.queue.domain.Estimate;
import vn.layso.queue.domain.PlacePredictions;
import vn.layso.predict.domain.Outcome;
import vn.layso.predict.domain.QueueState;
import vn.layso.queue.domain.Ticket;
import vn.layso.queue.domain.TicketStatus;
import vn.layso.testing.MutableClock;

/**
 * The server side of the prediction with an in-memory store: the stored state as the predictor
 * sees it, appointments, the view's freshness, recording failures.
 */
class PredictionServiceTest {

  private static final LocalDate DAY = LocalDate.of(2026, 11, 23);
  private static final Instant NINE = Instant.parse("2026-11-23T02:00:00Z");
  private static final long MIN = 60_000;

  private static final Office OFFICE = new Office("ward", "Phường", ZoneId.of("Asia/Ho_Chi_Minh"),
      List.of(new ServiceDef("a", "A", "A", 1, 999, 10, null), new ServiceDef("b", "B", "B", 1, 999, 5, null)),
      List.of(new Counter("1", "Quầy 1", Map.of("a", 1)), new Counter("2", "Quầy 2", Map.of("a", 1, "b", 2)),
          new Counter("3", "Quầy 3", Map.of("b", 1))),
      List.of(), 3, OpeningHours.always(), OpeningHours.always());

  /** A store holding one live state, counting its reads and recording what it is told. */
  private static class FakeStore implements PredictionStore {
    Live live;
    int reads;
    final Map<String, Estimate> given = new HashMap<>();
    boolean broken;

    @Override
    public Future<Live> live(Office office, LocalDate day) {
      reads++;
      return Future.succeededFuture(live);
    }

    @Override
    public Future<Void> given(String office, LocalDate day, String ticketId, String field, Estimate estimate) {
      if (broken) {
        return Future.failedFuture(new IllegalStateException("store down"));
      }
      given.putIfAbsent(ticketId, estimate);
      return Future.succeededFuture();
    }

    @Override
    public Future<List<Outcome>> outcomes(String office, LocalDate day) {
      return Future.succeededFuture(List.of());
    }

    final Map<LocalDate, List<Outcome>> recent = new HashMap<>();
    int recentReads;

    @Override
    public Future<List<Outcome>> recentOutcomes(String office, LocalDate day, int last) {
      recentReads++;
      if (broken) {
        return Future.failedFuture(new IllegalStateException("store down"));
      }
      List<Outcome> all = recent.getOrDefault(day, List.of());
      return Future.succeededFuture(all.subList(Math.max(0, all.size() - last), all.size()));
    }
  }

  private static PredictionStore.Live live(Map<String, PredictionStore.CounterLive> counters,
                                           Map<String, String> times) {
    return new PredictionStore.Live(Map.of("a", 3, "b", 1), times, counters);
  }

  private static Ticket walkIn(String id, Instant issued) {
    return new Ticket(id, "ward", "A001", "a", TicketStatus.WAITING, null, issued, DAY, null, null, null, null, 0,
        "public", null, List.of());
  }

  private static Ticket appointment(String id, Instant checkedIn, String slot) {
    return new Ticket(id, "ward", "A002", "a", TicketStatus.WAITING, null, checkedIn, DAY, null, null, null, null, 0,
        "public", null, List.of(), slot);
  }

  @Test
  void theStoredStateBecomesOpenBusyAndIdleCountersWithBlendedMeans() {
    var counters = Map.of(
        "1", new PredictionStore.CounterLive(false, "ward.x", "20261123"),   // calling today: busy
        "2", new PredictionStore.CounterLive(false, null, "20261123"),       // worked today, free: idle
        "3", new PredictionStore.CounterLive(true, null, "20261123"));       // paused
    QueueState state = PredictionService.queueState(OFFICE,
        live(counters, Map.of("a", "300000", "#a", "97", "a|2", "100000", "b|2", "bad")), DAY);
    assertThat(state.field("a")).isEqualTo(new QueueState.Field(3, 309_000));
    assertThat(state.field("b")).isEqualTo(new QueueState.Field(1, 5 * MIN));
    QueueState.Desk one = state.desks().get(0);
    QueueState.Desk two = state.desks().get(1);
    QueueState.Desk three = state.desks().get(2);
    assertThat(one.open()).isTrue();
    assertThat(one.busy()).isTrue();
    assertThat(two.busy()).isFalse();
    assertThat(two.meanServiceMillis()).isEqualTo(Map.of("a", 103_000L, "b", 5 * MIN));
    assertThat(three.open()).isFalse();
    assertThat(two.weights()).isEqualTo(Map.of("a", 1, "b", 2));
  }

  @Test
  void aCounterThatCalledNobodyTodayIsNotCountedOnToTakeATicketAtOnce() {
    var counters = Map.of(
        "1", new PredictionStore.CounterLive(false, "ward.old", "20261122"),  // yesterday's ticket
        "2", new PredictionStore.CounterLive(false, null, null));
    QueueState state = PredictionService.queueState(OFFICE, live(counters, Map.of()), DAY);
    assertThat(state.desks()).allMatch(d -> d.open() && d.busy());
    assertThat(state.field("a").meanServiceMillis()).isEqualTo(10 * MIN);
  }

  @Test
  void theViewIsReadOnceUntilTheOfficesNextEventOrTheFreshnessLimit() {
    FakeStore store = new FakeStore();
    store.live = live(Map.of(), Map.of());
    MutableClock clock = new MutableClock(NINE);
    PredictionService service = new PredictionService(store, clock, Duration.ofHours(1));
    Estimate first = service.forecast(OFFICE, walkIn("ward.1", NINE), 3).result();
    service.forecast(OFFICE, walkIn("ward.1", NINE), 2).result();
    service.newcomerWaits(OFFICE).result();
    assertThat(store.reads).isEqualTo(1);
    assertThat(first.ahead()).isEqualTo(2);

    service.listener().accept("layso:events", "{\"type\":\"counter.paused\",\"office\":\"other\"}");
    service.listener().accept("layso:events", "{\"type\":\"ticket.issued\",\"office\":\"ward\"}");
    service.forecast(OFFICE, walkIn("ward.1", NINE), 3).result();
    assertThat(store.reads).as("another office's event, a new ticket behind").isEqualTo(1);
    service.listener().accept("layso:events", "{\"type\":\"counter.paused\",\"office\":\"ward\",\"counter\":\"1\"}");
    service.listener().accept("layso:events", "not json");
    service.forecast(OFFICE, walkIn("ward.1", NINE), 3).result();
    assertThat(store.reads).isEqualTo(2);

    PredictionService brief = new PredictionService(store, clock, Duration.ZERO);
    brief.forecast(OFFICE, walkIn("ward.1", NINE), 3).result();
    brief.forecast(OFFICE, walkIn("ward.1", NINE), 3).result();
    assertThat(store.reads).isEqualTo(4);
  }

  @Test
  void anAppointmentCheckedInEarlyIsPredictedFromItsSlotStart() {
    FakeStore store = new FakeStore();
    store.live = live(Map.of(), Map.of());
    MutableClock clock = new MutableClock(NINE);
    PredictionService service = new PredictionService(store, clock, Duration.ofSeconds(1));
    Ticket walkIn = walkIn("ward.w", NINE);
    // slot 09:20, checked in at 09:00
    Ticket early = appointment("ward.e", NINE, "09:20");
    Estimate asWalkIn = service.forecast(OFFICE, walkIn, 6).result();
    Estimate asEarly = service.forecast(OFFICE, early, 6).result();
    assertThat(asEarly.p50Millis()).isEqualTo(Math.max(0, asWalkIn.p50Millis() - 20 * MIN));
    assertThat(asEarly.p90Millis()).isEqualTo(asWalkIn.p90Millis() - 20 * MIN);
  }

  @Test
  void theIssuingStepIsGivenThePredictionsOfThePlacesAroundTheExpectedOneEachAsAForecastWouldSay() {
    FakeStore store = new FakeStore();
    store.live = live(Map.of(), Map.of());
    MutableClock clock = new MutableClock(NINE);
    PredictionService service = new PredictionService(store, clock, Duration.ofHours(1));
    // three wait in "a": the first new walk-in is expected at place 4, foretold from 1 to 8
    PlacePredictions first = service.foretell(OFFICE, "a", false, false, 0).result();
    assertThat(first.firstPlace()).isEqualTo(1);
    assertThat(first.lastPlace()).isEqualTo(4 + PredictionService.BEYOND);
    for (int place = first.firstPlace(); place <= first.lastPlace(); place++) {
      assertThat(first.at(place)).as("place " + place)
          .isEqualTo(service.forecast(OFFICE, walkIn("ward.w", NINE), place).result());
      assertThat(first.at(place).ahead()).isEqualTo(place - 1);
    }
    assertThat(first.at(0)).isNull();
    assertThat(first.at(first.lastPlace() + 1)).isNull();
    // the next one, its predecessor not answered yet: at 4 or 5 (whichever step runs first)
    PlacePredictions second = service.foretell(OFFICE, "a", false, false, 0).result();
    assertThat(second.firstPlace()).isEqualTo(4 - PredictionService.BEHIND);
    assertThat(second.lastPlace()).isEqualTo(5 + PredictionService.BEYOND);
    // a ticket seen at place 12 (other servers issued meanwhile): the next ones are foretold behind it
    service.placed(OFFICE, "a", 12);
    PlacePredictions third = service.foretell(OFFICE, "a", false, false, 0).result();
    assertThat(third.firstPlace()).isEqualTo(13 - PredictionService.BEHIND);
    assertThat(third.at(13)).isEqualTo(service.forecast(OFFICE, walkIn("ward.w", NINE), 13).result());
    // a priority ticket goes behind the few priority tickets: the first places
    PlacePredictions priority = service.foretell(OFFICE, "a", true, false, 0).result();
    assertThat(priority.firstPlace()).isEqualTo(1);
    assertThat(priority.lastPlace()).isEqualTo(PredictionService.PRIORITY_PLACES);
    // an appointment whose slot starts in 20 minutes: from its slot's start, more places before the end
    PlacePredictions early = service.foretell(OFFICE, "a", false, true, 20 * MIN).result();
    assertThat(early.firstPlace()).isEqualTo(13 - PredictionService.APPOINTMENT_BEHIND);
    Ticket appointment = appointment("ward.e", NINE, "09:20");
    assertThat(early.at(9)).isEqualTo(service.forecast(OFFICE, appointment, 9).result());
    assertThat(store.reads).isEqualTo(1);
    assertThat(service.foretell(OFFICE, "nope", false, false, 0).result()).isNull();
    // a burst of thirty unanswered: the last MAX_PLACES places up to behind all of them
    PlacePredictions burst = null;
    for (int i = 0; i < 30; i++) {
      burst = service.foretell(OFFICE, "b", false, false, 0).result();
    }
    assertThat(burst.lastPlace()).isEqualTo(1 + 1 + 29 + PredictionService.BEYOND);
    assertThat(burst.byPlace()).hasSize(PredictionService.MAX_PLACES);
  }

  @Test
  void withoutAStateNothingIsForetoldAndNothingFails() {
    PredictionStore down = new FakeStore() {
      @Override
      public Future<Live> live(Office office, LocalDate day) {
        return Future.failedFuture(new IllegalStateException("store down"));
      }
    };
    PredictionService service = new PredictionService(down, new MutableClock(NINE), Duration.ofSeconds(1));
    Future<PlacePredictions> none = service.foretell(OFFICE, "a", false, false, 0);
    assertThat(none.succeeded()).isTrue();
    assertThat(none.result()).isNull();
  }

  @Test
  void aStoreThatFailsToRecordNeverThrowsAtTheCaller() {
    FakeStore store = new FakeStore();
    store.broken = true;
    PredictionService service = new PredictionService(store, new MutableClock(NINE), Duration.ofSeconds(1));
    Ticket t = walkIn("ward.1", NINE);
    service.handedOut(OFFICE, t, new Estimate(MIN, 2 * MIN, 0));
    service.called(OFFICE, new Ticket(t.id(), "ward", "A001", "a", TicketStatus.CALLED, null, NINE, DAY, "1",
        NINE.plus(Duration.ofMinutes(3)), null, null, 0, "public", null, List.of()));
    assertThat(store.given).isEmpty();
  }

  @Test
  void estimatesAreCalibratedWithTheRecentRawOutcomesRebuiltAtMostEveryMinute() {
    FakeStore store = new FakeStore();
    store.live = live(Map.of(), Map.of());
    MutableClock clock = new MutableClock(NINE);
    PredictionService service = new PredictionService(store, clock, Duration.ofSeconds(1));
    Estimate before = service.forecast(OFFICE, walkIn("ward.1", NINE), 3).result();
    assertThat(before.p50Millis()).isEqualTo(before.rawP50Millis());
    assertThat(store.recentReads).isEqualTo(2); // yesterday and today
    // yesterday's and today's outcomes: actual waits 2x the raw median (the shown values do not count)
    List<Outcome> twice = new ArrayList<>();
    for (int i = 0; i < 1000; i++) {
      twice.add(new Outcome(2, 99 * MIN, 99 * MIN, 10 * MIN, 15 * MIN, 20 * MIN));
    }
    store.recent.put(DAY.minusDays(1), twice);
    store.recent.put(DAY, twice);
    assertThat(service.forecast(OFFICE, walkIn("ward.1", NINE), 3).result()).isEqualTo(before);
    clock.advance(Duration.ofSeconds(61));
    Estimate after = service.forecast(OFFICE, walkIn("ward.1", NINE), 3).result();
    assertThat(store.recentReads).isEqualTo(4);
    assertThat(after.rawP50Millis()).isEqualTo(before.rawP50Millis());
    // 2000 outcomes: w = 2000 / 2030
    assertThat(after.p50Millis() / (double) after.rawP50Millis()).isCloseTo(1 + 2000 / 2030.0, within(0.001));
    // the balancing advice's newcomer waits too
    Estimate newcomer = service.newcomerWaits(OFFICE).result().get("b"); // 1 ahead, as learnt
    assertThat(newcomer.p50Millis()).isGreaterThan(newcomer.rawP50Millis());
    service.forecast(OFFICE, walkIn("ward.1", NINE), 3).result();
    assertThat(store.recentReads).isEqualTo(4);
  }

  @Test
  void aFailedCalibrationKeepsThePreviousOneAndNeverFailsTheRequest() {
    FakeStore store = new FakeStore();
    store.live = live(Map.of(), Map.of());
    List<Outcome> twice = new ArrayList<>();
    for (int i = 0; i < 500; i++) {
      twice.add(new Outcome(2, 10 * MIN, 15 * MIN, 20 * MIN));
    }
    store.recent.put(DAY, twice);
    MutableClock clock = new MutableClock(NINE);
    PredictionService service = new PredictionService(store, clock, Duration.ofSeconds(1));
    Estimate calibrated = service.forecast(OFFICE, walkIn("ward.1", NINE), 3).result();
    assertThat(calibrated.p50Millis()).isGreaterThan(calibrated.rawP50Millis());
    store.broken = true;
    clock.advance(Duration.ofMinutes(2));
    var again = service.forecast(OFFICE, walkIn("ward.1", NINE), 3);
    assertThat(again.succeeded()).isTrue();
    assertThat(again.result()).isEqualTo(calibrated);
  }
}
