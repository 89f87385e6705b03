package vn.layso.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * wrk, the load generator, with the bench's Lua scripts (src/test/resources/bench/wrk, copied to
 * the work folder, where wrk runs). Each script prints one RESULT line; the output of every run is
 * appended to wrk.log.
 */
public final class Wrk {

  private static final List<String> SCRIPTS = List.of("common.lua", "health.lua", "issue.lua", "prefill.lua",
      "callnext.lua", "floor-issue.lua", "floor-prefill.lua", "floor-call.lua");

  private final Path work;
  private final int threads;

  /** What one wrk run answered, and the CPU wrk itself used. */
  public record Result(long requests, double seconds, long p50Us, long p99Us, long socketErrors, long non2xx,
                       long dry, long cpuUs) {
  }

  public Wrk(Path work, int threads) throws IOException {
    this.work = work;
    this.threads = threads;
    for (String script : SCRIPTS) {
      try (InputStream in = Wrk.class.getResourceAsStream("/bench/wrk/" + script)) {
        if (in == null) {
          throw new IOException("missing the wrk script " + script + " on the class path");
        }
        Files.write(work.resolve(script), in.readAllBytes());
      }
    }
  }

  /** Runs wrk against {@code url} (base and path) with a script and its arguments. */
  public Result run(String url, int connections, int seconds, String script, List<String> args)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of("wrk", "-t" + Math.min(threads, connections), "-c" + connections,
        "-d" + seconds + "s", "--timeout", "5s", "-s", script, url));
    if (!args.isEmpty()) {
      command.add("--");
      command.addAll(args);
    }
    Path out = work.resolve("wrk.out");
    long cpu0 = CpuTicks.reapedChildren();
    Process wrk = new ProcessBuilder(command).directory(work.toFile()).redirectErrorStream(true)
        .redirectOutput(out.toFile()).start();
    int status = wrk.waitFor();
    long cpu = CpuTicks.reapedChildren() - cpu0;
    String output = Files.readString(out);
    Files.writeString(work.resolve("wrk.log"), output, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    String result = output.lines().filter(l -> l.startsWith("RESULT ")).reduce((a, b) -> b).orElse(null);
    if (status != 0 || result == null) {
      throw new IOException("wrk failed (status " + status + "): " + output.strip());
    }
    String[] f = result.split(" ");
    return new Result(Long.parseLong(f[1]), Double.parseDouble(f[2]), Long.parseLong(f[3]), Long.parseLong(f[4]),
        Long.parseLong(f[5]), Long.parseLong(f[6]), Long.parseLong(f[7]), cpu);
  }
}
