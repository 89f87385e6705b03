package vn.layso.testing;

import io.vertx.core.Vertx;
import io.vertx.core.http.ClientWebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonObject;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** A real WebSocket client on an office's live endpoint; messages are awaited with timeouts. */
public final class LiveClient implements AutoCloseable {

  private final Vertx vertx = Vertx.vertx();
  private final WebSocketClient client;
  private final BlockingQueue<JsonObject> messages = new LinkedBlockingQueue<>();
  private final ClientWebSocket socket;
  private final java.util.concurrent.CompletableFuture<Short> closed = new java.util.concurrent.CompletableFuture<>();

  public LiveClient(int port, String office) throws Exception {
    this(port, office, Map.of());
  }

  /** A client that sends extra request headers with its upgrade (X-Forwarded-For, Accept-Language). */
  public LiveClient(int port, String office, Map<String, String> headers) throws Exception {
    this(port, office, "", headers);
  }

  /** A reconnecting client that has every delta up to {@code since} of {@code epoch} and asks for the gap. */
  public static LiveClient resuming(int port, String office, long since, String epoch) throws Exception {
    return new LiveClient(port, office, "?since=" + since + "&epoch=" + epoch, Map.of());
  }

  private LiveClient(int port, String office, String query, Map<String, String> headers) throws Exception {
    client = vertx.createWebSocketClient();
    socket = client.webSocket();
    // handlers first, so the server's first message (the snapshot) cannot arrive before them
    socket.textMessageHandler(text -> messages.add(new JsonObject(text)));
    socket.closeHandler(v -> closed.complete(socket.closeStatusCode()));
    WebSocketConnectOptions options = new WebSocketConnectOptions().setPort(port).setHost("127.0.0.1")
        .setURI("/api/v1/offices/" + office + "/live" + query);
    headers.forEach(options::addHeader);
    try {
      socket.connect(options).toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    } catch (Exception refused) {
      vertx.close();
      throw refused;
    }
  }

  /** The next message, failing the test after ten seconds. */
  public JsonObject next() throws InterruptedException {
    JsonObject m = messages.poll(10, TimeUnit.SECONDS);
    if (m == null) {
      throw new AssertionError("no live message within 10 s");
    }
    return m;
  }

  /** The next message, or null when none comes within {@code wait}. */
  public JsonObject poll(java.time.Duration wait) throws InterruptedException {
    return messages.poll(wait.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** Skips messages until one matches. */
  public JsonObject await(Predicate<JsonObject> match) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (System.nanoTime() < deadline) {
      JsonObject m = messages.poll(100, TimeUnit.MILLISECONDS);
      if (m != null && match.test(m)) {
        return m;
      }
    }
    throw new AssertionError("no matching live message within 10 s");
  }

  public void send(JsonObject message) {
    socket.writeTextMessage(message.encode());
  }

  /** The close code the server sent, waiting up to ten seconds for the close. */
  public Short awaitClose() throws Exception {
    return closed.get(10, TimeUnit.SECONDS);
  }

  @Override
  public void close() {
    vertx.close();
  }
}
