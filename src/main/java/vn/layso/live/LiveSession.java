package vn.layso.live;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.json.JsonObject;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.function.Consumer;
import java.util.function.Supplier;
import vn.layso.common.Messages;
import vn.layso.live.domain.DeltaGate;
import vn.layso.office.domain.Office;

/**
 * One open lobby-screen (or phone) socket: the I/O around a {@link DeltaGate}, which decides
 * what each delta, drain and heartbeat means. The client's {"type":"resync"} also asks for a
 * fresh snapshot. All of it runs on
 * the socket's own context, so no locking is needed.
 */
final class LiveSession {

  private static final long PING_MILLIS = 25_000;
  private static final int MAX_BUFFERED = 500;

  private final Vertx vertx;
  private final Office office;
  private final ServerWebSocket socket;
  private final Supplier<Future<JsonObject>> snapshot;
  private final Consumer<LiveSession> onClose;
  private final Deque<Message<String>> buffered = new ArrayDeque<>();
  private MessageConsumer<String> consumer;
  private final DeltaGate gate = new DeltaGate();
  private boolean closed;
  private long pingTimer = -1;

  LiveSession(Vertx vertx, Office office, ServerWebSocket socket, Supplier<Future<JsonObject>> snapshot,
              Consumer<LiveSession> onClose) {
    this.vertx = vertx;
    this.office = office;
    this.socket = socket;
    this.snapshot = snapshot;
    this.onClose = onClose;
  }

  String office() {
    return office.id();
  }

  void start() {
    consumer = vertx.eventBus().localConsumer(LiveHub.address(office.id()), this::onEvent);
    socket.textMessageHandler(this::onClientMessage);
    socket.drainHandler(v -> {
      if (gate.onDrain()) {
        resync();
      }
    });
    socket.closeHandler(v -> close());
    socket.exceptionHandler(t -> close());
    pingTimer = vertx.setPeriodic(PING_MILLIS, id -> {
      if (!closed) {
        socket.writePing(Buffer.buffer());
      }
    });
    consumer.completion().onComplete(r -> resync());
  }

  private void onEvent(Message<String> message) {
    if (closed) {
      return;
    }
    if (message.headers().contains(LiveHub.HEARTBEAT_HEADER)) {
      long stored = Long.parseLong(message.headers().get(LiveHub.VERSION_HEADER));
      if (gate.onHeartbeat(stored, socket.writeQueueFull())) {
        resync();
      }
      return;
    }
    if (gate.syncing()) {
      if (buffered.size() < MAX_BUFFERED) {
        buffered.add(message);
      }
      return;
    }
    deliver(message);
  }

  private void deliver(Message<String> message) {
    long version = Long.parseLong(message.headers().get(LiveHub.VERSION_HEADER));
    switch (gate.onDelta(version, socket.writeQueueFull())) {
      case SEND -> socket.writeTextMessage(message.body());
      case RESYNC -> resync();
      case DROP, SKIP -> { }
    }
  }

  private void resync() {
    if (closed || !gate.beginSnapshot()) {
      return;
    }
    snapshot.get().onComplete(result -> {
      if (closed) {
        return;
      }
      if (result.failed()) {
        socket.close((short) 1011, "snapshot unavailable");
        return;
      }
      JsonObject snap = result.result();
      socket.writeTextMessage(snap.encode());
      gate.snapshotSent(snap.getLong("version"));
      while (!buffered.isEmpty() && !gate.syncing()) {
        deliver(buffered.poll());
      }
      buffered.clear();
    });
  }

  private void onClientMessage(String text) {
    String type = null;
    if (text.length() <= 1024) {
      try {
        type = new JsonObject(text).getString("type");
      } catch (RuntimeException notJson) {
        type = null;
      }
    }
    if ("resync".equals(type)) {
      resync();
    } else if ("ping".equals(type)) {
      socket.writeTextMessage(new JsonObject().put("type", "pong").encode());
    } else {
      var locale = Messages.fromAcceptLanguage(socket.headers().get("Accept-Language"));
      socket.writeTextMessage(new JsonObject().put("type", "error").put("code", "unknown_message")
          .put("message", Messages.text(locale, "unknown_message")).encode());
    }
  }

  void closeForRestart() {
    if (!closed) {
      socket.close((short) 1012, "server restarting");
    }
  }

  private void close() {
    if (closed) {
      return;
    }
    closed = true;
    vertx.cancelTimer(pingTimer);
    if (consumer != null) {
      consumer.unregister();
    }
    buffered.clear();
    onClose.accept(this);
  }
}
