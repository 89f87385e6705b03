package vn.layso.bench;

import java.util.Comparator;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Redis's INFO commandstats as calls and microseconds per command; the bench takes it before and
 * after a measured run and keeps the difference. Commands that scripts run are counted by Redis
 * too (their time is also inside the script's), so a phase's "commands" are everything Redis ran
 * for it besides the scripts themselves: the scripts' inner commands and the server's direct ones.
 */
public record CommandStats(Map<String, Usage> commands) {

  /** The bench's own commands, left out of every figure. */
  private static final Set<String> BENCH_OWN = Set.of("info", "config", "bgrewriteaof", "client", "hello",
      "command", "select", "auth");
  private static final Set<String> SCRIPTS = Set.of("evalsha", "eval", "evalsha_ro", "eval_ro", "fcall", "fcall_ro");
  private static final Pattern LINE = Pattern.compile("^cmdstat_([^:]+):calls=(\\d+),usec=(\\d+)", Pattern.MULTILINE);

  public static final CommandStats NONE = new CommandStats(Map.of());

  /** Calls and microseconds of one command. */
  public record Usage(long calls, long usec) {
    Usage plus(Usage other) {
      return new Usage(calls + other.calls, usec + other.usec);
    }
  }

  public static CommandStats parse(String info) {
    Map<String, Usage> commands = new TreeMap<>();
    Matcher m = LINE.matcher(info);
    while (m.find()) {
      String name = m.group(1).toLowerCase(Locale.ROOT);
      if (!BENCH_OWN.contains(name)) {
        commands.put(name, new Usage(Long.parseLong(m.group(2)), Long.parseLong(m.group(3))));
      }
    }
    return new CommandStats(commands);
  }

  /** What ran between {@code before} and this. */
  public CommandStats since(CommandStats before) {
    Map<String, Usage> diff = new TreeMap<>();
    commands.forEach((name, now) -> {
      Usage then = before.commands.getOrDefault(name, new Usage(0, 0));
      if (now.calls > then.calls) {
        diff.put(name, new Usage(now.calls - then.calls, now.usec - then.usec));
      }
    });
    return new CommandStats(diff);
  }

  public CommandStats plus(CommandStats other) {
    Map<String, Usage> sum = new TreeMap<>(commands);
    other.commands.forEach((name, usage) -> sum.merge(name, usage, Usage::plus));
    return new CommandStats(sum);
  }

  /** The scripts (EVALSHA and its kin) together. */
  public Usage scripts() {
    return total(true);
  }

  /** Every command but the scripts: their inner commands and the server's direct ones. */
  public Usage others() {
    return total(false);
  }

  /**
   * What a phase's one operation costs: its main command (the scripts, or PING for the ceiling) in
   * microseconds a call, and for the table "calls µs cmds" per request.
   */
  public Usage main(boolean ceiling) {
    return ceiling ? commands.getOrDefault("ping", new Usage(0, 0)) : scripts();
  }

  /**
   * "hset 2.00 (1.1 µs), zadd 1.00 (0.9 µs), ..." per request, the most called first; commands run
   * less than once per hundred requests are left out.
   */
  public String perRequest(long requests) {
    if (requests <= 0) {
      return "-";
    }
    return commands.entrySet().stream()
        .filter(e -> e.getValue().calls() * 100 >= requests) // the server's background work, not the phase's
        .sorted(Comparator.comparing((Map.Entry<String, Usage> e) -> e.getValue().calls()).reversed()
            .thenComparing(Map.Entry::getKey))
        .map(e -> String.format(Locale.ROOT, "%s %.2f (%.1f µs)", e.getKey(), (double) e.getValue().calls() / requests,
            (double) e.getValue().usec() / requests))
        .collect(Collectors.joining(", "));
  }

  private Usage total(boolean scripts) {
    return commands.entrySet().stream().filter(e -> SCRIPTS.contains(e.getKey()) == scripts).map(Map.Entry::getValue)
        .reduce(new Usage(0, 0), Usage::plus);
  }
}
