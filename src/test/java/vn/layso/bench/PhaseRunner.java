package vn.layso.bench;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Runs the throughput phases with wrk and measures them: per phase and server a warm-up, then a
 * measured run with the CPU of the server's JVM, its Redis, wrk and the whole machine, and INFO
 * commandstats before and after. Keeps each server's queues stocked so that call-next never runs
 * dry for want of tickets, and no append-only-file rewrite inside a measured run.
 */
public final class PhaseRunner {

  private final BenchSettings settings;
  private final Wrk wrk;
  private final List<BenchServer> servers;
  private final BenchTable table;
  private final Map<BenchServer, QueueStock> stocks = new HashMap<>();

  public PhaseRunner(BenchSettings settings, Wrk wrk, List<BenchServer> servers, BenchTable table) {
    this.settings = settings;
    this.wrk = wrk;
    this.servers = servers;
    this.table = table;
  }

  /**
   * The JIT warm-up of a server: twice BENCH_WARMUP each of the ceiling, issuing and call-next. The
   * floor server runs each of its phases, its issue and call-next twice over: its paths are not
   * warmed by the queues' top-ups as the real server's are, and a floor measured cold would be
   * too low (on a machine at load 22-25 its issue took 241, 60, 25, then 18 µs of CPU per request
   * over four 8 s runs).
   */
  public void warmUp(BenchServer server) throws IOException, InterruptedException {
    for (String phase : server.floor() ? List.of("floor-ceiling", "floor-issue", "floor-issue", "floor-issue-pipe",
        "floor-call", "floor-call", "floor-call-pipe") : List.of("ceiling", "issue", "call-next-64")) {
      account(server, phase, run(server, phase, 2 * settings.warmup()));
    }
  }

  /** A warm-up, then a measured run, added to the phase's rounds in the table. */
  public void measure(BenchServer server, String phase) throws IOException, InterruptedException {
    boolean always = phase.equals("issue-always");
    if (always) {
      server.redis().configSet("appendfsync", "always");
    }
    try {
      topUpBefore(server, phase);
      account(server, phase, run(server, phase, settings.warmup()));
      // the warm-up gave this server's call-next rate (in the first round nothing had): top up again
      topUpBefore(server, phase);
      settle(server);
      CommandStats before = CommandStats.parse(server.redis().info("commandstats"));
      long jvm0 = CpuTicks.process(server.pid());
      long redis0 = CpuTicks.process(server.redisPid());
      long machine0 = CpuTicks.machineBusy();
      Wrk.Result r = run(server, phase, settings.duration());
      long jvm = CpuTicks.process(server.pid()) - jvm0;
      long redis = CpuTicks.process(server.redisPid()) - redis0;
      long machine = CpuTicks.machineBusy() - machine0;
      CommandStats redisRan = CommandStats.parse(server.redis().info("commandstats")).since(before);
      account(server, phase, r);
      PhaseRun run = new PhaseRun(r.requests(), r.seconds(), r.p50Us() / 1000.0, r.p99Us() / 1000.0,
          r.socketErrors(), r.non2xx(), r.dry(), jvm, redis, r.cpuUs(), machine, redisRan);
      table.add(server.label(), phase, run);
      if (settings.commandStats()) {
        Bench.log("[commandstats] %s %s %s", server.label(), phase, redisRan.perRequest(r.requests()));
      }
      String invalid = run.invalidity();
      Bench.log("%s %s: %.0f req/s, p99 %.1f ms%s (load %s)", server.label(), phase, run.perSecond(), run.p99Ms(),
          invalid.isEmpty() ? "" : " INVALID:" + invalid, Bench.loadAverage());
    } finally {
      if (always) {
        server.redis().configSet("appendfsync", "everysec");
      }
    }
  }

  /** One wrk run of a phase (the profiler runs one more, uncounted). */
  public Wrk.Result run(BenchServer server, String phase, int seconds) throws IOException, InterruptedException {
    List<String> offices = BenchOffices.throughputOffices();
    if (phase.equals("ceiling")) {
      return wrk.run(server.base() + "/health", settings.connections(phase), seconds, "health.lua", List.of());
    }
    if (phase.startsWith("floor-")) {
      return runFloor(server, phase, seconds, offices);
    }
    List<String> args = new ArrayList<>();
    String script;
    if (phase.startsWith("issue")) {
      script = "issue.lua";
      args.add(String.valueOf(BenchOffices.SERVICES));
    } else if (phase.startsWith("call-next-")) {
      script = "callnext.lua";
      args.add(server.token());
      args.add(String.valueOf(BenchOffices.COUNTERS));
    } else {
      throw new IllegalArgumentException("unknown phase " + phase);
    }
    args.addAll(offices);
    return wrk.run(server.base() + "/", settings.connections(phase), seconds, script, args);
  }

