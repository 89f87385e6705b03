package vn.layso.live;

import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.layso.office.domain.Office;

/**
 * Live fan-out: the store publishes every state change once; this JVM's single subscription
 * republishes it on the local event bus under the office's address, where each open socket
 * listens. Each socket is a {@link LiveSession} that starts from a snapshot and then follows
 * versioned deltas.
 */
public final class LiveHub {

  private static final Logger LOG = LoggerFactory.getLogger(LiveHub.class);
  static final String VERSION_HEADER = "version";
  static final String HEARTBEAT_HEADER = "heartbeat";
  /** How often each office's stored version is compared with what its sockets have sent. */
  static final long HEARTBEAT_MILLIS = 2_000;

  private final Vertx vertx;
  private final Function<Office, Future<JsonObject>> snapshots;
  private final Function<String, Future<Long>> versions;
  private final int maxSockets;
  private final Set<LiveSession> sessions = ConcurrentHashMap.newKeySet();
  private long heartbeatTimer = -1;

  /**
   * @param snapshots an office's live state at one version
   * @param versions  an office's current version in the store
   * @param maxSockets open sockets this server accepts; past it new screens get 503 and retry
   */
  public LiveHub(Vertx vertx, Function<Office, Future<JsonObject>> snapshots,
                 Function<String, Future<Long>> versions, int maxSockets) {
    this.vertx = vertx;
    this.snapshots = snapshots;
    this.versions = versions;
    this.maxSockets = maxSockets;
  }

  /**
   * Deliveries can be lost (a pub/sub message during a reconnect, a burst that overflows a
   * socket's queue) and a lost last delta leaves no gap to notice. So every few seconds each
   * office's stored version goes to its sockets as a heartbeat; one that is behind resyncs.
   */
  public void startHeartbeat() {
    heartbeatTimer = vertx.setPeriodic(HEARTBEAT_MILLIS, id -> sessions.stream().map(LiveSession::office)
        .distinct().forEach(office -> versions.apply(office).onSuccess(version ->
            vertx.eventBus().publish(address(office), "", new DeliveryOptions().setLocalOnly(true)
                .addHeader(VERSION_HEADER, Long.toString(version)).addHeader(HEARTBEAT_HEADER, "1")))));
  }

  static String address(String office) {
    return "layso.live." + office;
  }

  /** The listener to give the store's subscription; it runs on the store's I/O thread. */
  public BiConsumer<String, String> listener() {
    return (channel, message) -> {
      if (sessions.isEmpty()) {
        return; // no socket in this process: nothing to fan out, no need to parse
      }
      try {
        JsonObject event = new JsonObject(message);
        String office = event.getString("office");
        Long version = event.getLong("version");
        if (office != null && version != null) {
          vertx.eventBus().publish(address(office), message,
              new DeliveryOptions().setLocalOnly(true).addHeader(VERSION_HEADER, version.toString()));
        }
      } catch (RuntimeException malformed) {
        LOG.atWarn().addKeyValue("error", malformed.toString()).log("dropped a malformed live event");
      }
    };
  }

  public void attach(Office office, ServerWebSocket socket) {
    LiveSession session = new LiveSession(vertx, office, socket, () -> snapshot(office), sessions::remove);
    sessions.add(session);
    session.start();
  }

  /** The first message of a socket: the office's state with names for screens to show. */
  Future<JsonObject> snapshot(Office office) {
    return snapshots.apply(office).map(state -> {
      JsonArray counters = new JsonArray();
      JsonArray stateCounters = state.getJsonArray("counters");
      for (int i = 0; i < office.counters().size(); i++) {
        var counter = office.counters().get(i);
        JsonObject live = i < stateCounters.size() ? stateCounters.getJsonObject(i) : new JsonObject();
        counters.add(new JsonObject().put("id", counter.id()).put("name", counter.name())
            .put("paused", live.getBoolean("paused", false)).put("current", live.getJsonObject("current")));
      }
      JsonObject queues = state.getJsonObject("queues", new JsonObject());
      JsonArray services = new JsonArray(office.services().stream().map(s -> {
        JsonObject q = queues.getJsonObject(s.code(), new JsonObject());
        return new JsonObject().put("service", s.code()).put("name", s.name()).put("prefix", s.prefix())
            .put("waiting", q.getInteger("waiting", 0)).put("priority", q.getInteger("priority", 0));
      }).toList());
      return new JsonObject().put("type", "snapshot").put("version", state.getLong("version"))
          .put("office", office.id()).put("officeName", office.name())
          .put("counters", counters).put("queues", services)
          .put("recentCalls", state.getJsonArray("recentCalls"));
    });
  }

  public boolean full() {
    return sessions.size() >= maxSockets;
  }

  public int openSockets() {
    return sessions.size();
  }

  /** Closes every socket with 1012 (service restart) so screens reconnect, possibly elsewhere. */
  public void closeAll() {
    vertx.cancelTimer(heartbeatTimer);
    sessions.forEach(LiveSession::closeForRestart);
  }
}
