package vn.layso.live;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.json.JsonObject;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
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
 * One office's live stream on this server. It keeps the last {@link #RECENT} events it received
 * (contiguous, one epoch), so that a socket that skipped deltas is repaired from memory; a gap
 * this server did not receive either (a lost delivery) is read from the office's event log in
 * Redis, once for every socket that asks for the same gap meanwhile. Its sockets are grouped by the event-loop thread they
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

  /** Events kept in memory for repairs. */
  static final int RECENT = 256;
  /** Most deltas a socket is sent to repair a gap: past it, a snapshot is smaller. */
  static final int MAX_REPLAY = 200;

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
  private final ArrayDeque<LiveEvent> recent = new ArrayDeque<>();
  private final Map<String, Future<List<LiveEvent>>> gapReads = new HashMap<>();

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
    remember(event);
    toSessions(session -> session.onDelta(event));
  }

  private void remember(LiveEvent event) {
    LiveEvent last = recent.peekLast();
    if (last != null && (!Objects.equals(last.epoch(), event.epoch()) || event.version() != last.version() + 1)) {
      recent.clear();
    }
    recent.addLast(event);
    if (recent.size() > RECENT) {
      recent.removeFirst();
    }
  }

  /**
   * The deltas of {@code epoch} after version {@code after}, in order, up to the latest this server
   * knows; null when they cannot be replayed (another epoch, gone from the log, more than
   * {@link #MAX_REPLAY}): a snapshot is due. Completes on the hub's context.
   */
  Future<List<LiveEvent>> replay(String epoch, long after) {
    Promise<List<LiveEvent>> result = Promise.promise();
    hub.runOnContext(v -> gap(epoch, after).onComplete(result));
    return result.future();
  }

  private Future<List<LiveEvent>> gap(String epoch, long after) {
    LiveEvent last = recent.peekLast();
    // from memory when this server holds every event after the socket's up to the latest it knows
    // of, or at least some (the later ones are on their way, or, if lost, the next repair reads the
    // log: it finds nothing newer here then)
    if (last != null && Objects.equals(last.epoch(), epoch) && after + 1 >= recent.peekFirst().version()
        && (after < last.version() || after == last.version() && last.version() >= watch.known())) {
      if (last.version() - after > MAX_REPLAY) {
        return Future.succeededFuture(null);
      }
      List<LiveEvent> missed = new ArrayList<>();
      recent.forEach(e -> {
        if (e.version() > after) {
          missed.add(e);
        }
      });
      return Future.succeededFuture(missed);
    }
    String key = epoch + "/" + after;
    Future<List<LiveEvent>> reading = gapReads.get(key);
    if (reading != null) {
      return reading;
    }
    Office current = office;
    Future<List<LiveEvent>> read = store.gap(id, after, MAX_REPLAY).map(gap -> events(gap, epoch, after, current));
    gapReads.put(key, read);
    read.onComplete(r -> gapReads.remove(key));
    return read;
  }

  /** The logged events as deltas, or null unless they are exactly the ones after {@code after} in {@code epoch}. */
  private static List<LiveEvent> events(LiveStore.Gap gap, String epoch, long after, Office office) {
    if (!Objects.equals(gap.epoch(), epoch) || gap.version() < after) {
      return null;
    }
    if (gap.version() > after && gap.events().isEmpty()) {
      return null;
    }
    List<LiveEvent> out = new ArrayList<>(gap.events().size());
    for (String json : gap.events()) {
      LiveEvent event = LiveEvent.parse(json, id -> office);
      if (event == null || !Objects.equals(event.epoch(), epoch) || event.version() != after + out.size() + 1) {
        return null;
      }
      out.add(event);
    }
    return out;
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
