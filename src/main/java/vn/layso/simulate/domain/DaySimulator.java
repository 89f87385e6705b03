package vn.layso.simulate.domain;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import vn.layso.predict.domain.Calibration;
import vn.layso.queue.domain.Estimate;
import vn.layso.predict.domain.Outcome;
import vn.layso.simulate.domain.CounterSpec.Break;
import vn.layso.simulate.domain.Scenario.Session;

/**
 * Discrete-event simulation of one day: an event queue in simulated time (no wall clock). Events
 * at the same instant run in a fixed order: service ends, then counters closing, pausing,
 * resuming and opening, then arrivals, then idle counters' retries and the fairness audit.
 * <ul>
 *   <li>An arriving ticket gets its prediction, joins its field's queue and is offered to the
 *       idle counters that may take it now, longest idle first (those that may serve its field
 *       only later, as a backup, look again when the dispatch says).</li>
 *   <li>A counter that becomes free calls next through the {@link Dispatch}; one that may serve a
 *       waiting ticket but did not get one (a backup field under target) tries again when the
 *       dispatch says something may have changed (the server's policy: when that ticket reaches
 *       its target), by default every {@link #POLL_MILLIS}.</li>
 *   <li>A call takes the ticket's service time over the counter's speed; a no-show takes the
 *       scenario's no-show minutes (called, recalled, marked).</li>
 *   <li>A break that starts while the counter serves begins when it finishes, and still ends on
 *       time. At a session's end counters stop taking new arrivals but call everyone already
 *       holding a number that they may serve, then leave.</li>
 *   <li>Service times feed the predictor's inputs as the server keeps them ({@link ForecastInputs}).</li>
 *   <li>Predictions are calibrated as the server calibrates them ({@link Calibration}, by people
 *       ahead and field): from yesterday's outcomes when the day is run after one (a server keeps
 *       yesterday's record), else from none, like a fresh server; the correction is rebuilt at most
 *       every {@link #CALIBRATE_MILLIS} from the last raw predictions and actual waits of the tickets
 *       called so far. A ticket keeps both the raw and the calibrated prediction.</li>
 * </ul>
 */
public final class DaySimulator {

  public static final long POLL_MILLIS = 30_000;
  public static final long AUDIT_MILLIS = 60_000;
  /** How often the day's calibration is rebuilt (simulated time). */
  public static final long CALIBRATE_MILLIS = 30 * 60_000;

  private static final int END = 0;
  private static final int CLOSE = 1;
  private static final int PAUSE = 2;
  private static final int RESUME = 3;
  private static final int OPEN = 4;
  private static final int ARRIVAL = 5;
  private static final int POLL = 6;
  private static final int AUDIT = 7;

  private record Event(long time, int kind, int who, long seq) {
  }

  private static final Comparator<Event> EVENT_ORDER = Comparator.comparingLong(Event::time)
      .thenComparingInt(Event::kind).thenComparingLong(Event::seq);

  private final Scenario scenario;
  private final Dispatch dispatch;
  private final WaitForecast forecast;
  private final List<SimTicket> tickets = new ArrayList<>();
  private final Queues queues;
  private final PriorityQueue<Event> events = new PriorityQueue<>(EVENT_ORDER);
  private final int counters;
  private final long[] targetMillis;
  private final boolean[] inSession;
  private final boolean[] open;
  private final boolean[] closing;
  private final boolean[] pauseRequested;
  private final boolean[] pollPending;
  private final int[] current;
  private final long[] idleSince;
  private final long[] openSince;
  private final long[] serviceEnd;
  private final long[] busyMillis;
  private final long[] availableMillis;
  private final int[] served;
  private final ForecastInputs inputs;
  private final List<Outcome> outcomes = new ArrayList<>();
  private final String[] fieldCodes;
  /** How many of {@link #outcomes} are yesterday's. */
  private final int yesterday;
  private Calibration calibration = Calibration.NONE;
  private long calibrateAt = Long.MIN_VALUE;
  private long seq;
  private long now;
  private int otherEvents;

