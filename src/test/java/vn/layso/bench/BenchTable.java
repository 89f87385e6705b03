package vn.layso.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.ToDoubleFunction;

/**
 * The measured runs of the throughput phases, one list of rounds per server and phase, and what
 * the bench prints from them: the table (the shape docs/benchmarks.md uses), the comparisons and the
 * targets. A phase with any socket error, answer not 2xx or queue run dry, in any round, is INVALID
 * and gives no figure, nor any ratio. Ratios are taken within a round (a phase against the same
 * server's ceiling, or one server against another), then the median over the rounds.
 */
public final class BenchTable {

  /** The issue's targets, on the main server with EVENT_LOOPS at its default. */
  public static final double ISSUE_TARGET = 0.5;
  public static final double CALL_NEXT_TARGET = 0.35;

  private final Map<String, List<PhaseRun>> rows = new LinkedHashMap<>();
  /** The server whose ceiling the floor's phases are held to (floorAgainst), or null. */
  private String floorAgainst;

  /** The floor's phases (floor-*) are shown against this server's ceiling, the real one. */
  public void floorAgainst(String server) {
    this.floorAgainst = server;
  }

  public void add(String server, String phase, PhaseRun run) {
    rows.computeIfAbsent(key(server, phase), k -> new ArrayList<>()).add(run);
  }

  /** Why a row gives no figure, or empty when every round of it is valid. */
  public Optional<String> invalid(String server, String phase) {
    List<PhaseRun> runs = rows.get(key(server, phase));
    if (runs == null) {
      return Optional.of(" not run;");
    }
    PhaseRun sum = runs.stream().reduce(BenchTable::sum).orElseThrow();
    String why = sum.invalidity();
    return why.isEmpty() ? Optional.empty() : Optional.of(why);
  }

  /** Requests a second, one per round, or empty when the row is invalid. */
  public Optional<double[]> rates(String server, String phase) {
    if (invalid(server, phase).isPresent()) {
      return Optional.empty();
    }
    return Optional.of(rows.get(key(server, phase)).stream().mapToDouble(PhaseRun::perSecond).toArray());
  }

  /** The median over the rounds of a phase's requests/s against its server's ceiling. */
  public Optional<Double> vsCeiling(String server, String phase) {
    return ratio(rates(server, phase), rates(server, "ceiling"));
  }

  /** The median over the rounds of a/b. */
  static Optional<Double> ratio(Optional<double[]> a, Optional<double[]> b) {
    if (a.isEmpty() || b.isEmpty()) {
      return Optional.empty();
    }
    int n = Math.min(a.get().length, b.get().length);
    double[] r = new double[n];
    for (int i = 0; i < n; i++) {
      r[i] = b.get()[i] > 0 ? a.get()[i] / b.get()[i] : 0;
    }
    return n == 0 ? Optional.empty() : Optional.of(median(r));
  }

  /** Per round, a phase's requests/s against its own server's ceiling. */
  private Optional<double[]> perRoundVsCeiling(String server, String phase) {
    Optional<double[]> rates = rates(server, phase);
    Optional<double[]> ceiling = rates(server, "ceiling");
    if (rates.isEmpty() || ceiling.isEmpty()) {
      return Optional.empty();
    }
    double[] r = new double[Math.min(rates.get().length, ceiling.get().length)];
    for (int i = 0; i < r.length; i++) {
      r[i] = ceiling.get()[i] > 0 ? rates.get()[i] / ceiling.get()[i] : 0;
    }
    return Optional.of(r);
  }

  static double median(double[] values) {
    double[] v = values.clone();
    Arrays.sort(v);
    int n = v.length;
    return n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
  }

