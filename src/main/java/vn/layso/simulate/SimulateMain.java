package vn.layso.simulate;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import vn.layso.simulate.domain.ArrivalGenerator;
import vn.layso.simulate.domain.Experiment;
import vn.layso.simulate.domain.Experiment.Outcome;
import vn.layso.simulate.domain.PolicySpec;
import vn.layso.simulate.domain.Scenario;
import vn.layso.simulate.domain.Scenarios;
import vn.layso.simulate.domain.TraceCsv;
import vn.layso.simulate.domain.TraceTicket;
import vn.layso.simulate.domain.WaitForecast;

/**
 * The day simulator's command line (scripts/simulate). Options as {@code --name=value} or the
 * environment variable in brackets:
 * <pre>
 *   --scenario   commune|province|surge|erlang85|all, comma-separated (SIM_SCENARIO, default all but erlang85)
 *   --seeds      days per scenario (SIM_SEEDS, default 200)
 *   --first-seed (SIM_FIRST_SEED, default 1)
 *   --policies   ;-separated policy specs, e.g. "DEDICATED;LAYSO/chain:aging=2" (SIM_POLICIES)
 *   --csv-in     replay this trace instead of drawing days (SIM_CSV_IN; one day, one scenario)
 *   --csv-out    write the first drawn day of each scenario as a trace (SIM_CSV_OUT; a folder)
 *   --out        output folder (SIM_OUT, default target/simulation)
 *   --charts     png|svg|both|none (SIM_CHARTS, default png)
 *   --parallel   false: days one after another on one thread, for timing (SIM_PARALLEL, default true)
 *   --yesterday  false: every day starts with an uncalibrated predictor, like a server's first day;
 *                default true: each day runs after another day of the scenario and calibrates from
 *                its outcomes, as a server does from yesterday's (SIM_YESTERDAY)
 * </pre>
 */
public final class SimulateMain {

  static final String DEFAULT_POLICIES = "DEDICATED;WEIGHTED/chain;WEIGHTED/full;LAYSO/chain;"
      + "LAYSO/chain:cross=backup;LAYSO/full;LAYSO/full:cross=backup;FIFO_DEDICATED;FIFO_POOLED";

  private SimulateMain() {
  }

  public static void main(String[] args) throws IOException {
    try {
      run(args);
    } catch (IllegalArgumentException e) {
      System.err.println("simulate: " + e.getMessage());
      System.exit(2);
    }
  }

  private static void run(String[] args) throws IOException {
    Map<String, String> opt = options(args);
    List<String> scenarios = switch (opt.get("scenario")) {
      case "all" -> List.of("commune", "province", "surge", "rush");
      default -> Arrays.asList(opt.get("scenario").split(","));
    };
    int seeds = Integer.parseInt(opt.get("seeds"));
    boolean parallel = !opt.get("parallel").equals("false");
    boolean yesterday = !opt.get("yesterday").equals("false");
    long firstSeed = Long.parseLong(opt.get("first-seed"));
    List<PolicySpec> policies = Arrays.stream(opt.get("policies").split(";")).filter(s -> !s.isBlank())
        .map(PolicySpec::parse).toList();
    Path out = Path.of(opt.get("out"));
    Files.createDirectories(out);
    WaitForecast forecast = WaitForecast.SERVER;
    StringBuilder report = new StringBuilder();
    System.out.printf(Locale.ROOT, "layso day simulator: %d cores, Java %s%n", Runtime.getRuntime().availableProcessors(),
        System.getProperty("java.version"));
    for (String name : scenarios) {
      Scenario scenario = Scenarios.named(name.trim());
      Outcome outcome;
      long start = System.nanoTime();
      if (!opt.get("csv-in").isEmpty()) {
        List<TraceTicket> trace;
        try (Reader r = Files.newBufferedReader(Path.of(opt.get("csv-in")), StandardCharsets.UTF_8)) {
          trace = TraceCsv.read(r);
        }
        // the day before a replayed trace is a drawn day of the scenario, never the trace itself
        outcome = Experiment.run(scenario, policies, 1,
            i -> i < 0 ? ArrivalGenerator.generate(scenario, firstSeed - 1) : trace, forecast, true, yesterday);
      } else {
        if (!opt.get("csv-out").isEmpty()) {
          Path dir = Path.of(opt.get("csv-out"));
          Files.createDirectories(dir);
          try (Writer w = Files.newBufferedWriter(dir.resolve(name + "-seed" + firstSeed + ".csv"),
              StandardCharsets.UTF_8)) {
            TraceCsv.write(ArrivalGenerator.generate(scenario, firstSeed), w);
          }
        }
        outcome = Experiment.run(scenario, policies, firstSeed, seeds, forecast, parallel, yesterday);
      }
      double wall = (System.nanoTime() - start) / 1e9;
      String section = section(outcome, wall);
      System.out.println(section);
      report.append(section).append('\n');
      if (!opt.get("charts").equals("none")) {
        Charts.write(outcome, out, opt.get("charts"));
      }
    }
    Files.writeString(out.resolve("results.md"), report.toString(), StandardCharsets.UTF_8);
    System.out.println("Results and charts in " + out.toAbsolutePath());
  }