  /**
   * A floor phase on the floor server (FloorServer): its /health, or its issue or call-next, with a
   * script or pipelined ("-pipe"). Its call-next requests carry the first server's token (unchecked),
   * so that they are as long as the real ones.
   */
  private Wrk.Result runFloor(BenchServer server, String phase, int seconds, List<String> offices)
      throws IOException, InterruptedException {
    if (phase.equals("floor-ceiling")) {
      return wrk.run(server.base() + "/health", settings.connections(phase), seconds, "health.lua", List.of());
    }
    String variant = phase.endsWith("-pipe") ? "-pipe/" : "/";
    List<String> args = new ArrayList<>();
    String script;
    if (phase.startsWith("floor-issue")) {
      script = "floor-issue.lua";
      args.add("/floor/issue" + variant);
      args.add(String.valueOf(BenchOffices.SERVICES));
    } else if (phase.startsWith("floor-call")) {
      script = "floor-call.lua";
      args.add("/floor/call" + variant);
      args.add(servers.get(0).token());
      args.add(String.valueOf(BenchOffices.COUNTERS));
    } else {
      throw new IllegalArgumentException("unknown phase " + phase);
    }
    args.addAll(offices);
    return wrk.run(server.base() + "/", settings.connections(phase), seconds, script, args);
  }

  private static boolean issuing(String phase) {
    return phase.startsWith("issue") || phase.startsWith("floor-issue");
  }

  private static boolean calling(String phase) {
    return phase.startsWith("call-next-") || phase.startsWith("floor-call");
  }

  public void topUpBefore(BenchServer server, String phase) throws IOException, InterruptedException {
    if (!calling(phase)) {
      return;
    }
    long need = stock(server).shortfall(settings.warmup() + settings.duration());
    if (need > 0) {
      Bench.log("%s: topping up the queues with %d tickets", server.label(), need);
      fill(server, need, BenchOffices.throughputOffices());
    }
  }

  /**
   * Issues at least {@code want} tickets over the offices given. wrk runs for its whole -d even when
   * every thread has stopped, so the runs are sized from the issuing rate, 3 to 10 s each (a cold
   * server on a loaded machine may answer nothing in the first second).
   */
  public void fill(BenchServer server, long want, List<String> offices) throws IOException, InterruptedException {
    long have = 0;
    QueueStock stock = stock(server);
    while (have < want) {
      int seconds = (int) Math.max(3, Math.min(10, (want - have) * 12 / 10 / (stock.issueRate() + 1) + 1));
      List<String> args = new ArrayList<>(List.of(String.valueOf((want - have) / settings.threads() + 1)));
      if (server.floor()) {
        args.add("/floor/issue/");
      }
      args.add(String.valueOf(BenchOffices.SERVICES));
      args.addAll(offices);
      Wrk.Result r = wrk.run(server.base() + "/", settings.connections(), seconds,
          server.floor() ? "floor-prefill.lua" : "prefill.lua", args);
      if (r.requests() == 0 || r.non2xx() > 0) {
        throw new IOException(String.format(Locale.ROOT, "%s: could not issue tickets (%d answers, %d not 2xx)",
            server.label(), r.requests(), r.non2xx()));
      }
      have += r.requests();
      if (offices.equals(BenchOffices.throughputOffices())) {
        stock.filled(r.requests());
      }
    }
  }

  private void account(BenchServer server, String phase, Wrk.Result r) {
    if (issuing(phase)) {
      stock(server).issued(r.requests() - r.non2xx(), r.seconds());
    } else if (calling(phase)) {
      stock(server).called(r.requests(), r.dry(), r.seconds());
    }
  }

  /**
   * Rewrites this server's append-only file and waits until no server's Redis is rewriting: a
   * rewrite is a forked child serialising the whole dataset, seconds of CPU on the shared cores.
   */
  private void settle(BenchServer server) throws InterruptedException {
    server.rewriteAppendOnlyFile();
    for (BenchServer s : servers) {
      for (int i = 0; i < 600 && s.rewriting(); i++) {
        Thread.sleep(100);
      }
    }
  }

  private QueueStock stock(BenchServer server) {
    return stocks.computeIfAbsent(server, s -> new QueueStock());
  }
}
