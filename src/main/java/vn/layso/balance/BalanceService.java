package vn.layso.balance;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import vn.layso.balance.domain.Advice;
import vn.layso.balance.domain.BalanceAdvisor;
import vn.layso.balance.domain.CounterLoad;
import vn.layso.balance.domain.FieldLoad;
import vn.layso.office.domain.Counter;
import vn.layso.office.domain.Office;
import vn.layso.office.domain.ServiceDef;
import vn.layso.queue.domain.ServiceDay;

/**
 * One round of balancing advice for an office: read its load (one script), predict each field's
 * newcomer wait, let {@link BalanceAdvisor} decide from that and the stored advice, and store the
 * result (publishing balance.advice on the staff channel when it changed, in the same step).
 */
public final class BalanceService {

  private static final long MINUTE = 60_000;

  private final BalanceStore store;
  private final NewcomerWaits waits;
  private final Clock clock;

  public BalanceService(BalanceStore store, NewcomerWaits waits, Clock clock) {
    this.store = store;
    this.waits = waits;
    this.clock = clock;
  }

  /** A round: the load read, the fields and counters as the advisor saw them, what was stored and what it says now. */
  record Round(BalanceStore.Load load, List<FieldLoad> fields, List<CounterLoad> counters, List<Advice> stored,
               List<Advice> advice) {
  }

  /** Evaluates the office now and stores (and publishes) the advice when it changed. */
  public Future<BalanceStore.Outcome> evaluate(Office office) {
    return round(office).compose(r -> store.store(office, r.load().stored().signature(),
        AdviceJson.signature(r.advice()), AdviceJson.write(r.advice()).encode(), clock.instant()));
  }

  /**
   * The office as a manager sees it: the advice as last published (with the numbers of its latest
   * round) and each field's and counter's state now.
   */
  public Future<BalanceView> view(Office office) {
    return round(office).map(r -> {
      List<BalanceView.FieldState> fields = r.fields().stream().map(f -> new BalanceView.FieldState(f.code(), f.name(),
          f.waiting(), BalanceAdvisor.minutesUp(f.predictedMillis()), f.targetMillis() / MINUTE,
          f.predictedMillis() > f.targetMillis(),
          r.counters().stream().filter(c -> c.open() && serves(c, f.code())).count(),
          r.counters().stream().filter(c -> c.idle() && serves(c, f.code())).count())).toList();
      List<BalanceView.CounterState> counters = r.counters().stream()
          .map(c -> new BalanceView.CounterState(c.id(), c.name(), c.open(), c.idle())).toList();
      Instant since = r.load().stored().since();
      return new BalanceView(office.id(), AdviceJson.items(r.stored()),
          since != null && !r.stored().isEmpty()
              ? DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(since.atZone(office.timezone())) : null,
          fields, counters);
    });
  }

  /**
   * The advice as last published, as a balance.advice event (the shape the staff channel carries):
   * what a staff live socket gets when it authenticates and after each snapshot, so it never waits
   * for the next change (and a lost delivery is made good at the next resync).
   */
  public Future<JsonObject> currentEvent(Office office) {
    return store.load(office, ServiceDay.of(clock, office.timezone())).map(load -> {
      List<Advice> stored = AdviceJson.read(office, load.stored().adviceJson());
      Instant since = load.stored().since();
      JsonObject event = new JsonObject().put("type", "balance.advice").put("office", office.id())
          .put("at", (since != null ? since : clock.instant()).toEpochMilli()).put("count", stored.size());
      return stored.isEmpty() ? event : event.put("advice", AdviceJson.write(stored));
    });
  }

  private static boolean serves(CounterLoad counter, String field) {
    return counter.primary().contains(field) || counter.backup().contains(field);
  }

  private Future<Round> round(Office office) {
    return store.load(office, ServiceDay.of(clock, office.timezone())).compose(load ->
        waits.medianMillis(office, load).map(predicted -> {
          List<FieldLoad> fields = office.services().stream().map(s -> field(s, load, predicted)).toList();
          List<CounterLoad> counters = office.counters().stream().map(c -> counter(c, load)).toList();
          List<Advice> stored = AdviceJson.read(office, load.stored().adviceJson());
          return new Round(load, fields, counters, stored, BalanceAdvisor.advise(fields, counters, stored));
        }));
  }

  private static FieldLoad field(ServiceDef s, BalanceStore.Load load, Map<String, Long> predicted) {
    return new FieldLoad(s.code(), s.name(), load.waiting().getOrDefault(s.code(), 0),
        Math.max(0, predicted.getOrDefault(s.code(), 0L)), s.targetWaitMillis());
  }

  private static CounterLoad counter(Counter c, BalanceStore.Load load) {
    BalanceStore.CounterNow now = load.counters().getOrDefault(c.id(), new BalanceStore.CounterNow(false, null));
    return new CounterLoad(c.id(), c.name(), !now.paused(), now.idle(), c.weights().keySet(), c.backup());
  }
}
