package vn.layso.live;

import io.vertx.core.AsyncResult;
import io.vertx.core.Context;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.json.JsonObject;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.layso.common.Messages;
import vn.layso.live.domain.DeltaGate;
import vn.layso.live.domain.TokenBucket;

/**
 * One open lobby-screen (or phone) socket: the I/O around a {@link DeltaGate}, which decides what
 * each delta, drain and heartbeat means. Every write goes through {@link #write}, and none is made
 * while the socket's write queue is full, so a reader that stops reading costs at most one queue:
 * deltas are skipped (a snapshot follows the drain); a snapshot waits for the drain; and a client
 * that keeps sending (resync, ping or anything else) while its queue is full is cut off with close
 * code 1008. Resyncs the client asks for are limited by a token bucket; past it they are ignored,
 * as the server resyncs a socket by itself whenever it sees it behind. All of it runs on the
 * socket's own context, so no locking is needed.
 *
 * <p>A socket behind in its own epoch (a lost delivery, deltas skipped while its queue was full)
 * is repaired by replaying the deltas it missed, from the office's recent events or event log
 * ({@link OfficeChannel#replay}), as ordinary deltas: the client sees no gap. A snapshot only when
 * the gap is gone from the log or too long, or the epoch changed. A client that knows what it has
 * says so, when it connects ({@code ?since=<version>&epoch=<epoch>}) or in its resync
 * ({@code {"type":"resync","since":n}}): it is answered {@code {"type":"replay","epoch","from":n,"to":m}}
 * and the deltas n+1..m, or a snapshot. A client that does not ask gets a snapshot.
 *
 * <p>A socket is public until a staff token of the office authenticates it ({@code {"type":"auth",
 * "token":...}}, answered {@code {"type":"auth","staff":true}} or an error): then it also gets the
 * office's staff-only events (unversioned), their current state at once and after every snapshot.
 * The token is checked again at every ping, so a revoked one stops the staff events within 25 s.
 */
final class LiveSession {

  private static final Logger LOG = LoggerFactory.getLogger(LiveSession.class);
  private static final long PING_MILLIS = 25_000;
  private static final int MAX_BUFFERED = 500;
  /** Client resyncs: five at once, then one more every two seconds. */
  static final int RESYNC_BURST = 5;
  static final long RESYNC_REFILL_MILLIS = 2_000;
  static final short NOT_READING = 1008;
  private static final SharedFrame PONG = SharedFrame.of(new JsonObject().put("type", "pong").encode());
  private static final SharedFrame AUTH_OK = SharedFrame.of(new JsonObject().put("type", "auth").put("staff", true).encode());
  /** Auth messages: three at once, then one more every ten seconds (each costs a token look-up). */
  static final int AUTH_BURST = 3;
  static final long AUTH_REFILL_MILLIS = 10_000;

  private final Context context;
  private final OfficeChannel channel;
  private final ServerWebSocket socket;
  private final Runnable release;
  private final StaffAccess access;
  /** What the client said it has when it connected; null: it starts with a snapshot. */
  private final Resume resume;
  private final Locale locale;
  private final SharedFrame unknownMessage;
  private final DeltaGate gate = new DeltaGate();
  private final TokenBucket resyncs =
      new TokenBucket(RESYNC_BURST, RESYNC_REFILL_MILLIS, () -> System.nanoTime() / 1_000_000);
  private final TokenBucket auths =
      new TokenBucket(AUTH_BURST, AUTH_REFILL_MILLIS, () -> System.nanoTime() / 1_000_000);
  private final Deque<LiveEvent> buffered = new ArrayDeque<>();
  /** The staff token that authenticated this socket; null: a public socket. */
  private String staffToken;
  private volatile long queuedBytes;
  private boolean detached;
  private boolean released;
  private long pingTimer = -1;

  /** A version of an epoch that a reconnecting client has: it asks for the deltas after it. */
  record Resume(long since, String epoch) {
  }

  /**
   * {@code release} gives the socket's place back when it has closed; {@code access} opens the
   * staff channel; {@code resume} (or null) is what the client has.
   */
  LiveSession(Context context, OfficeChannel channel, ServerWebSocket socket, Runnable release, StaffAccess access,
              Resume resume) {
    this.context = context;
    this.resume = resume;
    this.channel = channel;
    this.socket = socket;
    this.release = release;
    this.access = access;
    this.locale = Messages.fromAcceptLanguage(socket.headers().get("Accept-Language"));
    this.unknownMessage = SharedFrame.of(new JsonObject().put("type", "error").put("code", "unknown_message")
        .put("message", Messages.text(locale, "unknown_message")).encode());
  }

