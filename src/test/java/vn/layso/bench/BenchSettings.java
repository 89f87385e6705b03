package vn.layso.bench;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What scripts/bench reads from its environment (docs/benchmarks.md, "How to run"), read once and
 * checked: a bad value stops the bench before any server starts.
 *
 * @param rounds BENCH_ROUNDS, rounds of the throughput phases (0: none)
 * @param duration BENCH_DURATION, seconds measured per phase, server and round
 * @param warmup BENCH_WARMUP, seconds of warm-up before each measured run
 * @param connections BENCH_CONNECTIONS, wrk connections of the ceiling and issuing phases
 * @param threads BENCH_THREADS, wrk threads
 * @param eventLoops BENCH_EVENT_LOOPS, EVENT_LOOPS of the main server (default: the cores)
 * @param cores the machine's cores: EVENT_LOOPS's own default, which the targets are stated for
 * @param fanoutStages BENCH_FANOUT_STAGES, socket counts ("" skips the fan-out)
 * @param baseline BENCH_BASELINE, a git revision measured in the same run, or null
 * @param profile BENCH_PROFILE, phases profiled with async-profiler after the rounds
 * @param commandStats BENCH_COMMANDSTATS=1: every Redis command of each measured run in the log
 * @param fanoutPhones BENCH_FANOUT_PHONES, citizens' ticket pages opened on the fan-out office before the
 *     socket stages (their ticket reads per page per call; 0 skips them)
 * @param fanoutPhoneSeconds BENCH_FANOUT_PHONE_SECONDS, how long the pages follow the calls
 */
public record BenchSettings(int rounds, int duration, int warmup, int connections, int threads, int eventLoops,
                            int cores, String fanoutStages, int fanoutRate, int fanoutSeconds, int fanoutPerAddress,
                            String baseline, List<String> profile, Path profileDir, String javaOpts,
                            boolean commandStats, boolean keep, boolean booking, int bookingCrowd,
                            boolean reports, int fanoutPhones, int fanoutPhoneSeconds) {

  /** The phases a round runs, in order; BENCH_PROFILE may name any of them. */
  public static final List<String> PHASES = List.of("ceiling", "issue", "issue-always", "call-next-64",
      "call-next-20");

  /**
   * The floor server's phases (FloorServer, docs/benchmarks.md "The stack's floor"): its own ceiling,
   * the least an issue and a call-next must do with one script each, and the same without Lua.
   */
  public static final List<String> FLOOR_PHASES = List.of("floor-ceiling", "floor-issue", "floor-issue-pipe",
      "floor-call", "floor-call-pipe");

  /** BENCH_FLOOR=0 leaves the floor server out (it runs by default). */
  public static boolean floor(Map<String, String> env) {
    return flag(env, "BENCH_FLOOR", true);
  }

  /** The phases of a round in order, the floor's beside the real ones they bound when it runs. */
  public static List<String> roundPhases(boolean floor) {
    if (!floor) {
      return PHASES;
    }
    return List.of("ceiling", "floor-ceiling", "issue", "floor-issue", "floor-issue-pipe", "issue-always",
        "call-next-64", "floor-call", "floor-call-pipe", "call-next-20");
  }

  public static BenchSettings from(Map<String, String> env, int cores, Path root) {
    String stages = env.getOrDefault("BENCH_FANOUT_STAGES", "5000,10000").trim();
    if (!stages.matches("(\\d+(,\\d+)*)?")) {
      throw new IllegalArgumentException("BENCH_FANOUT_STAGES must be socket counts such as 1000,5000 (or empty)");
    }
    List<String> profile = Arrays.stream(env.getOrDefault("BENCH_PROFILE", "").split(","))
        .map(String::trim).filter(p -> !p.isEmpty()).toList();
    for (String phase : profile) {
      if (!PHASES.contains(phase)) {
        throw new IllegalArgumentException("BENCH_PROFILE: unknown phase " + phase + " (phases: " + PHASES + ")");
      }
    }
    String baseline = env.getOrDefault("BENCH_BASELINE", "").trim();
    return new BenchSettings(
        number(env, "BENCH_ROUNDS", 3, 0),
        number(env, "BENCH_DURATION", 7, 1),
        number(env, "BENCH_WARMUP", 3, 1),
        number(env, "BENCH_CONNECTIONS", 64, 1),
        number(env, "BENCH_THREADS", 2, 1),
        number(env, "BENCH_EVENT_LOOPS", cores, 1),
        cores,
        stages,
        number(env, "BENCH_FANOUT_RATE", 5, 1),
        number(env, "BENCH_FANOUT_SECONDS", 15, 1),
        number(env, "BENCH_FANOUT_PER_ADDRESS", 500, 1),
        baseline.isEmpty() ? null : baseline,
        profile,
        Path.of(env.getOrDefault("BENCH_PROFILE_DIR", root.resolve("target/bench-profiles").toString())),
        env.getOrDefault("BENCH_JAVA_OPTS", "").trim(),
        flag(env, "BENCH_COMMANDSTATS", false),
        flag(env, "BENCH_KEEP", false),
        flag(env, "BENCH_BOOKING", true),
        number(env, "BENCH_BOOKING_CROWD", 200, 1),
        flag(env, "BENCH_REPORTS", true),
        number(env, "BENCH_FANOUT_PHONES", 2000, 0),
        number(env, "BENCH_FANOUT_PHONE_SECONDS", 60, 1));
  }

  /** The phases of a round that run on a server (the scaling and baseline servers run fewer). */
  public boolean runs(String phase, ServerRole role) {
    if (FLOOR_PHASES.contains(phase) != (role == ServerRole.FLOOR)) {
      return false;
    }
    return switch (role) {
      case FLOOR -> true;
      case MAIN -> true;
      case ONE_LOOP -> Set.of("ceiling", "issue", "call-next-64").contains(phase);
      case BASELINE -> !phase.equals("issue-always");
    };
  }

  /** The wrk connections of a phase: call-next-N names its own. */
  public int connections(String phase) {
    // floor-call takes the default, as call-next-64 does with it
    return phase.startsWith("call-next-") ? Integer.parseInt(phase.substring("call-next-".length())) : connections;
  }

  /** What a server is in the run. */
  public enum ServerRole { MAIN, ONE_LOOP, BASELINE, FLOOR }

  private static int number(Map<String, String> env, String name, int fallback, int min) {
    String value = env.get(name);
    if (value == null || value.isBlank()) {
      return fallback;
    }
    try {
      int n = Integer.parseInt(value.trim());
      if (n >= min) {
        return n;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new IllegalArgumentException(name + " must be a whole number of at least " + min + ", not " + value);
  }

  private static boolean flag(Map<String, String> env, String name, boolean fallback) {
    String value = env.get(name);
    return value == null || value.isBlank() ? fallback : !value.trim().equals("0");
  }
}