  /** The markdown table: one line per server and phase, in the order they first ran. */
  public String table() {
    StringBuilder out = new StringBuilder();
    out.append(String.format("| %-10s | %-13s | %10s | %7s | %7s | %10s | %-30s | %-16s | %-24s |%n", "server", "phase",
        "requests/s", "p50 ms", "p99 ms", "vs ceiling", "CPU µs/req: jvm redis wrk other", "in Redis µs/call",
        "Redis/req: calls µs cmds"));
    out.append("|------------|---------------|-----------:|--------:|--------:|-----------:|--------------------------------|"
        + "------------------|--------------------------|\n");
    rows.forEach((key, runs) -> {
      String server = key.substring(0, key.indexOf('|'));
      String phase = key.substring(key.indexOf('|') + 1);
      Optional<String> invalid = invalid(server, phase);
      if (invalid.isPresent()) {
        out.append(String.format("| %-10s | %-13s | INVALID:%s |%n", server, phase, invalid.get()));
        return;
      }
      PhaseRun sum = runs.stream().reduce(BenchTable::sum).orElseThrow();
      double n = sum.requests();
      long other = Math.max(0, sum.machineUs() - sum.jvmUs() - sum.redisUs() - sum.wrkUs());
      boolean ceiling = phase.equals("ceiling") || phase.equals("floor-ceiling");
      CommandStats.Usage main = sum.redis().main(ceiling);
      long cmds = sum.redis().others().calls() - (ceiling ? main.calls() : 0);
      out.append(String.format(Locale.ROOT, "| %-10s | %-13s | %10.0f | %7.2f | %7.2f | %10s | %-30s | %-16s | %-24s |%n",
          server, phase, medianOf(runs, PhaseRun::perSecond), medianOf(runs, PhaseRun::p50Ms), medianOf(runs, PhaseRun::p99Ms),
          shownVsCeiling(server, phase).map(BenchTable::two).orElse("-"),
          String.format(Locale.ROOT, "%4.0f %5.0f %4.0f %5.0f", sum.jvmUs() / n, sum.redisUs() / n, sum.wrkUs() / n,
              other / n),
          main.calls() == 0 ? "-" : (ceiling ? "ping " : "evalsha ") + two((double) main.usec() / main.calls()),
          String.format(Locale.ROOT, "%.2f %6.1f %5.1f", main.calls() / n, main.usec() / n, cmds / n)));
    });
    return out.toString();
  }

  /** The table's "vs ceiling": a floor phase against the real server's ceiling, any other against its own server's. */
  private Optional<Double> shownVsCeiling(String server, String phase) {
    if (phase.startsWith("floor-") && floorAgainst != null) {
      return ratio(rates(server, phase), rates(floorAgainst, "ceiling"));
    }
    return vsCeiling(server, phase);
  }

  /**
   * The floor's lines under the targets: the most any design on this stack can reach of the real
   * server's ceiling (the better of the scripted and pipelined floor, median of the rounds' ratios),
   * for issuing and call-next, and what that says of each target. Empty without a floor server.
   */
  public List<String> floorLines(String floor, String main) {
    if (!rows.containsKey(key(floor, "floor-ceiling"))) {
      return List.of();
    }
    Optional<Double> issue = best(floor, main, "floor-issue", "floor-issue-pipe");
    Optional<Double> call = best(floor, main, "floor-call", "floor-call-pipe");
    List<String> lines = new ArrayList<>();
    lines.add(String.format(Locale.ROOT, "floor: issuing can reach at most %s of the ceiling on this machine with this"
        + " stack, call-next %s", issue.map(BenchTable::two).orElse("no figure"),
        call.map(BenchTable::two).orElse("no figure")));
    lines.add("floor: " + variants(floor, main, "floor-issue", "floor-issue-pipe") + "; "
        + variants(floor, main, "floor-call", "floor-call-pipe") + "; its own ceiling "
        + ratio(rates(floor, "floor-ceiling"), rates(main, "ceiling")).map(BenchTable::two)
        .orElse("no figure" + invalid(floor, "floor-ceiling").map(why -> " (INVALID" + why + ")").orElse(""))
        + " of the real one");
    Optional<Double> issueCpu = byCpu(floor, main, "floor-issue", "floor-issue-pipe");
    Optional<Double> callCpu = byCpu(floor, main, "floor-call", "floor-call-pipe");
    lines.add(String.format(Locale.ROOT, "floor by CPU per request (jvm + redis + wrk, the real ceiling's over the"
        + " floor's; less swayed by the load's drift than requests/s): issuing %s, call-next %s",
        issueCpu.map(BenchTable::two).orElse("no figure"), callCpu.map(BenchTable::two).orElse("no figure")));
    lines.add(verdict("issuing", ISSUE_TARGET, issue, issueCpu));
    lines.add(verdict("call-next", CALL_NEXT_TARGET, call, callCpu));
    return lines;
  }

  private Optional<Double> best(String floor, String main, String... phases) {
    Optional<Double> best = Optional.empty();
    for (String phase : phases) {
      Optional<Double> r = ratio(rates(floor, phase), rates(main, "ceiling"));
      if (r.isPresent() && (best.isEmpty() || r.get() > best.get())) {
        best = r;
      }
    }
    return best;
  }

