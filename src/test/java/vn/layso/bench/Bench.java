package vn.layso.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * The load benchmark of layso on this machine (scripts/bench runs it; docs/benchmarks.md, "How to
 * run", says what it does and why). Starts real servers side by side, each with its own embedded
 * Redis: {@code loops=N} (this tree, EVENT_LOOPS=N), {@code loops=1}, and with BENCH_BASELINE the
 * jar built from that revision; then the live fan-out and the booking crowd on {@code loops=N}, the
 * throughput phases in rounds on every server, the profiles, and the summary on standard output:
 * the table, the comparisons, the fan-out and the targets as PASS/FAIL lines. Progress goes
 * to standard error.
 */
public final class Bench {

  private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss");

  private final BenchSettings settings;
  private final Path root;
  private final Path work;
  private final List<BenchServer> servers = new ArrayList<>();
  private final BenchTable table = new BenchTable();
  private final List<String> fanoutLines = new ArrayList<>();
  private final List<String> bookingLines = new ArrayList<>();
  private String fanoutCpu = "?";

  private Bench(BenchSettings settings, Path root, Path work) {
    this.settings = settings;
    this.root = root;
    this.work = work;
  }

  public static void main(String[] args) throws Exception {
    Path root = Path.of(System.getProperty("bench.root", ".")).toAbsolutePath().normalize();
    BenchSettings settings;
    try {
      settings = BenchSettings.from(System.getenv(), Runtime.getRuntime().availableProcessors(), root);
    } catch (IllegalArgumentException e) {
      log("error: %s", e.getMessage());
      System.exit(2);
      return;
    }
    Path work = Files.createTempDirectory("layso-bench.");
    Bench bench = new Bench(settings, root, work);
    // on every way out, Ctrl-C included: the servers stopped, the work folder gone (BENCH_KEEP=1 keeps it)
    Runtime.getRuntime().addShutdownHook(new Thread(() -> bench.cleanUp(), "bench-cleanup"));
    int status = 0;
    try {
      bench.run();
    } catch (Exception | Error e) {
      log("error: %s", e.getMessage() == null ? e.toString() : e.getMessage());
      status = 1;
    }
    System.exit(status);
  }

  private void run() throws Exception {
    String start = ZonedDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS).toString();
    String loadBefore = loadAverage3();
    String commit = Shell.output(root, "git", "rev-parse", "--short", "HEAD").strip()
        + (Shell.exitCode(root, "git", "diff", "--quiet", "HEAD") == 0 ? "" : "+changes");
    Path offices = work.resolve("offices.json");
    Files.writeString(offices, BenchOffices.json());
    String password = "bench-admin-password-" + ProcessHandle.current().pid();
    Path jar = Path.of(System.getProperty("bench.jar", root.resolve("target/layso-0.1.0-SNAPSHOT.jar").toString()));
    String mainLabel = "loops=" + settings.eventLoops();
    BenchServer main = startServer(mainLabel, jar, settings.eventLoops(), offices, password);
    if (settings.eventLoops() != 1) {
      startServer("loops=1", jar, 1, offices, password);
    }
    String baselineLabel = null;
    if (settings.baseline() != null) {
      baselineLabel = Shell.output(root, "git", "rev-parse", "--short", settings.baseline()).strip();
      log("building the baseline %s", baselineLabel);
      startServer(baselineLabel, Baseline.build(root, settings.baseline(), work), settings.eventLoops(), offices,
          password);
    }
    boolean floor = BenchSettings.floor(System.getenv());
    if (floor) {
      // the stack's floor (FloorServer): the same stack doing the least an issue and a call-next must do
      log("starting the floor server 'floor' (EVENT_LOOPS=%d)", settings.eventLoops());
      BenchServer f = BenchServer.startFloor("floor", settings.eventLoops(), work, settings.javaOpts());
      servers.add(f);
      log("server 'floor' up on %s (pid %d, redis pid %d)", f.base(), f.pid(), f.redisPid());
      table.floorAgainst(mainLabel);
    }
    PhaseRunner runner = new PhaseRunner(settings, new Wrk(work, settings.threads()), servers, table);
    if (!settings.fanoutStages().isEmpty()) {
      fanout(main, runner);
    }
    if (settings.booking()) {
      booking(main);
    }
    for (BenchServer s : servers) {
      log(s.floor() ? "%s: JIT warm-up, %ds each of its health and pipelined phases, twice that of its issue and call"
          : "%s: JIT warm-up, %ds each of health, issuing and call-next", s.label(), 2 * settings.warmup());
      runner.warmUp(s);
    }
    for (int round = 1; round <= settings.rounds(); round++) {
      log("round %d of %d", round, settings.rounds());
      for (String phase : BenchSettings.roundPhases(floor)) {
        for (BenchServer s : servers) {
          if (settings.runs(phase, role(s, main, baselineLabel))) {
            runner.measure(s, phase);
          }
        }
      }
    }
    for (String phase : settings.profile()) {
      new Profiler(root, work, settings).profile(main, phase, runner, commit);
    }
    summary(start, commit, loadBefore, mainLabel, baselineLabel);
    if (settings.reports()) {
      System.out.printf("%nReports: a provincial centre, 1,500 tickets a day (scripts/bench-reports)%n");
      System.out.flush();
      Shell.inherit(root, List.of("env", "BENCH_SKIP_BUILD=1", root.resolve("scripts/bench-reports").toString()));
    }
  }

  private BenchServer startServer(String label, Path jar, int loops, Path offices, String password)
      throws IOException, InterruptedException {
    log("starting server '%s' (EVENT_LOOPS=%d)", label, loops);
    BenchServer server = BenchServer.start(label, jar, loops, work, offices, password, settings.javaOpts());
    servers.add(server);
    log("server '%s' up on %s (pid %d, redis pid %d)", label, server.base(), server.pid(), server.redisPid());
    return server;
  }

  private static BenchSettings.ServerRole role(BenchServer s, BenchServer main, String baselineLabel) {
    if (s.floor()) {
      return BenchSettings.ServerRole.FLOOR;
    }
    if (s == main) {
      return BenchSettings.ServerRole.MAIN;
    }
    return s.label().equals(baselineLabel) ? BenchSettings.ServerRole.BASELINE : BenchSettings.ServerRole.ONE_LOOP;
  }

  /** FanoutBench (a Java WebSocket client, its own JVM) on bench-live; its FANOUT lines are kept. */
  private void fanout(BenchServer main, PhaseRunner runner) throws IOException, InterruptedException {
    long stages = settings.fanoutStages().split(",").length;
    log("fan-out on %s: stages %s sockets, %d calls/s for %ds each (load %s)", main.label(), settings.fanoutStages(),
        settings.fanoutRate(), settings.fanoutSeconds(), loadAverage3());
    long jvm0 = CpuTicks.process(main.pid());
    long redis0 = CpuTicks.process(main.redisPid());
    List<String> out = Shell.java(work, "fanout", FanoutBench.JVM_OPTIONS, "vn.layso.bench.FanoutBench",
        "base=" + main.base(),
        "office=" + BenchOffices.LIVE, "token=" + main.token(), "stages=" + settings.fanoutStages(),
        "perAddress=" + settings.fanoutPerAddress(), "rate=" + settings.fanoutRate(),
        "seconds=" + settings.fanoutSeconds(), "counters=" + BenchOffices.COUNTERS, "pid=" + main.pid(),
        // the pages first, then FanoutBench issues the stages' tickets itself (fill=)
        "phones=" + settings.fanoutPhones(), "phoneSeconds=" + settings.fanoutPhoneSeconds(),
        // the first stage after calls as long as the servers' JIT warm-up (BENCH_WARMUP, twice), not counted
        "warmup=" + 2 * settings.warmup(),
        "fill=" + ((long) settings.fanoutRate() * (settings.fanoutSeconds() * stages + 2L * settings.warmup()) + 500));
    fanoutCpu = String.format(Locale.ROOT, "%.0f s JVM, %.0f s Redis", (CpuTicks.process(main.pid()) - jvm0) / 1e6,
        (CpuTicks.process(main.redisPid()) - redis0) / 1e6);
    out.stream().filter(l -> l.startsWith("FANOUT")).forEach(fanoutLines::add);
    fanoutLines.forEach(l -> log("%s", l));
  }

  /**
   * BookingCrowdBench on bench-book for the day after tomorrow (inside the booking window whatever
   * the hour): the last places of a slot for a crowd at once, an open day, then the same client's
   * ceiling.
   */
  private void booking(BenchServer main) throws IOException, InterruptedException {
    LocalDate day = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh")).plusDays(2);
    log("booking crowd on %s for %s: %d at once, then %d clients for %ds", main.label(), day, settings.bookingCrowd(),
        settings.connections(), settings.duration());
    List<String> out = Shell.java(work, "booking", "vn.layso.bench.BookingCrowdBench", "base=" + main.base(),
        "office=" + BenchOffices.BOOK, "date=" + day, "services=" + String.join(",", BenchOffices.services()),
        "crowd=" + settings.bookingCrowd(), "conns=" + settings.connections(), "seconds=" + settings.duration());
    out.stream().filter(l -> l.startsWith("BOOKING")).forEach(bookingLines::add);
    bookingLines.forEach(l -> log("%s", l));
  }

  private void summary(String start, String commit, String loadBefore, String main, String baseline) {
    StringBuilder out = new StringBuilder();
    out.append(String.format("%nlayso benchmark, %s, commit %s, %d cores (%s), %s %s%n", start, commit,
        settings.cores(), cpuModel(), System.getProperty("java.vm.name"), Runtime.version()));
    out.append(String.format("%d rounds of %ds warm-up + %ds measured per phase and server; wrk -t%d; load average"
        + " before %s, after %s%n", settings.rounds(), settings.warmup(), settings.duration(), settings.threads(),
        loadBefore, loadAverage3()));
    out.append("medians over the rounds; Redis appendfsync everysec except issue-always; \"in Redis\": the scripts'"
        + " (ping's) time a call, INFO commandstats after minus before each measured run; \"Redis/req\": their calls"
        + " and µs, and the other commands Redis ran, per request\n\n");
    if (settings.rounds() > 0) {
      out.append(table.table());
      out.append("\nRedis commands per request (calls, and µs inside Redis; the scripts' inner commands included):\n");
      out.append(table.commandsPerRequest());
      List<String> phases = List.of("ceiling", "issue", "call-next-64");
      if (settings.eventLoops() != 1) {
        out.append('\n').append(table.compare("Scaling: EVENT_LOOPS=" + settings.eventLoops()
            + " against EVENT_LOOPS=1 (requests/s, median of the rounds' ratios)", main, "loops=1", phases, false));
      }
      out.append("  issuing, appendfsync always against everysec: ").append(BenchTable.ratio(
          table.rates(main, "issue-always"), table.rates(main, "issue")).map(r -> String.format(Locale.ROOT, "%.2f", r))
          .orElse("-")).append('\n');
      if (baseline != null) {
        out.append('\n').append(table.compare("Before/after: " + commit + " (this tree) against " + baseline
            + ", EVENT_LOOPS=" + settings.eventLoops() + " both", main, baseline,
            List.of("ceiling", "issue", "call-next-64", "call-next-20"), true));
      }
    }
    FanoutTable fanout = new FanoutTable(fanoutLines);
    if (!settings.fanoutStages().isEmpty()) {
      out.append(String.format("%nLive fan-out on %s: %d call-next/s from %d counters, %ds per stage, at most %d"
          + " sockets per source address%n", main, settings.fanoutRate(), BenchOffices.COUNTERS,
          settings.fanoutSeconds(), settings.fanoutPerAddress()));
      out.append(fanout.table());
      out.append(String.format("(RSS: the server's, with the sockets open; KB/socket: its growth over the sockets"
          + " added in that stage;%n before any socket: %d MB; CPU over the whole fan-out: %s)%n", fanout.rssBeforeMb(),
          fanoutCpu));
      fanout.phones().ifPresent(l -> out.append("Ticket pages (the pages' own rule, webroot/ticket/place.js): ")
          .append(l).append('\n'));
    }
    if (!bookingLines.isEmpty()) {
      out.append(String.format("%nBooking crowd on %s (BookingCrowdBench):%n", main));
      bookingLines.forEach(l -> out.append("  ").append(l).append('\n'));
    }
    out.append(String.format("%nTargets (issue 16; EVENT_LOOPS at its default, %d here):%n", settings.cores()));
    if (settings.rounds() > 0) {
      table.targets(main, settings.eventLoops(), settings.cores()).forEach(l -> out.append("  ").append(l).append('\n'));
      if (baseline != null) {
        table.redisTargets(main, baseline).forEach(l -> out.append("  ").append(l).append('\n'));
      }
      table.floorLines("floor", main).forEach(l -> out.append("  ").append(l).append('\n'));
    }
    fanout.targets().forEach(l -> out.append("  ").append(l).append('\n'));
    out.append("\n(\"vs ceiling\": against the same server's ceiling in the same round; \"other\": CPU used by"
        + " anything else on the machine)\n");
    System.out.print(out);
    System.out.flush();
  }

  private synchronized void cleanUp() {
    for (BenchServer s : servers) {
      try {
        s.close();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } catch (RuntimeException e) {
        log("could not stop '%s' cleanly: %s", s.label(), e);
      }
    }
    servers.clear();
    try {
      if (settings.keep()) {
        log("kept %s", work);
      } else {
        deleteTree(work);
      }
    } catch (IOException e) {
      log("could not delete %s: %s", work, e);
    }
  }

  static void log(String format, Object... args) {
    System.err.printf("[bench %s] %s%n", LocalTime.now().format(CLOCK), String.format(Locale.ROOT, format, args));
  }

  static String loadAverage() {
    return loadAverage3().split(" ")[0];
  }

  private static String loadAverage3() {
    try {
      String[] f = Files.readString(Path.of("/proc/loadavg")).split(" ");
      return f[0] + " " + f[1] + " " + f[2];
    } catch (IOException e) {
      return "?";
    }
  }

  private static String cpuModel() {
    try (Stream<String> lines = Files.lines(Path.of("/proc/cpuinfo"))) {
      return lines.filter(l -> l.startsWith("model name")).map(l -> l.substring(l.indexOf(':') + 1).trim())
          .findFirst().orElse("?");
    } catch (IOException e) {
      return "?";
    }
  }

  private static void deleteTree(Path dir) throws IOException {
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
