package vn.layso.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * BENCH_PROFILE: a phase run once more on the main server under async-profiler (attached with
 * jcmd, not counted), written as collapsed stacks and a flame graph (Brendan Gregg's flamegraph.pl,
 * as Debian ships it inside Devel::NYTProf) to BENCH_PROFILE_DIR.
 */
final class Profiler {

  private static final String ASYNC_PROFILER = "tools.profiler:async-profiler:4.1";
  private static final String FLAMEGRAPH = "/usr/share/perl5/Devel/NYTProf/flamegraph.pl";

  private final Path root;
  private final Path work;
  private final BenchSettings settings;

  Profiler(Path root, Path work, BenchSettings settings) {
    this.root = root;
    this.work = work;
    this.settings = settings;
  }

  void profile(BenchServer server, String phase, PhaseRunner runner, String commit)
      throws IOException, InterruptedException {
    Path library = library();
    Path dir = settings.profileDir();
    Files.createDirectories(dir);
    Path collapsed = dir.resolve(phase + ".collapsed");
    runner.topUpBefore(server, phase);
    boolean always = phase.equals("issue-always");
    if (always) {
      server.redis().configSet("appendfsync", "always");
    }
    try {
      // the options are quoted for jcmd, which would otherwise read "a=b" as one of its own options
      Shell.output(root, "jcmd", String.valueOf(server.pid()), "JVMTI.agent_load", library.toString(),
          "\"start,event=cpu,interval=1ms\"");
      runner.run(server, phase, settings.duration());
      Shell.output(root, "jcmd", String.valueOf(server.pid()), "JVMTI.agent_load", library.toString(),
          "\"stop,file=" + collapsed + ",collapsed\"");
    } finally {
      if (always) {
        server.redis().configSet("appendfsync", "everysec");
      }
    }
    String svg = Shell.output(root, "perl", FLAMEGRAPH, "--title", "layso " + phase + ", " + server.label() + " ("
        + commit + ", async-profiler cpu, " + settings.duration() + "s)", "--width", "1600", "--minwidth", "0.5",
        "--colors", "java", collapsed.toString());
    Files.writeString(dir.resolve(phase + ".svg"), svg);
    Bench.log("flame graph: %s", dir.resolve(phase + ".svg"));
  }

  /** libasyncProfiler.so for linux-x64, from the Maven artifact (fetched once into the work folder). */
  private Path library() throws IOException, InterruptedException {
    Path library = work.resolve("libasyncProfiler.so");
    if (Files.exists(library)) {
      return library;
    }
    Shell.logged(root, work.resolve("async-profiler.log"), "mvn", "-B", "-q", "dependency:copy",
        "-Dartifact=" + ASYNC_PROFILER, "-DoutputDirectory=" + work);
    List<Path> jars;
    try (var files = Files.list(work)) {
      jars = files.filter(p -> p.getFileName().toString().matches("async-profiler-.*\\.jar")).toList();
    }
    if (jars.isEmpty()) {
      throw new IOException("could not fetch " + ASYNC_PROFILER);
    }
    try (ZipFile zip = new ZipFile(jars.get(0).toFile())) {
      ZipEntry entry = zip.getEntry("linux-x64/libasyncProfiler.so");
      if (entry == null) {
        throw new IOException(jars.get(0) + " holds no linux-x64/libasyncProfiler.so");
      }
      try (InputStream in = zip.getInputStream(entry)) {
        Files.copy(in, library);
      }
    }
    return library;
  }
}
