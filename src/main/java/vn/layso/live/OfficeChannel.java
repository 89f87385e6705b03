package vn.layso.live;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.layso.live.domain.EpochWatch;
import vn.layso.office.domain.Office;

/**
 * One office's live stream on this server. Its sockets are grouped by the event-loop thread they
 * live on (not by context: Vert.x gives every request, so every socket, a context of its own), so
 * an event costs one task per event loop, not one per socket; each group's list is only touched on
 * its own loop. The version bookkeeping ({@link EpochWatch}) and the shared snapshot live on the
 * hub's context.
 */
final class OfficeChannel {

  private static final Logger LOG = LoggerFactory.getLogger(OfficeChannel.class);

  /** The sockets of one office on one event loop; changed and read only on that loop. */
  private static final class LoopGroup {
    /** A context on the loop (its first socket's) to run the group's tasks. */
    private final Context context;
    private volatile List<LiveSession> sessions = List.of();

    private LoopGroup(Context context) {
      this.context = context;
    }
  }

  private final String id;
  private final Context hub;
  private final Function<Office, Future<JsonObject>> states;
  private final LiveStore store;
  private final Map<Thread, LoopGroup> groups = new ConcurrentHashMap<>();
  private final AtomicInteger open = new AtomicInteger();
  private volatile Office office;
  // hub context only
  private final EpochWatch watch = new EpochWatch();
  private LiveSnapshot cached;
  private Future<LiveSnapshot> inFlight;
  private long inFlightKnown;

  OfficeChannel(Office office, Context hub, Function<Office, Future<JsonObject>> states, LiveStore store) {
    this.id = office.id();
    this.office = office;
    this.hub = hub;
    this.states = states;
    this.store = store;
  }

  String id() {
    return id;
  }

  /** The office as configured now (names and voice). */
  Office office() {
    return office;
  }

  /** The office as configured now (names for the next snapshot). */
  void office(Office current) {
    office = current;
  }

  /** On the socket's event loop ({@code context}): the socket receives this office's events from now on. */
  void join(LiveSession session, Context context) {
    LoopGroup group = groups.computeIfAbsent(Thread.currentThread(), loop -> new LoopGroup(context));
    List<LiveSession> more = new ArrayList<>(group.sessions);
    more.add(session);
    group.sessions = List.copyOf(more);
    open.incrementAndGet();
  }

  /**
   * On the socket's event loop: the socket receives nothing more. When the office's last socket
   * here has gone, the shared snapshot is dropped: with no socket, the heartbeat stops checking the
   * office, so a lost delivery could leave the snapshot older than the store.
   */
  void leave(LiveSession session) {
    LoopGroup group = groups.get(Thread.currentThread());
    List<LiveSession> fewer = new ArrayList<>(group.sessions);
    if (fewer.remove(session)) {
      group.sessions = List.copyOf(fewer);
      if (open.decrementAndGet() == 0) {
        hub.runOnContext(v -> {
          if (open.get() == 0) {
            cached = null;
          }
        });
      }
    }
  }

  /** Every socket of the office on this server, for counting and closing (any thread). */
  List<LiveSession> sessions() {
    return groups.values().stream().flatMap(g -> g.sessions.stream()).toList();
  }

  /** On the hub: an event from the store goes to every socket, each on its own loop. */
  void publish(LiveEvent event) {
    if (watch.onEvent(event.epoch(), event.version())) {
      renew(event.epoch(), event.version());
    }
    toSessions(session -> session.onDelta(event));
  }

  /** On the hub: a staff-only event goes to the office's staff sockets (each session decides). */
  void publishStaff(String text) {
    SharedFrame frame = SharedFrame.of(text);
    toSessions(session -> session.onStaff(frame));
  }

  /**
   * On the hub, every few seconds while the office has sockets here: reads the stored version and
   * epoch, renews the epoch if the version went backwards, and lets each socket check itself.
   */
  void heartbeat() {
    if (open.get() == 0) {
      return;
    }
    EpochWatch.Mark before = watch.mark();
    store.stored(id).onSuccess(stored -> {
      if (watch.onRead(stored.epoch(), stored.version(), before)) {
        renew(stored.epoch(), stored.version());
        return;
      }
      long settled = watch.settled();
      toSessions(session -> session.onHeartbeat(settled, stored.epoch()));
    });
  }

  private void renew(String epoch, long version) {
    LOG.atWarn().addKeyValue("office", id).addKeyValue("version", version).addKeyValue("replacedEpoch", epoch)
        .log("live version went backwards; starting a new epoch so every screen resyncs");
    store.renewEpoch(id, epoch).onSuccess(renewed -> {
      watch.renewed(renewed, version);
      toSessions(session -> session.onHeartbeat(-1, renewed));
    });
  }

  private void toSessions(Consumer<LiveSession> action) {
    for (LoopGroup group : groups.values()) {
      if (!group.sessions.isEmpty()) {
        group.context.runOnContext(v -> group.sessions.forEach(action));
      }
    }
  }

  /**
   * A snapshot no older than anything this server knows of the office. It is read and encoded once
   * and shared: by every socket that asks until a newer version is known, and, while it is being
   * read, by every socket that asks meanwhile if nothing newer arrived since the read began.
   * Completes on the hub's context; callers move back to their own.
   */
  Future<LiveSnapshot> snapshot() {
    Promise<LiveSnapshot> result = Promise.promise();
    hub.runOnContext(v -> shared().onComplete(result));
    return result.future();
  }

  private Future<LiveSnapshot> shared() {
    long known = watch.known();
    if (cached != null && Objects.equals(cached.epoch(), watch.epoch()) && cached.version() >= known) {
      return Future.succeededFuture(cached);
    }
    if (inFlight != null && inFlightKnown >= known) {
      return inFlight;
    }
    Office current = office;
    Future<LiveSnapshot> read = states.apply(current).map(state -> LiveSnapshot.of(current, state));
    inFlight = read;
    inFlightKnown = known;
    read.onComplete(r -> {
      if (inFlight == read) {
        inFlight = null;
      }
      if (r.succeeded()) {
        LiveSnapshot s = r.result();
        watch.onSnapshot(s.epoch(), s.version());
        if (cached == null || !Objects.equals(cached.epoch(), s.epoch()) || s.version() >= cached.version()) {
          cached = s;
        }
      }
    });
    return read;
  }
}
