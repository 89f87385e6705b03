package vn.layso.store.redis;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.event.Level;

/** One redis-server process on a data folder: started, its log drained, stopped cleanly. */
final class RedisProcess {

  private static final Logger LOG = LoggerFactory.getLogger(RedisProcess.class);
  private static final String READY = "Ready to accept connections";

  private RedisProcess() {
  }

  /** Starts redis-server and returns once it accepts connections (after loading the append-only file). */
  static Process launch(Path binary, Path dir, int port, String appendFsync) throws IOException {
    List<String> command = List.of(binary.toString(), "--port", Integer.toString(port), "--bind", "127.0.0.1",
        "--dir", dir.toString(), "--pidfile", dir.resolve("redis.pid").toString(),
        "--appendonly", "yes", "--appendfilename", "layso.aof", "--appendfsync", appendFsync,
        // The append-only file is the persistence; periodic RDB snapshots on top of it only fork
        // and rewrite the whole data set again (every minute under load), costing a CPU core.
        "--dbfilename", "layso.rdb", "--save", "",
        "--protected-mode", "yes", "--maxmemory-policy", "noeviction");
    Process started = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
    BufferedReader output = new BufferedReader(new InputStreamReader(started.getInputStream(), StandardCharsets.UTF_8));
    ArrayDeque<String> last = new ArrayDeque<>();
    for (String line = output.readLine(); line != null; line = output.readLine()) {
      log(line, started.pid(), false);
      if (line.contains(READY)) {
        drain(output, started.pid());
        return started;
      }
      last.addLast(line);
      if (last.size() > 3) {
        last.removeFirst();
      }
    }
    throw new IOException("redis-server did not start on port " + port + ": " + String.join(" | ", last));
  }

  /** Keeps reading redis-server's log so its pipe never fills. */
  private static void drain(BufferedReader output, long pid) {
    Thread reader = new Thread(() -> {
      try {
        for (String line = output.readLine(); line != null; line = output.readLine()) {
          log(line, pid, true);
        }
      } catch (IOException closed) {
        LOG.atDebug().addKeyValue("pid", pid).log("redis output closed");
      }
    }, "embedded-redis-log");
    reader.setDaemon(true);
    reader.start();
  }

  /**
   * Redis marks its important lines with '#': its WARNINGs become WARN lines, and once it runs the
   * rest of them INFO (an AOF write error, a shutdown); the routine start-up lines stay DEBUG (a
   * failed start reports its last lines in the exception).
   */
  private static void log(String line, long pid, boolean running) {
    Level level = line.contains("WARNING") ? Level.WARN
        : running && line.contains(" # ") ? Level.INFO : Level.DEBUG;
    LOG.atLevel(level).addKeyValue("pid", pid).log("redis: {}", line);
  }

  /** SIGTERM (redis-server flushes its append-only file and exits), SIGKILL after 15 s. */
  static void stop(ProcessHandle process) throws IOException {
    process.destroy();
    try {
      process.onExit().get(15, TimeUnit.SECONDS);
    } catch (TimeoutException | ExecutionException e) {
      process.destroyForcibly();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while stopping redis-server " + process.pid(), e);
    }
  }

  /**
   * Stops a redis-server left running by a JVM that was killed (kill -9 leaves its child behind),
   * found through the pid file; called only while holding the data folder's lock, so it is
   * certainly an orphan.
   */
  static void stopOrphan(Path pidFile) throws IOException {
    if (!Files.exists(pidFile)) {
      return;
    }
    Optional<ProcessHandle> orphan = readPid(pidFile).flatMap(ProcessHandle::of)
        .filter(p -> p.info().command().map(c -> c.contains("redis-server")).orElse(false));
    if (orphan.isPresent()) {
      LOG.atWarn().addKeyValue("pid", orphan.get().pid()).log("stopping redis-server left by an earlier run");
      stop(orphan.get());
    }
    Files.deleteIfExists(pidFile);
  }

  private static Optional<Long> readPid(Path pidFile) {
    try {
      return Optional.of(Long.parseLong(Files.readString(pidFile).strip()));
    } catch (IOException | NumberFormatException unreadable) {
      return Optional.empty();
    }
  }
}
