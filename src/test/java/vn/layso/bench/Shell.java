package vn.layso.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The commands the bench runs besides the servers and wrk: git, Maven, the other bench clients. */
final class Shell {

  private Shell() {
  }

  /** A command's standard output; a failure is an IOException with its error output. */
  static String output(Path dir, String... command) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(command).directory(dir.toFile()).start();
    String out = new String(p.getInputStream().readAllBytes());
    String err = new String(p.getErrorStream().readAllBytes());
    if (p.waitFor() != 0) {
      throw new IOException(String.join(" ", command) + " failed: " + err.strip());
    }
    return out;
  }

  static int exitCode(Path dir, String... command) throws IOException, InterruptedException {
    return new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor();
  }

  /** Runs a command with its output written to {@code log}; a failure names the log's last lines. */
  static void logged(Path dir, Path log, String... command) throws IOException, InterruptedException {
    int status = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
        .redirectOutput(log.toFile()).start().waitFor();
    if (status != 0) {
      List<String> lines = Files.readAllLines(log);
      throw new IOException(String.join(" ", command) + " failed; the end of " + log + ":\n"
          + String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size())));
    }
  }

  /** Runs a command on this process's own standard output and error. */
  static void inherit(Path dir, List<String> command) throws IOException, InterruptedException {
    int status = new ProcessBuilder(command).directory(dir.toFile()).inheritIO().start().waitFor();
    if (status != 0) {
      throw new IOException(String.join(" ", command) + " failed with status " + status);
    }
  }

  /**
   * Runs a main class of the test class path in its own JVM (out and err in {@code work/<name>.out}
   * and {@code .err}); its standard output's lines.
   */
  static List<String> java(Path work, String name, String mainClass, String... args)
      throws IOException, InterruptedException {
    return java(work, name, List.of(), mainClass, args);
  }

  /** As {@link #java(Path, String, String, String...)}, the JVM started with {@code jvmOptions}. */
  static List<String> java(Path work, String name, List<String> jvmOptions, String mainClass, String... args)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
    command.addAll(jvmOptions);
    command.addAll(List.of("-cp", System.getProperty("java.class.path"), mainClass));
    command.addAll(List.of(args));
    Path out = work.resolve(name + ".out");
    Path err = work.resolve(name + ".err");
    int status = new ProcessBuilder(command).directory(work.toFile()).redirectOutput(out.toFile())
        .redirectError(err.toFile()).start().waitFor();
    if (status != 0) {
      List<String> lines = Files.readAllLines(err);
      throw new IOException(mainClass + " failed; the end of its error output:\n"
          + String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size())));
    }
    return Files.readAllLines(out);
  }
}