  static String section(Outcome outcome, double wallSeconds) {
    Scenario sc = outcome.scenario();
    int days = outcome.runs().get(0).days().size();
    double tickets = outcome.runs().get(0).spread("tickets").median();
    StringBuilder sb = new StringBuilder();
    sb.append(String.format(Locale.ROOT, "## %s: %s%n%n", sc.name(), sc.description()));
    sb.append(String.format(Locale.ROOT,
        "%d days (median %.0f tickets a day), %d policies, %.1f s wall on %d cores (charts included). Each cell: "
            + "median over the days (p10–p90); ms/day: CPU time to simulate one policy's day, mean.%n%n", days, tickets,
        outcome.runs().size(), wallSeconds, Runtime.getRuntime().availableProcessors()));
    sb.append(ResultTable.markdown(outcome)).append('\n');
    sb.append(ResultTable.fields(outcome)).append('\n');
    sb.append(ResultTable.bounds(outcome)).append("\n\n");
    for (Experiment.Run run : outcome.runs()) {
      if (run.policy().kind() == PolicySpec.Kind.LAYSO) {
        sb.append(ResultTable.ratios(outcome, run.policy().label()));
      }
    }
    sb.append('\n').append(ResultTable.prediction(Charts.ours(outcome)));
    return sb.toString();
  }

  static Map<String, String> options(String[] args) {
    Map<String, String> opt = new LinkedHashMap<>();
    opt.put("scenario", env("SIM_SCENARIO", "all"));
    opt.put("seeds", env("SIM_SEEDS", "200"));
    opt.put("first-seed", env("SIM_FIRST_SEED", "1"));
    opt.put("policies", env("SIM_POLICIES", DEFAULT_POLICIES));
    opt.put("csv-in", env("SIM_CSV_IN", ""));
    opt.put("csv-out", env("SIM_CSV_OUT", ""));
    opt.put("out", env("SIM_OUT", "target/simulation"));
    opt.put("charts", env("SIM_CHARTS", "png"));
    opt.put("parallel", env("SIM_PARALLEL", "true"));
    opt.put("yesterday", env("SIM_YESTERDAY", "true"));
    List<String> unknown = new ArrayList<>();
    for (String arg : args) {
      if (arg.isBlank()) {
        continue;
      }
      String[] kv = arg.replaceFirst("^--", "").split("=", 2);
      if (!opt.containsKey(kv[0]) || kv.length != 2) {
        unknown.add(arg);
      } else {
        opt.put(kv[0], kv[1]);
      }
    }
    if (!unknown.isEmpty()) {
      throw new IllegalArgumentException("unknown options " + unknown + "; known: --" + String.join("=, --",
          opt.keySet()) + "=");
    }
    return opt;
  }

  private static String env(String name, String fallback) {
    String v = System.getenv(name);
    return v == null || v.isBlank() ? fallback : v;
  }
}
