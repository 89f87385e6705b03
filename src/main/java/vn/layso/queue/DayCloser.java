package vn.layso.queue;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.time.LocalDate;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.layso.common.Redact;
import vn.layso.office.OfficeRegistry;
import vn.layso.office.domain.Office;
import vn.layso.queue.domain.ServiceDay;

/**
 * Closes every office's service days once their midnight has passed (office time zone): tickets
 * still open end EXPIRED, counters start the new day empty, screens are told (day.closed), and then
 * the day's history is archived. It runs at start, so a server that was down at midnight closes
 * the days it missed, and then every {@link #PERIOD_MILLIS}. Closing is decided in the store
 * (close_day.lua), so any number of servers may run it at once: each day closes exactly once.
 */
public final class DayCloser {

  private static final Logger LOG = LoggerFactory.getLogger(DayCloser.class);
  static final long PERIOD_MILLIS = 30_000;
  /** Tickets expired per script call, so a huge day never holds Redis for long. */
  private static final int BATCH = 500;

  private final QueueStore store;
  private final OfficeRegistry offices;
  private final Clock clock;
  private final BiFunction<Office, LocalDate, Future<Void>> afterClose;
  /** What follows a closed day is being done elsewhere (another server holds it): try at the next run. */
  public static final class Busy extends RuntimeException {
    public Busy(String message) {
      super(message, null, false, false);
    }
  }

  private final AtomicReference<Future<Void>> running = new AtomicReference<>();

  /** @param afterClose what follows a closed day (the history's summary and archive); must be idempotent */
  public DayCloser(QueueStore store, OfficeRegistry offices, Clock clock,
                   BiFunction<Office, LocalDate, Future<Void>> afterClose) {
    this.store = store;
    this.offices = offices;
    this.clock = clock;
    this.afterClose = afterClose;
  }

  /** Runs {@link #closePastDays()} every {@link #PERIOD_MILLIS} (the start runs it once first); returns the timer. */
  public long start(Vertx vertx) {
    return vertx.setPeriodic(PERIOD_MILLIS, id -> closePastDays());
  }

  /** Closes every day before today, in every office; a call during a run in this process joins that run. */
  public Future<Void> closePastDays() {
    Promise<Void> mine = Promise.promise();
    Future<Void> current = running.compareAndExchange(null, mine.future());
    if (current != null) {
      return current;
    }
    Future<Void> chain = Future.succeededFuture();
    for (Office office : offices.all()) {
      chain = chain.compose(v -> closePastDays(office)).recover(t -> {
        if (t instanceof Busy) {
          LOG.atInfo().addKeyValue("office", office.id()).addKeyValue("reason", t.getMessage())
              .log("day left for the next run");
        } else {
          LOG.atWarn().addKeyValue("office", office.id()).addKeyValue("error", Redact.error(t)).log("day close failed");
        }
        return Future.succeededFuture();
      });
    }
    chain.onComplete(done -> {
      running.set(null);
      mine.complete();
    });
    return mine.future();
  }

  private Future<Void> closePastDays(Office office) {
    LocalDate today = ServiceDay.of(clock, office.timezone());
    return store.openDays(office.id()).compose(days -> {
      Future<Void> chain = Future.succeededFuture();
      for (LocalDate day : days) {
        if (day.isBefore(today)) {
          chain = chain.compose(v -> close(office, day, 0)).compose(v -> afterClose.apply(office, day))
              .compose(v -> store.forgetDay(office.id(), day));
        }
      }
      return chain;
    });
  }

  private Future<Void> close(Office office, LocalDate day, int cursor) {
    return store.closeDay(office, day, clock.instant(), cursor, BATCH).compose(result -> {
      if (!result.closed()) {
        return close(office, day, result.next());
      }
      if (!result.already()) {
        LOG.atInfo().addKeyValue("office", office.id()).addKeyValue("day", day)
            .addKeyValue("expired", result.expired()).log("service day closed");
      }
      return Future.succeededFuture();
    });
  }
}