  void start() {
    socket.textMessageHandler(this::onClientMessage);
    socket.drainHandler(v -> {
      if (!detached && gate.onDrain()) {
        repair();
      }
    });
    socket.closeHandler(v -> closed());
    socket.exceptionHandler(t -> {
      detach();
      socket.close();
    });
    channel.join(this, context);
    pingTimer = context.owner().setPeriodic(PING_MILLIS, id -> {
      if (!detached && !full()) {
        socket.writePing(Buffer.buffer());
      }
      if (!detached && staffToken != null) {
        checkStaff(staffToken, false);
      }
    });
    if (resume != null && gate.beginSnapshot()) {
      gate.resumeFrom(resume.since(), resume.epoch());
      catchUp(resume.since(), resume.epoch(), true);
    } else {
      resync();
    }
  }

  /** Bytes handed to the socket and not yet written out to the network. */
  long queuedBytes() {
    return queuedBytes;
  }

  void onDelta(LiveEvent event) {
    if (detached) {
      return;
    }
    if (gate.syncing()) {
      if (buffered.size() < MAX_BUFFERED) {
        buffered.add(event);
      }
      return;
    }
    deliver(event);
  }

  /** A staff-only event: written to a staff socket only (a syncing one gets the state after its snapshot). */
  void onStaff(SharedFrame frame) {
    if (detached || staffToken == null || gate.syncing() || full()) {
      return;
    }
    write(frame);
  }

  void onHeartbeat(long settledVersion, String epoch) {
    if (!detached && gate.onHeartbeat(settledVersion, epoch, full())) {
      if (gate.canReplay(epoch)) {
        repair();
      } else {
        resync();
      }
    }
  }

  private void deliver(LiveEvent event) {
    switch (gate.onDelta(event.version(), event.epoch(), full())) {
      case SEND -> write(event.frame());
      case REPLAY -> repair();
      case RESYNC -> resync();
      case DROP, SKIP -> { }
    }
  }

  /** A fresh snapshot replaces whatever the socket shows. */
  private void resync() {
    if (detached || !gate.beginSnapshot()) {
      return;
    }
    fetchSnapshot();
  }

  private void fetchSnapshot() {
    channel.snapshot().onComplete(result -> context.runOnContext(v -> snapshotArrived(result)));
  }

  /** The deltas the socket missed since its last one are replayed (a snapshot when they cannot be). */
  private void repair() {
    if (detached) {
      return;
    }
    if (!gate.canReplay(gate.epoch())) {
      resync();
      return;
    }
    if (gate.beginSnapshot()) {
      catchUp(gate.lastSent(), gate.epoch(), false);
    }
  }

  /** While syncing: replays the deltas after {@code after}; {@code tell}: the client asked, it is told first. */
  private void catchUp(long after, String epoch, boolean tell) {
    channel.replay(epoch, after).onComplete(result -> context.runOnContext(v -> replayArrived(result, after, epoch,
        tell)));
  }

  private void replayArrived(AsyncResult<List<LiveEvent>> result, long after, String epoch, boolean tell) {
    if (detached) {
      return;
    }
    if (result.failed() || result.result() == null) {
      fetchSnapshot();
      return;
    }
    if (full()) {
      if (tell) {
        gate.resumeFrom(-1, null); // the client was told nothing: it gets a snapshot after the drain
      }
      gate.snapshotNotWritten();
      buffered.clear();
      return;
    }
    if (tell) {
      String marker = new JsonObject().put("type", "replay").put("epoch", epoch).put("from", after)
          .put("to", after + result.result().size()).encode();
      write(SharedFrame.of(marker));
    }
    long last = after;
    for (LiveEvent event : result.result()) {
      if (full()) {
        gate.replayCut(last, epoch);
        buffered.clear();
        return;
      }
      write(event.frame());
      last = event.version();
    }
    gate.caughtUp(last, epoch);
    deliverBuffered();
  }

  /** The deltas that arrived while a snapshot or replay was on its way: old ones drop, new ones follow. */
  private void deliverBuffered() {
    while (!buffered.isEmpty() && !gate.syncing()) {
      deliver(buffered.poll());
    }
    if (!gate.syncing()) {
      buffered.clear();
    }
  }

