package vn.layso.store.redis;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.embedded.core.ExecutableProvider;

/**
 * A real redis-server started from the jar, for a single machine and for tests. Data lives in
 * {@code dataDir} as an append-only file, so a restart of the server (even after kill -9) keeps
 * every ticket. The folder also holds the lock ({@code layso.lock}, one server per folder), the
 * pid file ({@code redis.pid}) and the port ({@code redis.port}, so that {@code admin
 * reset-password} can reach the Redis of a running server).
 *
 * <p>The process is supervised: if it dies while the server runs, it is started again on the same
 * folder and port (Lettuce reconnects by itself); after {@link #MAX_RESTARTS} restarts within
 * {@link #RESTART_WINDOW} the owner's give-up action runs, so that a service manager can act.
 */
public final class EmbeddedRedis implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(EmbeddedRedis.class);
  public static final int MAX_RESTARTS = 5;
  public static final Duration RESTART_WINDOW = Duration.ofMinutes(5);
  private static final Duration RETRY_DELAY = Duration.ofSeconds(1);

  private final Path dir;
  private final Path binary;
  private final int port;
  private final String appendFsync;
  private final FileChannel lock;
  private final RestartBudget budget = new RestartBudget(MAX_RESTARTS, RESTART_WINDOW);
  private final ScheduledExecutorService supervisor = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread t = new Thread(r, "embedded-redis-supervisor");
    t.setDaemon(true);
    return t;
  });
  private final CountDownLatch closedLatch = new CountDownLatch(1);
  private final Thread exitHook = new Thread(this::closeAtExit, "embedded-redis-exit");
  private volatile Process process;
  private volatile boolean closed;
  private volatile Runnable onGiveUp = () -> { };

  private EmbeddedRedis(Path dir, Path binary, int port, String appendFsync, FileChannel lock) {
    this.dir = dir;
    this.binary = binary;
    this.port = port;
    this.appendFsync = appendFsync;
    this.lock = lock;
  }

  public static EmbeddedRedis start(Path dataDir, String appendFsync) throws IOException {
    return start(dataDir, appendFsync, freePort());
  }

  public static EmbeddedRedis start(Path dataDir, String appendFsync, int port) throws IOException {
    Path dir = dataDir.toAbsolutePath();
    Path binDir = dir.resolve(".redis-bin");
    Files.createDirectories(binDir);
    FileChannel lock = lockDataDir(dir);
    EmbeddedRedis redis;
    try {
      RedisProcess.stopOrphan(dir.resolve("redis.pid"));
      Path binary = ExecutableProvider.newJarResourceProvider(binDir.toFile()).get().toPath();
      redis = new EmbeddedRedis(dir, binary, port, appendFsync, lock);
      redis.process = RedisProcess.launch(binary, dir, port, appendFsync);
    } catch (IOException | RuntimeException e) {
      lock.close();
      throw e;
    }
    try {
      redis.watch(redis.process);
      writePort(dir, port);
      Runtime.getRuntime().addShutdownHook(redis.exitHook);
    } catch (IOException | RuntimeException e) {
      redis.close();
      throw e;
    }
    LOG.atInfo().addKeyValue("port", port).addKeyValue("dir", dir).addKeyValue("appendfsync", appendFsync)
        .log("embedded redis started");
    return redis;
  }

  /**
   * The port of the embedded Redis of the layso server that holds {@code dataDir} right now, or
   * empty when no server holds it (or it has not written its port yet).
   */
  public static Optional<Integer> runningPort(Path dataDir) throws IOException {
    Path dir = dataDir.toAbsolutePath();
    try (FileChannel channel = FileChannel.open(dir.resolve("layso.lock"), StandardOpenOption.CREATE,
        StandardOpenOption.WRITE)) {
      FileLock free = tryLock(channel);
      if (free != null) {
        free.release();
        return Optional.empty();
      }
    }
    try {
      return Optional.of(Integer.parseInt(Files.readString(dir.resolve("redis.port")).strip()));
    } catch (IOException | NumberFormatException unreadable) {
      return Optional.empty();
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
    if (tryLock(channel) == null) {
      channel.close();
      throw new IllegalStateException("DATA_DIR " + dir + " is in use by another running layso server");
    }
    return channel;
  }

  private static FileLock tryLock(FileChannel channel) throws IOException {
    try {
      return channel.tryLock();
    } catch (OverlappingFileLockException sameProcess) {
      return null;
    }
  }

  private void watch(Process watched) {
    watched.onExit().thenRunAsync(() -> died(watched), supervisor);
  }

  private void died(Process dead) {
    if (closed || dead != process || jvmShuttingDown()) {
      return;
    }
    LOG.atWarn().addKeyValue("pid", dead.pid()).addKeyValue("exitCode", dead.exitValue())
        .addKeyValue("port", port).log("embedded redis stopped unexpectedly; restarting it");
    restart();
  }

  private synchronized void restart() {
    if (closed) {
      return;
    }
    if (!budget.tryAcquire(Instant.now())) {
      LOG.atError().addKeyValue("restarts", budget.max()).addKeyValue("window", budget.window())
          .addKeyValue("dir", dir).log("embedded redis keeps failing; giving up");
      Thread giveUp = new Thread(onGiveUp, "embedded-redis-give-up");
      giveUp.start();
      return;
    }
    try {
      process = RedisProcess.launch(binary, dir, port, appendFsync);
      watch(process);
      LOG.atWarn().addKeyValue("pid", process.pid()).addKeyValue("port", port).addKeyValue("dir", dir)
          .log("embedded redis restarted");
    } catch (IOException e) {
      LOG.atWarn().addKeyValue("error", e.getMessage()).addKeyValue("retryIn", RETRY_DELAY)
          .log("embedded redis restart failed");
      supervisor.schedule(this::restart, RETRY_DELAY.toMillis(), TimeUnit.MILLISECONDS);
    }
  }

  /** While the JVM shuts down (Ctrl-C reaches redis-server too), a dying Redis is not restarted. */
  private static boolean jvmShuttingDown() {
    Thread probe = new Thread(() -> { });
    try {
      Runtime.getRuntime().addShutdownHook(probe);
      Runtime.getRuntime().removeShutdownHook(probe);
      return false;
    } catch (IllegalStateException shutdownInProgress) {
      return true;
    }
  }

  /** What to do when restarts keep failing (the server exits so that systemd can restart it). */
  public void onGiveUp(Runnable action) {
    this.onGiveUp = action;
  }

  public String uri() {
    return "redis://127.0.0.1:" + port + "/0";
  }

  public int port() {
    return port;
  }

  private static void writePort(Path dir, int port) throws IOException {
    Path temp = Files.writeString(dir.resolve("redis.port.tmp"), Integer.toString(port));
    Files.move(temp, dir.resolve("redis.port"), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  /** At JVM exit the owner (LaysoServer's stop) closes this first; if it does not, stop Redis anyway. */
  private void closeAtExit() {
    try {
      if (!closedLatch.await(30, TimeUnit.SECONDS)) {
        close();
      }
    } catch (InterruptedException | IOException e) {
      LOG.atWarn().addKeyValue("error", e.toString()).log("embedded redis stop at exit failed");
    }
  }

  @Override
  public void close() throws IOException {
    synchronized (this) {
      if (closed) {
        return;
      }
      closed = true;
    }
    supervisor.shutdownNow();
    try {
      RedisProcess.stop(process.toHandle());
      Files.deleteIfExists(dir.resolve("redis.port"));
    } finally {
      lock.close();
      closedLatch.countDown();
      try {
        Runtime.getRuntime().removeShutdownHook(exitHook);
      } catch (IllegalStateException shuttingDown) {
        LOG.debug("embedded redis closed during JVM shutdown");
      }
    }
  }
}