  /** The real ceiling's CPU per request (jvm, redis, wrk) over the cheapest valid floor variant's. */
  private Optional<Double> byCpu(String floor, String main, String... phases) {
    Optional<Double> ceiling = cpuPerRequest(main, "ceiling");
    Optional<Double> least = Optional.empty();
    for (String phase : phases) {
      Optional<Double> cpu = cpuPerRequest(floor, phase);
      if (cpu.isPresent() && (least.isEmpty() || cpu.get() < least.get())) {
        least = cpu;
      }
    }
    return ceiling.isEmpty() || least.isEmpty() ? Optional.empty() : Optional.of(ceiling.get() / least.get());
  }

  private Optional<Double> cpuPerRequest(String server, String phase) {
    if (invalid(server, phase).isPresent()) {
      return Optional.empty();
    }
    PhaseRun sum = rows.get(key(server, phase)).stream().reduce(BenchTable::sum).orElseThrow();
    double cpu = sum.jvmUs() + sum.redisUs() + sum.wrkUs();
    return cpu <= 0 ? Optional.empty() : Optional.of(cpu / sum.requests());
  }

  private String variants(String floor, String main, String script, String pipe) {
    return script + " " + ratio(rates(floor, script), rates(main, "ceiling")).map(BenchTable::two)
        .orElse(invalid(floor, script).map(why -> "INVALID" + why).orElse("-"))
        + ", " + pipe + " " + ratio(rates(floor, pipe), rates(main, "ceiling")).map(BenchTable::two)
        .orElse(invalid(floor, pipe).map(why -> "INVALID" + why).orElse("-"));
  }

  /**
   * What the floor says of a target: out of reach only when both the floor by requests/s and by CPU
   * (when there is one) are below it; reachable when both are at or above it; else not settled.
   */
  private static String verdict(String what, double target, Optional<Double> floor, Optional<Double> byCpu) {
    String t = String.format(Locale.ROOT, "%.2fx", target);
    if (floor.isEmpty()) {
      return "floor: the " + what + " target " + t + ": no floor figure";
    }
    String cpu = byCpu.map(c -> " (by CPU " + two(c) + ")").orElse("");
    boolean below = floor.get() < target && byCpu.map(c -> c < target).orElse(true);
    boolean within = floor.get() >= target && byCpu.map(c -> c >= target).orElse(true);
    if (below) {
      return "floor: the " + what + " target " + t + " is above the floor " + two(floor.get()) + cpu
          + ": no design on this stack reaches it on this machine";
    }
    if (within) {
      return "floor: the " + what + " target " + t + " is within the floor " + two(floor.get()) + cpu
          + ": a design on this stack could reach it";
    }
    return "floor: the " + what + " target " + t + " lies between the floor " + two(floor.get()) + " and the floor"
        + " by CPU " + two(byCpu.orElseThrow()) + ": not settled by this run";
  }

  /** Every command Redis ran per request of each valid row (summed over the rounds). */
  public String commandsPerRequest() {
    StringBuilder out = new StringBuilder();
    rows.forEach((key, runs) -> {
      String server = key.substring(0, key.indexOf('|'));
      String phase = key.substring(key.indexOf('|') + 1);
      if (invalid(server, phase).isEmpty()) {
        PhaseRun sum = runs.stream().reduce(BenchTable::sum).orElseThrow();
        out.append(String.format("  %-10s %-13s %s%n", server, phase, sum.redis().perRequest(sum.requests())));
      }
    });
    return out.toString();
  }

  /**
   * One server against another, phase by phase (requests/s, the median of the rounds' ratios);
   * with {@code withCeiling}, also each phase's ratio to its own server's ceiling, a's against b's.
   */
  public String compare(String title, String a, String b, List<String> phases, boolean withCeiling) {
    StringBuilder out = new StringBuilder(title).append('\n');
    for (String phase : phases) {
      Optional<double[]> ra = rates(a, phase);
      Optional<double[]> rb = rates(b, phase);
      if (ra.isEmpty() || rb.isEmpty()) {
        out.append(String.format("  %-13s no figure: %s%n", phase, invalid(a, phase).or(() -> invalid(b, phase))
            .map(why -> "INVALID" + why).orElse("-")));
        continue;
      }
      out.append(String.format(Locale.ROOT, "  %-13s %8.0f / %8.0f = %s", phase, median(ra.get()), median(rb.get()),
          ratio(ra, rb).map(BenchTable::two).orElse("-")));
      if (withCeiling && !phase.equals("ceiling")) {
        out.append(";  vs ceiling ").append(ratio(perRoundVsCeiling(a, phase), perRoundVsCeiling(b, phase))
            .map(BenchTable::two).orElse("-"));
        double usA = usecPerScript(a, phase);
        double usB = usecPerScript(b, phase);
        if (usA > 0 && usB > 0) {
          out.append(String.format(Locale.ROOT, ";  in Redis µs/req %.1f / %.1f = %.2f", usA, usB, usA / usB));
        }
      }
      out.append('\n');
    }
    return out.toString();
  }

