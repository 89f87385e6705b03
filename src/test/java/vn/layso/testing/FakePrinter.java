package vn.layso.testing;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.net.NetServer;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A network ESC/POS printer for tests, on a random port of 127.0.0.1: it answers the DLE EOT status
 * requests a job starts with (as configured: ready, paper out, cover open), captures each
 * connection's bytes as one job when it closes, and tells whether two jobs' bytes interleaved. SLOW accepts
 * and never reads nor answers.
 */
public final class FakePrinter implements AutoCloseable {

  public enum Behaviour { READY, PAPER_OUT, COVER_OPEN, SLOW }

  private static final byte[] STATUS_REQUEST = {0x10, 0x04, 0x01, 0x10, 0x04, 0x02, 0x10, 0x04, 0x04};

  private final Vertx vertx = Vertx.vertx();
  private final NetServer server;
  private final Behaviour behaviour;
  private final List<byte[]> jobs = new CopyOnWriteArrayList<>();
  private final AtomicInteger connections = new AtomicInteger();
  private final AtomicInteger statusRequests = new AtomicInteger();
  /** Per connection: when its first and its last bytes arrived (System.nanoTime). */
  private final List<long[]> spans = new CopyOnWriteArrayList<>();

  public FakePrinter(Behaviour behaviour) throws Exception {
    this.behaviour = behaviour;
    this.server = vertx.createNetServer().connectHandler(socket -> {
      connections.incrementAndGet();
      if (behaviour == Behaviour.SLOW) {
        socket.pause();
        return;
      }
      Buffer received = Buffer.buffer();
      boolean[] answered = {false};
      long[] span = {0, 0};
      spans.add(span);
      socket.handler(data -> {
        long now = System.nanoTime();
        span[0] = span[0] == 0 ? now : span[0];
        span[1] = now;
        received.appendBuffer(data);
        if (!answered[0] && received.length() >= STATUS_REQUEST.length
            && received.getBuffer(0, STATUS_REQUEST.length).equals(Buffer.buffer(STATUS_REQUEST))) {
          answered[0] = true;
          statusRequests.incrementAndGet();
          socket.write(Buffer.buffer(answer()));
        }
      });
      socket.closeHandler(v -> {
        byte[] all = received.getBytes();
        int skip = answered[0] ? STATUS_REQUEST.length : 0;
        byte[] job = java.util.Arrays.copyOfRange(all, skip, all.length);
        if (job.length > 0) {
          jobs.add(job);
        }
      });
    });
    server.listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
  }

  /** Printer status, offline cause, paper sensor: 0x12 is "all well" for each. */
  private byte[] answer() {
    return switch (behaviour) {
      case PAPER_OUT -> new byte[] {0x1A, 0x32, 0x72};
      case COVER_OPEN -> new byte[] {0x1A, 0x16, 0x12};
      default -> new byte[] {0x12, 0x12, 0x12};
    };
  }

  public int port() {
    return server.actualPort();
  }

  /** The jobs received, each one connection's bytes after the status request. */
  public List<byte[]> jobs() {
    return List.copyOf(jobs);
  }

  /**
   * Pairs of connections whose bytes arrived interleaved (one's first byte before the other's last):
   * on paper, two tickets mixed. (Counting open sockets would not do: the server may see a close
   * after the next connection's accept.)
   */
  public int interleavedJobs() {
    List<long[]> done = spans.stream().filter(s -> s[0] != 0).sorted(java.util.Comparator.comparingLong(s -> s[0]))
        .toList();
    int overlaps = 0;
    for (int i = 1; i < done.size(); i++) {
      if (done.get(i)[0] < done.get(i - 1)[1]) {
        overlaps++;
      }
    }
    return overlaps;
  }

  public int connections() {
    return connections.get();
  }

  public int statusRequests() {
    return statusRequests.get();
  }

  public void reset() {
    jobs.clear();
    spans.clear();
    connections.set(0);
    statusRequests.set(0);
  }

  @Override
  public void close() throws Exception {
    vertx.close().toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
  }
}
