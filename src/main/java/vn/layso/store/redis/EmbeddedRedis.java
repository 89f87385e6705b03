package vn.layso.store.redis;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.embedded.RedisServer;
import redis.embedded.core.ExecutableProvider;

/**
 * A real redis-server started from the jar, for a single machine and for tests. Data lives in
 * {@code dataDir} as an append-only file, so a restart of the server (even after kill -9) keeps
 * every ticket. A redis-server left behind by a killed JVM is found by its pid file and stopped
 * (SIGTERM, which makes it flush) before a new one starts on the same files.
 */
public final class EmbeddedRedis implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(EmbeddedRedis.class);

  private final RedisServer server;
  private final int port;
  private final FileChannel lock;

  private EmbeddedRedis(RedisServer server, int port, FileChannel lock) {
    this.server = server;
    this.port = port;
    this.lock = lock;
  }

  public static EmbeddedRedis start(Path dataDir, String appendFsync) throws IOException {
    return start(dataDir, appendFsync, freePort());
  }

  public static EmbeddedRedis start(Path dataDir, String appendFsync, int port) throws IOException {
    Path dir = dataDir.toAbsolutePath();
    Path binDir = dir.resolve(".redis-bin");
    Files.createDirectories(binDir);
    Path pidFile = dir.resolve("redis.pid");
    FileChannel lock = lockDataDir(dir);
    try {
      stopOrphan(pidFile);
      return new EmbeddedRedis(startServer(dir, binDir, pidFile, appendFsync, port), port, lock);
    } catch (IOException | RuntimeException e) {
      lock.close();
      throw e;
    }
  }

  /**
   * One server per data folder: the lock is held while this process runs and released by the
   * operating system even after kill -9, so a redis-server found in the pid file afterwards is
   * certainly an orphan, and a second server started on the same folder stops with a clear message.
   */
  private static FileChannel lockDataDir(Path dir) throws IOException {
    FileChannel channel = FileChannel.open(dir.resolve("layso.lock"), StandardOpenOption.CREATE,
        StandardOpenOption.WRITE);
    FileLock held;
    try {
      held = channel.tryLock();
    } catch (OverlappingFileLockException sameProcess) {
      held = null;
    }
    if (held == null) {
      channel.close();
      throw new IllegalStateException("DATA_DIR " + dir + " is in use by another running layso server");
    }
    return channel;
  }

  private static RedisServer startServer(Path dir, Path binDir, Path pidFile, String appendFsync, int port)
      throws IOException {
    RedisServer server = RedisServer.newRedisServer()
        .executableProvider(ExecutableProvider.newJarResourceProvider(binDir.toFile()))
        .bind("127.0.0.1")
        .port(port)
        .setting("dir " + dir)
        .setting("pidfile " + pidFile)
        .setting("appendonly yes")
        .setting("appendfilename layso.aof")
        .setting("appendfsync " + appendFsync)
        .setting("dbfilename layso.rdb")
        // The append-only file is the persistence; periodic RDB snapshots on top of it only fork
        // and rewrite the whole data set again (every minute under load), costing a CPU core.
        .setting("save \"\"")
        .setting("protected-mode yes")
        .setting("maxmemory-policy noeviction")
        .onShutdownForceStop(true)
        .soutListener(line -> { })
        .build();
    server.start();
    LOG.atInfo().addKeyValue("port", port).addKeyValue("dir", dir).log("embedded redis started");
    return server;
  }

  public String uri() {
    return "redis://127.0.0.1:" + port + "/0";
  }

  public int port() {
    return port;
  }

  static void stopOrphan(Path pidFile) throws IOException {
    if (!Files.exists(pidFile)) {
      return;
    }
    Optional<ProcessHandle> orphan = readPid(pidFile).flatMap(ProcessHandle::of)
        .filter(p -> p.info().command().map(c -> c.contains("redis-server")).orElse(false));
    if (orphan.isPresent()) {
      ProcessHandle process = orphan.get();
      LOG.atWarn().addKeyValue("pid", process.pid()).log("stopping redis-server left by an earlier run");
      process.destroy();
      Instant deadline = Instant.now().plus(Duration.ofSeconds(15));
      while (process.isAlive() && Instant.now().isBefore(deadline)) {
        try {
          process.onExit().get(200, java.util.concurrent.TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.TimeoutException | java.util.concurrent.ExecutionException e) {
          // keep waiting until the deadline
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IOException("interrupted while stopping an orphan redis-server", e);
        }
      }
      if (process.isAlive()) {
        process.destroyForcibly();
      }
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

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  @Override
  public void close() throws IOException {
    try {
      server.stop();
    } finally {
      lock.close();
    }
  }
}