  /** The scripts' time inside Redis per request of a row, summed over its rounds. */
  private double usecPerScript(String server, String phase) {
    List<PhaseRun> runs = rows.get(key(server, phase));
    PhaseRun sum = runs.stream().reduce(BenchTable::sum).orElseThrow();
    return sum.requests() == 0 ? 0 : (double) sum.redis().scripts().usec() / sum.requests();
  }

  /**
   * The issue's targets as PASS/FAIL lines: issuing >= 0.5x and call-next >= 0.35x of the ceiling on
   * the main server. Not checked when its EVENT_LOOPS is not the default, which they are stated for.
   */
  public List<String> targets(String main, int eventLoops, int defaultEventLoops) {
    List<String> lines = new ArrayList<>();
    for (String phase : List.of("issue", "call-next-64", "call-next-20")) {
      double target = phase.equals("issue") ? ISSUE_TARGET : CALL_NEXT_TARGET;
      String what = String.format(Locale.ROOT, "%s >= %.2fx the ceiling (%s):", phase.equals("issue") ? "issuing"
          : "call-next", target, phase);
      if (eventLoops != defaultEventLoops) {
        lines.add("NOT CHECKED " + what + " EVENT_LOOPS=" + eventLoops + ", not its default " + defaultEventLoops);
        continue;
      }
      Optional<Double> ratio = vsCeiling(main, phase);
      if (ratio.isEmpty()) {
        lines.add("FAIL " + what + " no figure (" + invalid(main, phase).or(() -> invalid(main, "ceiling"))
            .map(why -> "INVALID" + why).orElse("-") + ")");
      } else {
        lines.add((ratio.get() >= target ? "PASS " : "FAIL ") + what + " " + two(ratio.get()));
      }
    }
    return lines;
  }

  /**
   * The issue's targets inside Redis against a baseline: an issue and a call-next at most half its
   * time there (the scripts' µs per request from INFO commandstats: timed, so noisy on a shared
   * machine; scripts/lua-cost counts instructions).
   */
  public List<String> redisTargets(String main, String baseline) {
    List<String> lines = new ArrayList<>();
    for (String phase : List.of("issue", "call-next-64", "call-next-20")) {
      String what = String.format("%s inside Redis <= 0.50x %s's (timed; scripts/lua-cost counts):",
          phase.equals("issue") ? "issuing" : phase, baseline);
      if (rates(main, phase).isEmpty() || rates(baseline, phase).isEmpty()) {
        lines.add("FAIL " + what + " no figure (" + invalid(main, phase).or(() -> invalid(baseline, phase))
            .map(why -> "INVALID" + why).orElse("-") + ")");
        continue;
      }
      double ratio = usecPerScript(main, phase) / usecPerScript(baseline, phase);
      lines.add((ratio <= 0.5 ? "PASS " : "FAIL ") + what + " " + two(ratio));
    }
    return lines;
  }

  private static double medianOf(List<PhaseRun> runs, ToDoubleFunction<PhaseRun> figure) {
    return median(runs.stream().mapToDouble(figure).toArray());
  }

  private static PhaseRun sum(PhaseRun a, PhaseRun b) {
    return new PhaseRun(a.requests() + b.requests(), a.seconds() + b.seconds(), 0, 0,
        a.socketErrors() + b.socketErrors(), a.non2xx() + b.non2xx(), a.dry() + b.dry(), a.jvmUs() + b.jvmUs(),
        a.redisUs() + b.redisUs(), a.wrkUs() + b.wrkUs(), a.machineUs() + b.machineUs(), a.redis().plus(b.redis()));
  }

  private static String two(double value) {
    return String.format(Locale.ROOT, "%.2f", value);
  }

  private static String key(String server, String phase) {
    return server + "|" + phase;
  }
}
