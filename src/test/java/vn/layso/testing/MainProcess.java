package vn.layso.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import vn.layso.app.Main;

/**
 * The real {@link Main} in a child JVM on the test class path, with exactly the environment the
 * test gives (nothing of layso's is inherited from the machine), its output kept in files.
 */
public final class MainProcess {

  /** What a finished child printed and how it ended. */
  public record Result(int exitCode, String stdout, String stderr) {
  }

  private final Process process;
  private final Path stdout;
  private final Path stderr;

  private MainProcess(Process process, Path stdout, Path stderr) {
    this.process = process;
    this.stdout = stdout;
    this.stderr = stderr;
  }

  /** Starts {@code Main args} with {@code env} (plus PATH and HOME); output goes under {@code logDir}. */
  public static MainProcess start(Map<String, String> env, Path logDir, String... args) throws IOException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    String[] command = new String[args.length + 4];
    command[0] = java;
    command[1] = "-cp";
    command[2] = System.getProperty("java.class.path");
    command[3] = Main.class.getName();
    System.arraycopy(args, 0, command, 4, args.length);
    ProcessBuilder pb = new ProcessBuilder(command);
    Map<String, String> inherited = pb.environment();
    String path = inherited.get("PATH");
    String home = inherited.get("HOME");
    inherited.clear();
    if (path != null) {
      inherited.put("PATH", path);
    }
    if (home != null) {
      inherited.put("HOME", home);
    }
    inherited.putAll(env);
    Files.createDirectories(logDir);
    long id = System.nanoTime();
    Path out = logDir.resolve("main-" + id + ".out");
    Path err = logDir.resolve("main-" + id + ".err");
    pb.redirectOutput(out.toFile()).redirectError(err.toFile());
    return new MainProcess(pb.start(), out, err);
  }

  /** Runs {@code Main args} to its end (a slow, shared machine gets two minutes). */
  public static Result run(Map<String, String> env, Path logDir, String... args) throws Exception {
    return start(env, logDir, args).awaitExit(Duration.ofMinutes(2));
  }

  public Result awaitExit(Duration timeout) throws Exception {
    if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
      process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      throw new AssertionError("layso did not exit within " + timeout + "; stdout: " + Files.readString(stdout));
    }
    return new Result(process.exitValue(), Files.readString(stdout), Files.readString(stderr));
  }

  /** What the child has printed to stdout so far. */
  public String output() throws IOException {
    return Files.readString(stdout);
  }

  public boolean isAlive() {
    return process.isAlive();
  }

  /** Graceful stop (SIGTERM), as a service manager does. */
  public void stop() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }
  }
}