  private DaySimulator(Scenario scenario, List<TraceTicket> trace, Dispatch dispatch, WaitForecast forecast,
                       List<Outcome> yesterday) {
    this.scenario = scenario;
    this.outcomes.addAll(yesterday);
    this.yesterday = yesterday.size();
    this.dispatch = dispatch;
    this.forecast = forecast;
    int fields = scenario.fields().size();
    counters = scenario.counters().size();
    queues = new Queues(fields, tickets);
    targetMillis = scenario.fields().stream().mapToLong(f -> f.targetMinutes() * 60_000L).toArray();
    fieldCodes = scenario.fields().stream().map(f -> f.code()).toArray(String[]::new);
    inSession = new boolean[counters];
    open = new boolean[counters];
    closing = new boolean[counters];
    pauseRequested = new boolean[counters];
    pollPending = new boolean[counters];
    current = new int[counters];
    idleSince = new long[counters];
    openSince = new long[counters];
    serviceEnd = new long[counters];
    busyMillis = new long[counters];
    availableMillis = new long[counters];
    served = new int[counters];
    inputs = new ForecastInputs(scenario, dispatch);
    Arrays.fill(current, -1);
    int[] seqs = new int[fields];
    for (TraceTicket t : trace) {
      int f = scenario.fieldIndex(t.field());
      SimTicket st = new SimTicket(tickets.size(), t, f, ++seqs[f]);
      tickets.add(st);
      schedule(t.issuedMillis(), ARRIVAL, st.index);
    }
    for (int c = 0; c < counters; c++) {
      CounterSpec spec = scenario.counters().get(c);
      for (Session s : scenario.sessions()) {
        long start = Math.min(s.endMinute(), s.startMinute() + spec.lateMinutes()) * 60_000L;
        schedule(start, OPEN, c);
        schedule(s.endMinute() * 60_000L, CLOSE, c);
        for (Break b : spec.breaks()) {
          if (s.contains(b.startMinute()) && b.startMinute() >= s.startMinute() + spec.lateMinutes()) {
            schedule(b.startMinute() * 60_000L, PAUSE, c);
            schedule(Math.min(s.endMinute(), b.startMinute() + b.minutes()) * 60_000L, RESUME, c);
          }
        }
      }
    }
    schedule(scenario.firstMinute() * 60_000L, AUDIT, -1);
  }

  /** Runs one day; the trace must belong to the scenario's fields. */
  public static DayResult run(Scenario scenario, List<TraceTicket> trace, Dispatch dispatch, WaitForecast forecast) {
    return run(scenario, trace, dispatch, forecast, List.of());
  }

  /**
   * Runs one day after a day that left {@code yesterday}'s outcomes (a {@link DayResult#outcomes()}):
   * the calibration starts from them, as a server's starts from yesterday's record.
   */
  public static DayResult run(Scenario scenario, List<TraceTicket> trace, Dispatch dispatch, WaitForecast forecast,
                              List<Outcome> yesterday) {
    return new DaySimulator(scenario, trace, dispatch, forecast, yesterday).run();
  }

  private DayResult run() {
    while (!events.isEmpty()) {
      Event e = events.poll();
      now = e.time();
      if (e.kind() != AUDIT) {
        otherEvents--;
      }
      switch (e.kind()) {
        case END -> end(e.who());
        case CLOSE -> close(e.who());
        case PAUSE -> pause(e.who());
        case RESUME -> resume(e.who());
        case OPEN -> open(e.who());
        case ARRIVAL -> arrive(tickets.get(e.who()));
        case POLL -> {
          pollPending[e.who()] = false;
          tryCall(e.who());
        }
        case AUDIT -> audit();
        default -> throw new IllegalStateException("unknown event " + e.kind());
      }
    }
    for (SimTicket t : tickets) {
      if (t.outcome == SimTicket.Outcome.WAITING) {
        t.outcome = SimTicket.Outcome.UNSERVED;
      }
    }
    return new DayResult(scenario, List.copyOf(tickets), busyMillis.clone(), availableMillis.clone(), served.clone(),
        now, List.copyOf(outcomes.subList(yesterday, outcomes.size())));
  }

  private void schedule(long time, int kind, int who) {
    events.add(new Event(time, kind, who, seq++));
    if (kind != AUDIT) {
      otherEvents++;
    }
  }

  private void arrive(SimTicket t) {
    if (!t.trace.appointment()) {
      predict(t);
    }
    queues.add(t);
    List<Integer> idle = new ArrayList<>();
    for (int c = 0; c < counters; c++) {
      if (open[c] && current[c] < 0 && dispatch.mayServe(c, t.field)) {
        if (dispatch.takesNewTickets(c, t.field)) {
          idle.add(c);
        } else {
          retryLater(c);
        }
      }
    }
    idle.sort(Comparator.comparingLong((Integer c) -> idleSince[c]).thenComparingInt(c -> c));
    for (int c : idle) {
      if (t.calledAt >= 0) {
        break;
      }
      tryCall(c);
    }
  }

