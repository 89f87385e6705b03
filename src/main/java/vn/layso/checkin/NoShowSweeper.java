package vn.layso.checkin;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.layso.booking.BookingSection;
import vn.layso.checkin.domain.DueKey;
import vn.layso.common.Redact;
import vn.layso.office.OfficeRegistry;
import vn.layso.office.domain.Office;

/**
 * Every {@link #PERIOD_MILLIS}, in every office, marks NO_SHOW the appointments whose check-in
 * window has ended (now after slot start + checkInLateMinutes, office time) without a check-in,
 * and gives their places in the slot back (no_show_sweep.lua). The script changes only BOOKED
 * records, so any number of servers may sweep at once: each appointment changes once.
 */
public final class NoShowSweeper {

  private static final Logger LOG = LoggerFactory.getLogger(NoShowSweeper.class);
  static final long PERIOD_MILLIS = 30_000;
  private static final int BATCH = 200;

  private final CheckInStore store;
  private final OfficeRegistry offices;
  private final Clock clock;
  private final AtomicReference<Future<Integer>> running = new AtomicReference<>();

  public NoShowSweeper(CheckInStore store, OfficeRegistry offices, Clock clock) {
    this.store = store;
    this.offices = offices;
    this.clock = clock;
  }

  /** Sweeps every {@link #PERIOD_MILLIS}; returns the timer. */
  public long start(Vertx vertx) {
    return vertx.setPeriodic(PERIOD_MILLIS, id -> sweep());
  }

  /** One sweep of every office; how many appointments it marked. A call during a run joins it. */
  public Future<Integer> sweep() {
    var mine = io.vertx.core.Promise.<Integer>promise();
    Future<Integer> current = running.compareAndExchange(null, mine.future());
    if (current != null) {
      return current;
    }
    Future<Integer> chain = Future.succeededFuture(0);
    for (Office office : offices.all()) {
      chain = chain.compose(total -> sweep(office).map(n -> total + n).recover(t -> {
        LOG.atWarn().addKeyValue("office", office.id()).addKeyValue("error", Redact.error(t)).log("no-show sweep failed");
        return Future.succeededFuture(total);
      }));
    }
    chain.onComplete(done -> {
      running.set(null);
      mine.complete(done.succeeded() ? done.result() : 0);
    });
    return mine.future();
  }

  private Future<Integer> sweep(Office office) {
    long endedBy = DueKey.endedBy(clock.instant(), office.timezone(), BookingSection.of(office).checkInLateMinutes());
    return store.sweepNoShows(office.id(), endedBy, clock.instant(), BATCH).compose(s -> {
      if (s.marked() > 0) {
        LOG.atInfo().addKeyValue("office", office.id()).addKeyValue("marked", s.marked()).log("no-shows marked");
      }
      return s.more() ? sweep(office).map(n -> n + s.marked()) : Future.succeededFuture(s.marked());
    });
  }
}
