package vn.layso.balance;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.layso.common.Redact;
import vn.layso.live.EventPeek;
import vn.layso.office.OfficeRegistry;
import vn.layso.office.domain.Office;

/**
 * Keeps every office's balancing advice current on this server: every {@link #PERIOD_MILLIS}, and
 * {@link #DEBOUNCE_MILLIS} after a queue event (issue, call, pause, ...: every public live
 * event), however many events came meanwhile. One round at a time per office; events during a round
 * ask for one more after it. Every server runs one: the store step publishes each change once.
 * All its state lives on one context.
 */
public final class BalanceWatcher {

  private static final Logger LOG = LoggerFactory.getLogger(BalanceWatcher.class);
  static final long PERIOD_MILLIS = 30_000;
  static final long DEBOUNCE_MILLIS = 1_000;

  private final Vertx vertx;
  private final Context context;
  private final BalanceService service;
  private final OfficeRegistry offices;
  // context only
  private final Map<String, Office> due = new HashMap<>();
  // the subscription's thread and the context: offices already on their way to an evaluation, so
  // that a busy office (a call publishes two events) costs one hop to the context a round, not one an event
  private final Set<String> signalled = ConcurrentHashMap.newKeySet();
  private final Map<String, Boolean> running = new HashMap<>();
  private long debounceTimer = -1;
  private long periodicTimer = -1;
  private boolean stopped;

  public BalanceWatcher(Vertx vertx, BalanceService service, OfficeRegistry offices) {
    this.vertx = vertx;
    this.context = vertx.getOrCreateContext();
    this.service = service;
    this.offices = offices;
  }

  /** Evaluates every office every {@link #PERIOD_MILLIS}. */
  public void start() {
    context.runOnContext(v -> periodicTimer = vertx.setPeriodic(PERIOD_MILLIS, id -> offices.all().forEach(this::run)));
  }

  public void stop() {
    context.runOnContext(v -> {
      stopped = true;
      vertx.cancelTimer(periodicTimer);
      vertx.cancelTimer(debounceTimer);
    });
  }

  /**
   * The listener for the store's event channel (it runs on the subscription's thread): names the
   * office of each event without parsing the whole message. Its own balance.advice goes out on the
   * staff channel, so it never wakes it.
   */
  public BiConsumer<String, String> listener() {
    return (channel, message) -> {
      String office = EventPeek.office(message);
      if (office != null && signalled.add(office)) {
        context.runOnContext(v -> soon(office));
      }
    };
  }

  /** Evaluates the office within {@link #DEBOUNCE_MILLIS}, together with others that are due. */
  void soon(String officeId) {
    Office office = offices.find(officeId).orElse(null);
    if (office == null || stopped) {
      signalled.remove(officeId);
      return;
    }
    due.put(officeId, office);
    if (debounceTimer < 0) {
      debounceTimer = vertx.setTimer(DEBOUNCE_MILLIS, id -> {
        debounceTimer = -1;
        Map<String, Office> now = new HashMap<>(due);
        due.clear();
        // events from here on start the next round
        now.keySet().forEach(signalled::remove);
        now.values().forEach(this::run);
      });
    }
  }

  private void run(Office office) {
    if (stopped) {
      return;
    }
    if (running.putIfAbsent(office.id(), Boolean.FALSE) != null) {
      running.put(office.id(), Boolean.TRUE); // again after this round
      return;
    }
    service.evaluate(office).onComplete(r -> {
      boolean again = Boolean.TRUE.equals(running.remove(office.id()));
      if (r.failed()) {
        LOG.atWarn().addKeyValue("office", office.id()).addKeyValue("error", Redact.error(r.cause()))
            .log("balancing advice round failed");
      } else if (r.result() == BalanceStore.Outcome.STALE) {
        again = true;
      } else if (r.result() == BalanceStore.Outcome.PUBLISHED) {
        LOG.atDebug().addKeyValue("office", office.id()).log("balancing advice changed");
      }
      if (again) {
        soon(office.id());
      }
    });
  }
}
