package vn.layso.bench;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The fan-out's table, from FanoutBench's FANOUT lines ({@code FANOUT sockets=.. calls=.. p99=..},
 * {@code FANOUT sockets=.. INVALID <reason>}, {@code FANOUT-RSS sockets=0 rssKb=..}), and the issue's
 * fan-out targets: 5,000 sockets with p99 <= 100 ms and 10,000 with p99 <= 200 ms, none lost. Each
 * stage's row has the CPU each side spent per delivery (the server's process, the client's own).
 * Lines with other keys are kept as they came, below the table.
 */
public final class FanoutTable {

  private static final Map<Integer, Double> TARGET_P99_MS = Map.of(5_000, 100.0, 10_000, 200.0);

  private final List<String> lines;

  public FanoutTable(List<String> lines) {
    this.lines = List.copyOf(lines);
  }

  public String table() {
    StringBuilder out = new StringBuilder();
    out.append(String.format("| %7s | %5s | %10s | %6s | %7s | %7s | %7s | %7s | %6s | %9s | %s |%n", "sockets", "calls",
        "deliveries", "missed", "resyncs", "p50 ms", "p99 ms", "max ms", "RSS MB", "KB/socket",
        "CPU µs/delivery: server client"));
    out.append("|--------:|------:|-----------:|-------:|--------:|--------:|--------:|--------:|-------:|----------:"
        + "|-------------------------------:|\n");
    long previous = 0;
    List<String> others = new ArrayList<>();
    for (String line : lines) {
      Map<String, String> f = fields(line);
      if (!line.startsWith("FANOUT sockets=")) {
        if (!line.startsWith("FANOUT-RSS") && !line.startsWith("FANOUT-PHONES")) {
          others.add(line);
        }
        continue;
      }
      long sockets = Long.parseLong(f.get("sockets"));
      if (line.contains(" INVALID ")) {
        out.append(String.format("| %7d | INVALID: %s |%n", sockets, line.substring(line.indexOf(" INVALID ") + 9)));
        continue;
      }
      long rss = Long.parseLong(f.getOrDefault("rssKb", "0"));
      long before = Long.parseLong(f.getOrDefault("rssBeforeKb", "0"));
      out.append(String.format(Locale.ROOT, "| %7d | %5s | %10s | %6s | %7s | %7s | %7s | %7s | %6.0f | %9.1f | %23s %6s |%n",
          sockets, f.get("calls"), f.get("deliveries"), f.get("missed"), f.get("resyncs"), f.get("p50"), f.get("p99"),
          f.get("max"), rss / 1024.0, sockets > previous ? (rss - before) / (double) (sockets - previous) : 0,
          f.getOrDefault("serverCpuUsPerFrame", "-"), f.getOrDefault("clientCpuUsPerFrame", "-")));
      previous = sockets;
    }
    others.forEach(l -> out.append(l).append('\n'));
    return out.toString();
  }

  /** RSS before any socket, in MB, or -1 when not reported. */
  public long rssBeforeMb() {
    return lines.stream().filter(l -> l.startsWith("FANOUT-RSS sockets=0 "))
        .mapToLong(l -> Long.parseLong(fields(l).get("rssKb")) / 1024).findFirst().orElse(-1);
  }

  /** PASS/FAIL lines for the stages the targets name that ran. */
  /** The ticket pages' line (FanoutBench's PhonesPhase) without its tag, if the run had pages. */
  public java.util.Optional<String> phones() {
    return lines.stream().filter(l -> l.startsWith("FANOUT-PHONES ")).map(l -> l.substring("FANOUT-PHONES ".length()))
        .findFirst();
  }

  public List<String> targets() {
    List<String> out = new ArrayList<>();
    phones().ifPresent(l -> {
      String what = "ticket pages cost < 0.1 requests per page per call:";
      if (l.contains(" INVALID ")) {
        out.add("FAIL " + what + " INVALID " + l.substring(l.indexOf(" INVALID ") + 9));
        return;
      }
      String per = fields("FANOUT-PHONES " + l).get("perPagePerCall");
      boolean pass = per != null && Double.parseDouble(per) < 0.1;
      out.add((pass ? "PASS " : "FAIL ") + what + " " + per + " (" + fields("FANOUT-PHONES " + l).get("pages") + " pages)");
    });
    for (String line : lines) {
      if (!line.startsWith("FANOUT sockets=")) {
        continue;
      }
      Map<String, String> f = fields(line);
      int sockets = Integer.parseInt(f.get("sockets"));
      Double target = TARGET_P99_MS.get(sockets);
      if (target == null) {
        continue;
      }
      String what = String.format(Locale.ROOT, "fan-out to %,d sockets, p99 <= %.0f ms, none lost:", sockets, target);
      if (line.contains(" INVALID ")) {
        out.add("FAIL " + what + " INVALID " + line.substring(line.indexOf(" INVALID ") + 9));
        continue;
      }
      String p99 = f.getOrDefault("p99", "missed");
      boolean lost = !"0".equals(f.get("missed"));
      boolean pass = !lost && !p99.equals("missed") && Double.parseDouble(p99) <= target;
      out.add((pass ? "PASS " : "FAIL ") + what + " p99 " + p99 + " ms, missed " + f.get("missed"));
    }
    return out;
  }

  static Map<String, String> fields(String line) {
    Map<String, String> f = new HashMap<>();
    for (String word : line.split(" ")) {
      int eq = word.indexOf('=');
      if (eq > 0) {
        f.putIfAbsent(word.substring(0, eq), word.substring(eq + 1));
      }
    }
    return f;
  }
}