  private void tryCall(int c) {
    if (current[c] >= 0 || !(open[c] || closing[c])) {
      return;
    }
    SimTicket t = dispatch.next(c, now, queues);
    if (t == null) {
      if (closing[c]) {
        closing[c] = false;
      } else if (waitingFor(c)) {
        retryLater(c);
      }
      return;
    }
    queues.remove(t);
    t.calledAt = now;
    if (t.predicted()) {
      // the server settles the prediction at the call, from the raw model's values
      outcomes.add(new Outcome(t.predictedAhead, t.rawP50, t.rawP90, t.waitMillis(), fieldCodes[t.field]));
    }
    t.counter = c;
    current[c] = t.index;
    long duration = t.trace.noShow() ? Math.round(scenario.visit().noShowMinutes() * 60_000)
        : Math.max(1_000, Math.round(t.trace.serviceMinutes() * 60_000 / scenario.counters().get(c).speed()));
    busyMillis[c] += duration;
    serviceEnd[c] = now + duration;
    if (closing[c]) {
      availableMillis[c] += duration;
    }
    schedule(now + duration, END, c);
  }

  private void retryLater(int c) {
    if (!pollPending[c]) {
      long at = dispatch.retryAt(c, now, queues);
      if (at != Long.MAX_VALUE) {
        pollPending[c] = true;
        schedule(at, POLL, c);
      }
    }
  }

  private boolean waitingFor(int c) {
    for (int f = 0; f < queues.fields(); f++) {
      if (queues.waiting(f) > 0 && dispatch.mayServe(c, f)) {
        return true;
      }
    }
    return false;
  }

  private void end(int c) {
    SimTicket t = tickets.get(current[c]);
    t.endAt = now;
    if (t.trace.noShow()) {
      t.outcome = SimTicket.Outcome.NO_SHOW;
    } else {
      t.outcome = SimTicket.Outcome.SERVED;
      inputs.learn(c, t.field, now - t.calledAt);
    }
    current[c] = -1;
    served[c]++;
    idleSince[c] = now;
    if (pauseRequested[c]) {
      pauseRequested[c] = false;
      open[c] = false;
      availableMillis[c] += now - openSince[c];
    } else {
      tryCall(c);
    }
  }

  private void open(int c) {
    inSession[c] = true;
    open[c] = true;
    closing[c] = false;
    openSince[c] = now;
    idleSince[c] = now;
    tryCall(c);
  }

  private void close(int c) {
    inSession[c] = false;
    pauseRequested[c] = false;
    if (open[c]) {
      // a service that runs past the session's end is overtime the counter was available for
      availableMillis[c] += now - openSince[c] + (current[c] >= 0 ? serviceEnd[c] - now : 0);
      open[c] = false;
    }
    closing[c] = true;
    tryCall(c);
  }

  private void pause(int c) {
    if (!open[c]) {
      return;
    }
    if (current[c] >= 0) {
      pauseRequested[c] = true;
    } else {
      open[c] = false;
      availableMillis[c] += now - openSince[c];
    }
  }

  private void resume(int c) {
    if (pauseRequested[c]) {
      pauseRequested[c] = false;
      return;
    }
    if (inSession[c] && !open[c]) {
      open[c] = true;
      openSince[c] = now;
      idleSince[c] = now;
      tryCall(c);
    }
  }

  /** Marks waiting tickets over twice their target while a counter that may serve them idles. */
  private void audit() {
    List<Integer> idle = new ArrayList<>();
    for (int c = 0; c < counters; c++) {
      if (open[c] && current[c] < 0) {
        idle.add(c);
      }
    }
    if (!idle.isEmpty()) {
      for (int f = 0; f < queues.fields(); f++) {
        int field = f;
        boolean someoneIdle = idle.stream().anyMatch(c -> dispatch.mayServe(c, field));
        if (someoneIdle && queues.waiting(f) > 0) {
          queues.forEachWaiting(f, t -> {
            if (now - t.effectiveArrival() > 2 * targetMillis[field]) {
              t.neglected = true;
            }
          });
        }
      }
    }
    if (otherEvents > 0) {
      schedule(now + AUDIT_MILLIS, AUDIT, -1);
    }
  }

  private void predict(SimTicket t) {
    int ahead = queues.ahead(t, now);
    boolean[] onBreak = new boolean[counters];
    boolean[] busy = new boolean[counters];
    for (int c = 0; c < counters; c++) {
      onBreak[c] = inSession[c] && !open[c];
      busy[c] = current[c] >= 0 || !inSession[c];
    }
    Estimate raw = forecast.predict(inputs.state(queues, onBreak, busy), t.trace.field(), ahead);
    if (now >= calibrateAt) {
      calibration = Calibration.of(outcomes);
      calibrateAt = now + CALIBRATE_MILLIS;
    }
    Estimate e = calibration.apply(raw, fieldCodes[t.field]);
    t.predictedAhead = ahead;
    t.predictedP50 = e.p50Millis();
    t.predictedP90 = e.p90Millis();
    t.rawP50 = e.rawP50Millis();
    t.rawP90 = e.rawP90Millis();
  }
}