  private void snapshotArrived(AsyncResult<LiveSnapshot> result) {
    if (detached) {
      return;
    }
    if (result.failed()) {
      detach();
      socket.close((short) 1011, "snapshot unavailable");
      return;
    }
    if (full()) {
      gate.snapshotNotWritten();
      buffered.clear();
      return;
    }
    LiveSnapshot snapshot = result.result();
    write(snapshot.frame());
    gate.snapshotSent(snapshot.version(), snapshot.epoch());
    deliverBuffered();
    if (staffToken != null) {
      sendStaffState();
    }
  }

  /** Checks a staff token: on success the socket is (still) a staff socket; otherwise public again, told why. */
  private void checkStaff(String token, boolean answer) {
    access.mayServe(token, channel.id()).onComplete(r -> context.runOnContext(v -> {
      if (detached) {
        return;
      }
      boolean ok = r.succeeded() && Boolean.TRUE.equals(r.result());
      if (!ok) {
        boolean was = staffToken != null;
        staffToken = null;
        if ((answer || was) && !full()) {
          writeError(r.succeeded() ? "forbidden" : "invalid_token");
        }
        return;
      }
      boolean fresh = staffToken == null;
      staffToken = token;
      if (answer && !full()) {
        write(AUTH_OK);
      }
      if (fresh) {
        sendStaffState();
      }
    }));
  }

  private void sendStaffState() {
    access.state(channel.office()).onComplete(r -> context.runOnContext(v -> {
      if (r.succeeded() && !detached && staffToken != null && !gate.syncing() && !full()) {
        r.result().forEach(text -> write(SharedFrame.of(text)));
      }
    }));
  }

  private void writeError(String code) {
    write(SharedFrame.of(new JsonObject().put("type", "error").put("code", code)
        .put("message", Messages.text(locale, code)).encode()));
  }

  private void onClientMessage(String text) {
    if (detached) {
      return;
    }
    if (full()) {
      LOG.atInfo().addKeyValue("office", channel.id()).log("closing a live socket that sends but does not read");
      detach();
      socket.close(NOT_READING, "client does not read");
      return;
    }
    JsonObject message = parse(text);
    String type = message == null ? null : message.getValue("type") instanceof String t ? t : null;
    if ("auth".equals(type)) {
      Object token = message.getValue("token");
      if (!(token instanceof String given) || given.isEmpty() || given.length() > 200) {
        writeError("invalid_token");
      } else if (auths.tryTake()) {
        checkStaff(given, true);
      }
    } else if ("resync".equals(type)) {
      if (resyncs.tryTake()) {
        resyncFrom(message);
      }
    } else if ("ping".equals(type)) {
      write(PONG);
    } else {
      write(unknownMessage);
    }
  }

  /**
   * A client's resync: with {@code "since"} (a version of this socket's epoch it has, and if it
   * names one, that epoch), the deltas after it are replayed behind a {@code replay} message;
   * without, or with one that cannot be replayed, a snapshot.
   */
  private void resyncFrom(JsonObject message) {
    Object since = message.getValue("since");
    Object epoch = message.getValue("epoch");
    String current = gate.epoch();
    if (since instanceof Number n && n.longValue() >= 0 && n.longValue() <= gate.lastSent()
        && (epoch == null || Objects.equals(epoch, current)) && gate.canReplay(current)) {
      if (gate.beginSnapshot()) {
        catchUp(n.longValue(), current, true);
      }
    } else {
      resync();
    }
  }

  private static JsonObject parse(String text) {
    if (text.length() > 1024) {
      return null;
    }
    try {
      return new JsonObject(text);
    } catch (RuntimeException notJson) {
      return null;
    }
  }

  /**
   * The one way out to the client, one text frame per message. Events and snapshots are encoded
   * once per server and their bytes shared by every socket ({@link SharedFrame}): a write costs the
   * socket a frame object and its system call, no JSON or UTF-8 work. Callers have checked {@link #full()}.
   */
  private void write(SharedFrame message) {
    int bytes = message.bytes();
    queuedBytes += bytes;
    socket.writeFrame(message.frame()).onComplete(done -> queuedBytes -= bytes);
  }

  private boolean full() {
    return socket.isClosed() || socket.writeQueueFull();
  }

  void closeForRestart() {
    socket.close((short) 1012, "server restarting");
  }

  private void detach() {
    if (detached) {
      return;
    }
    detached = true;
    context.owner().cancelTimer(pingTimer);
    channel.leave(this);
    buffered.clear();
  }

  private void closed() {
    detach();
    if (!released) {
      released = true;
      release.run();
    }
  }
}
