package vn.layso.print;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.net.NetClient;
import io.vertx.core.net.NetClientOptions;
import io.vertx.core.net.NetSocket;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import vn.layso.print.domain.PrintResult;
import vn.layso.print.domain.PrintResult.Reason;
import vn.layso.print.domain.PrinterStatus;

/**
 * Sends jobs to network printers over raw TCP (port 9100): connect (at most {@code connectTimeout}),
 * ask the status (DLE EOT 1, 2, 4) when the profile says the printer answers it, then the job, then
 * close. Jobs to one printer run one after another, so two tickets never interleave on the paper.
 * Every job answers by its deadline, queued time included: a job whose time ran out while it waited
 * is not sent at all (the kiosk was already told it failed). Never blocks: Vert.x sockets and timers.
 */
public final class NetworkPrinter {

  /** Where to send: a printer's address, and the key its jobs queue under (office and printer id). */
  public record Target(String key, String host, int port, boolean readStatus) {
  }

  private final Vertx vertx;
  private final NetClient client;
  private final Map<String, AtomicReference<Future<?>>> lines = new ConcurrentHashMap<>();

  public NetworkPrinter(Vertx vertx, Duration connectTimeout) {
    this.vertx = vertx;
    this.client = vertx.createNetClient(new NetClientOptions()
        .setConnectTimeout((int) connectTimeout.toMillis()).setTcpNoDelay(true));
  }

  /** Queues the job behind the printer's earlier ones; the answer comes by {@code deadlineNanos} (System.nanoTime). */
  public Future<PrintResult> print(Target target, byte[] job, long deadlineNanos) {
    Promise<Void> turnDone = Promise.promise();
    Future<?> previous = lines.computeIfAbsent(target.key(), k -> new AtomicReference<>(Future.succeededFuture()))
        .getAndSet(turnDone.future());
    Promise<PrintResult> answer = Promise.promise();
    long timer = vertx.setTimer(Math.max(1, remainingMillis(deadlineNanos)),
        id -> answer.tryComplete(PrintResult.failed(Reason.TIMEOUT)));
    previous.onComplete(ignored -> send(target, job, deadlineNanos).onComplete(result -> {
      turnDone.complete();
      vertx.cancelTimer(timer);
      answer.tryComplete(result.succeeded() ? result.result() : PrintResult.failed(Reason.ERROR));
    }));
    return answer.future();
  }

  private Future<PrintResult> send(Target target, byte[] job, long deadlineNanos) {
    long left = remainingMillis(deadlineNanos);
    if (left <= 0) {
      return Future.succeededFuture(PrintResult.failed(Reason.TIMEOUT));
    }
    Promise<PrintResult> result = Promise.promise();
    AtomicReference<NetSocket> open = new AtomicReference<>();
    long timer = vertx.setTimer(left, id -> {
      if (result.tryComplete(PrintResult.failed(Reason.TIMEOUT))) {
        close(open.get());
      }
    });
    result.future().onComplete(done -> vertx.cancelTimer(timer));
    client.connect(target.port(), target.host()).onComplete(connected -> {
      if (connected.failed()) {
        result.tryComplete(PrintResult.failed(Reason.UNREACHABLE));
        return;
      }
      NetSocket socket = connected.result();
      open.set(socket);
      if (result.future().isComplete()) {
        close(socket);
        return;
      }
      socket.exceptionHandler(e -> {
        if (result.tryComplete(PrintResult.failed(Reason.ERROR))) {
          close(socket);
        }
      });
      socket.closeHandler(v -> result.tryComplete(PrintResult.failed(Reason.ERROR)));
      if (target.readStatus()) {
        askStatus(socket, job, result);
      } else {
        write(socket, job, result);
      }
    });
    return result.future();
  }

  /** DLE EOT 1, 2 and 4 in one write; the three answer bytes decide whether the job is sent. */
  private static void askStatus(NetSocket socket, byte[] job, Promise<PrintResult> result) {
    Buffer answers = Buffer.buffer();
    socket.handler(data -> {
      if (answers.length() >= PrinterStatus.ANSWER_BYTES) {
        return;
      }
      answers.appendBuffer(data);
      if (answers.length() < PrinterStatus.ANSWER_BYTES) {
        return;
      }
      var problem = PrinterStatus.problem(answers.getByte(0), answers.getByte(1), answers.getByte(2));
      if (problem.isPresent()) {
        if (result.tryComplete(PrintResult.failed(problem.get()))) {
          close(socket);
        }
      } else {
        write(socket, job, result);
      }
    });
    socket.write(Buffer.buffer(PrinterStatus.REQUEST));
  }

  private static void write(NetSocket socket, byte[] job, Promise<PrintResult> result) {
    socket.write(Buffer.buffer(job))
        .compose(v -> {
          // our own close is not the printer hanging up
          socket.closeHandler(null);
          return socket.end();
        })
        .onComplete(sent -> result.tryComplete(sent.succeeded() ? PrintResult.PRINTED : PrintResult.failed(Reason.ERROR)));
  }

  private static void close(NetSocket socket) {
    if (socket != null) {
      socket.close();
    }
  }

  private static long remainingMillis(long deadlineNanos) {
    return TimeUnit.NANOSECONDS.toMillis(deadlineNanos - System.nanoTime());
  }

  public Future<Void> close() {
    return client.close();
  }
}
