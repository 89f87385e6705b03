package vn.layso.live;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.json.JsonObject;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.layso.common.Redact;
import vn.layso.live.domain.SocketLimits;
import vn.layso.office.domain.Office;

/**
 * Live fan-out. The store appends every state change to the office's event log and publishes it
 * once; this JVM's single subscription reads each event once (office, version, epoch), adds its
 * announcement, and encodes it once into a {@link SharedFrame}; the office's {@link OfficeChannel}
 * passes it to each event loop that holds sockets of the office (one task per loop, not per socket),
 * and there each socket ({@link LiveSession}: a snapshot first, or the gap its client asked for, then
 * versioned deltas; a socket that falls behind gets the deltas it missed replayed from memory or the
 * log) writes the same bytes: lobby screens and phones alike cost a frame object and a system call
 * each, no JSON or UTF-8 work. See docs/live.md.
 */
public final class LiveHub {

  private static final Logger LOG = LoggerFactory.getLogger(LiveHub.class);
  /** How often each office's stored version and epoch are compared with what its sockets have. */
  static final long HEARTBEAT_MILLIS = 2_000;

  private final Context context;
  private final Function<Office, Future<JsonObject>> states;
  private final LiveStore store;
  private final SocketLimits limits;
  private final Map<String, OfficeChannel> channels = new ConcurrentHashMap<>();
  private volatile long heartbeatTimer = -1;
  private volatile StaffAccess staff = StaffAccess.NONE;

  /**
   * @param states an office's live state at one version (snapshot.lua)
   * @param limits open sockets in all and per client address
   */
  public LiveHub(Vertx vertx, Function<Office, Future<JsonObject>> states, LiveStore store, SocketLimits limits) {
    this.context = vertx.getOrCreateContext();
    this.states = states;
    this.store = store;
    this.limits = limits;
  }

  /**
   * Deliveries can be lost (a pub/sub message during a reconnect, a burst that overflows a
   * socket's queue) and a lost last delta leaves no gap to notice; the store's version can also go
   * backwards. So every few seconds each office's stored version and epoch are read and checked.
   */
  public void startHeartbeat() {
    context.runOnContext(v -> heartbeatTimer = context.owner().setPeriodic(HEARTBEAT_MILLIS,
        id -> channels.values().forEach(OfficeChannel::heartbeat)));
  }

  /** Who may open the staff channel on a live socket, and what a staff socket is told first. */
  public void staff(StaffAccess access) {
    this.staff = access;
  }

  /**
   * The listener for the store's staff-only channel (balance.advice, unversioned): each message goes
   * to the office's authenticated staff sockets only. Runs on the store's I/O thread.
   */
  public BiConsumer<String, String> staffListener() {
    return (channel, message) -> {
      String id = EventPeek.office(message);
      OfficeChannel office = id == null ? null : channels.get(id);
      if (office != null) {
        context.runOnContext(v -> office.publishStaff(message));
      }
    };
  }

  /** The listener to give the store's subscription; it runs on the store's I/O thread. */
  public BiConsumer<String, String> listener() {
    return (channel, message) -> {
      if (channels.isEmpty()) {
        return; // no socket ever opened in this process: nothing to fan out, no need to parse
      }
      try {
        LiveEvent event = LiveEvent.parse(message, id -> {
          OfficeChannel known = channels.get(id);
          return known == null ? null : known.office();
        });
        OfficeChannel office = event == null ? null : channels.get(event.office());
        if (office != null) {
          context.runOnContext(v -> office.publish(event));
        }
      } catch (RuntimeException malformed) {
        LOG.atWarn().addKeyValue("error", Redact.error(malformed)).log("dropped a malformed live event");
      }
    };
  }

  /** Reserves a place for a socket from a client address, before the upgrade. */
  public SocketLimits.Verdict reserve(String address) {
    return limits.reserve(address);
  }

  /** Gives back a place reserved for an upgrade that did not happen. */
  public void release(String address) {
    limits.release(address);
  }

  /**
   * On the socket's context: the socket, whose place is reserved, starts with a snapshot, or, when
   * its client says what it has ({@code since} of {@code epoch}, both or neither), with the gap.
   */
  public void attach(Office office, ServerWebSocket socket, String address, Long since, String epoch) {
    OfficeChannel channel = channels.computeIfAbsent(office.id(),
        id -> new OfficeChannel(office, context, states, store));
    channel.office(office);
    Context here = Vertx.currentContext();
    LiveSession.Resume resume = since != null && epoch != null ? new LiveSession.Resume(since, epoch) : null;
    new LiveSession(here, channel, socket, () -> limits.release(address), staff, resume).start();
  }

  public int openSockets() {
    return limits.open();
  }

  /** Bytes written to live sockets and not yet sent out to the network, over all of them. */
  public long queuedBytes() {
    return channels.values().stream().flatMap(c -> c.sessions().stream())
        .mapToLong(LiveSession::queuedBytes).sum();
  }

  /** Closes every socket with 1012 (service restart) so screens reconnect, possibly elsewhere. */
  public void closeAll() {
    context.owner().cancelTimer(heartbeatTimer);
    channels.values().forEach(c -> c.sessions().forEach(LiveSession::closeForRestart));
  }
}
