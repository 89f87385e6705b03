package vn.layso.office;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps this server's {@link OfficeRegistry} in step with the store: a saved office's id arrives on
 * the config channel and that office is reloaded; in case a message is lost, every
 * {@link #PERIOD_MILLIS} the revisions of all offices are compared with the store's (one read), and
 * pending settings whose day has come are applied in the store (once, whichever server is first).
 */
public final class ConfigWatcher {

  private static final Logger LOG = LoggerFactory.getLogger(ConfigWatcher.class);
  public static final long PERIOD_MILLIS = 1_000;

  private final Vertx vertx;
  private final OfficeStore store;
  private final OfficeRegistry registry;
  private final java.util.concurrent.atomic.AtomicBoolean checking = new java.util.concurrent.atomic.AtomicBoolean();

  public ConfigWatcher(Vertx vertx, OfficeStore store, OfficeRegistry registry) {
    this.vertx = vertx;
    this.store = store;
    this.registry = registry;
  }

  /** The config channel's listener: runs on a Redis thread, so the reload hops onto a Vert.x context. */
  public BiConsumer<String, String> listener() {
    return (channel, office) -> vertx.runOnContext(v -> registry.reload(office)
        .onFailure(t -> LOG.atWarn().addKeyValue("office", office).addKeyValue("error", t.toString())
            .log("office reload failed")));
  }

  /** Starts the periodic check; returns its timer. */
  public long start() {
    return vertx.setPeriodic(PERIOD_MILLIS, id -> check());
  }

  /** One round: reload what changed, apply what became due. A round still running is not overlapped. */
  public Future<Void> check() {
    if (!checking.compareAndSet(false, true)) {
      return Future.succeededFuture();
    }
    Map<String, Long> held = registry.revisions();
    Future<Void> round = store.revisions().compose(stored -> Future.all(stored.entrySet().stream()
            .filter(e -> !Objects.equals(held.get(e.getKey()), e.getValue()))
            .map(e -> registry.reload(e.getKey())).toList()))
        .compose(v -> Future.all(registry.duePending().stream()
            .map(s -> store.applyPending(s.office().id(), registry.today(s.office()))
                .compose(applied -> applied > 0 ? registry.reload(s.office().id()) : Future.succeededFuture()))
            .toList()))
        .<Void>mapEmpty()
        .onFailure(t -> LOG.atWarn().addKeyValue("error", t.toString()).log("settings check failed"));
    return round.onComplete(done -> checking.set(false)).recover(t -> Future.succeededFuture());
  }
}
