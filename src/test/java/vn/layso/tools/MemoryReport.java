package vn.layso.tools;

import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanIterator;
import io.lettuce.core.api.sync.RedisCommands;
import io.lettuce.core.codec.StringCodec;
import io.lettuce.core.output.IntegerOutput;
import io.lettuce.core.protocol.CommandArgs;
import io.lettuce.core.protocol.CommandType;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

/**
 * The figures {@link HistoryMemory} prints: MEMORY USAGE (SAMPLES 0: exact) of every key of an
 * office, by kind, and what that makes per ticket, per day and per office per year.
 */
final class MemoryReport {

  private static final int WORKING_DAYS_A_YEAR = 250;

  private MemoryReport() {
  }

  /** Keys of one kind and their bytes. */
  private record Usage(long keys, long bytes) {
  }

  static void print(RedisCommands<String, String> redis, String office, long before, int days, int perDay, Path archive)
      throws Exception {
    Map<String, Usage> kinds = new TreeMap<>();
    long fullTickets = 0;
    long fullTicketBytes = 0;
    long steps = 0;
    ScanIterator<String> keys = ScanIterator.scan(redis, ScanArgs.Builder.matches("layso:{" + office + "}:*").limit(1000));
    while (keys.hasNext()) {
      String key = keys.next();
      long bytes = memoryUsage(redis, key);
      kinds.merge(kind(key), new Usage(1, bytes), (a, b) -> new Usage(a.keys + b.keys, a.bytes + b.bytes));
      // a ticket is its hash and its steps list (the step is the hash's: docs/storage.md)
      if (key.contains(":ticket:") && !key.endsWith(vn.layso.store.redis.Keys.TICKET_STEPS)) {
        long listed = redis.llen(key + vn.layso.store.redis.Keys.TICKET_STEPS);
        long n = listed + 1;
        steps += n;
        if (n == 4 && "DONE".equals(redis.hget(key, "status"))) {
          fullTickets++;
          fullTicketBytes += bytes + (listed > 0 ? memoryUsage(redis, key + vn.layso.store.redis.Keys.TICKET_STEPS) : 0);
        }
      }
    }
    long after = usedMemory(redis);
    Usage hashes = kinds.get("ticket");
    Usage lists = kinds.getOrDefault("ticket steps", new Usage(0, 0));
    // a ticket's bytes: its hash and its steps list
    Usage t = new Usage(hashes.keys, hashes.bytes + lists.bytes);
    long tickets = t.keys;
    Usage index = kinds.get("day index");
    Usage summary = kinds.get("day summary");
    Usage state = kinds.get("day state");
    Usage sequences = kinds.get("sequence");
    double perTicket = (double) t.bytes / tickets;
    double indexPerTicket = (double) index.bytes / tickets;
    double sequencesPerDay = (double) sequences.bytes / days;
    double summaryPerDay = (double) summary.bytes / summary.keys;
    double statePerDay = (double) state.bytes / state.keys;
    long archiveBytes = 0;
    try (var files = Files.list(archive)) {
      for (Path p : files.toList()) {
        archiveBytes += Files.size(p);
      }
    }
    System.out.printf("%n%d days, %d tickets (%.1f steps each on average)%n", days, tickets, (double) steps / tickets);
    System.out.println("| key kind | keys | bytes (MEMORY USAGE, SAMPLES 0) |");
    System.out.println("|---|---:|---:|");
    kinds.forEach((k, v) -> System.out.printf("| %s | %d | %d |%n", k, v.keys, v.bytes));
    System.out.printf("used_memory grew by %d bytes (%.0f per ticket, all keys and allocator overhead)%n",
        after - before, (double) (after - before) / tickets);
    System.out.printf("ticket record: %.0f bytes on average; issue+call+start+complete: %.0f bytes (%d such)%n",
        perTicket, fullTickets == 0 ? 0.0 : (double) fullTicketBytes / fullTickets, fullTickets);
    System.out.printf("per ticket with its day index entry: %.0f bytes%n", perTicket + indexPerTicket);
    System.out.printf("per day: summary %.0f bytes, day state %.0f bytes, sequences %.0f bytes; archive file %.0f bytes%n",
        summaryPerDay, statePerDay, sequencesPerDay, (double) archiveBytes / days);
    double ticketsYear = (perTicket + indexPerTicket) * perDay * WORKING_DAYS_A_YEAR
        + (statePerDay + sequencesPerDay) * WORKING_DAYS_A_YEAR;
    double summariesYear = summaryPerDay * WORKING_DAYS_A_YEAR;
    System.out.printf("per office per year (%d tickets a day, %d days): tickets %.1f MB, summaries %.2f MB, archive %.1f MB on disk%n",
        perDay, WORKING_DAYS_A_YEAR, ticketsYear / 1e6, summariesYear / 1e6,
        (double) archiveBytes / days * WORKING_DAYS_A_YEAR / 1e6);
    System.out.printf("held at once with HISTORY_DAYS=400 (~%d working days of tickets): %.1f MB + the summaries so far%n",
        Math.round(400 * WORKING_DAYS_A_YEAR / 365.0), ticketsYear * 400 / 365 / 1e6);
  }

  private static String kind(String key) {
    String rest = key.substring(key.indexOf("}:") + 2);
    if (rest.startsWith("ticket:")) {
      return rest.endsWith(vn.layso.store.redis.Keys.TICKET_STEPS) ? "ticket steps" : "ticket";
    }
    if (rest.startsWith("day:")) {
      if (rest.endsWith(":tickets")) {
        return "day index";
      }
      if (rest.endsWith(":summary")) {
        return "day summary";
      }
      return rest.endsWith(":state") ? "day state" : "day claim";
    }
    int colon = rest.indexOf(':');
    String head = colon < 0 ? rest : rest.substring(0, colon);
    return switch (head) {
      case "seq" -> "sequence";
      case "cidem", "idem" -> "idempotency (2 days)";
      case "calls" -> "recent calls (2 days)";
      default -> head;
    };
  }

  private static long memoryUsage(RedisCommands<String, String> redis, String key) {
    return redis.dispatch(CommandType.MEMORY, new IntegerOutput<>(StringCodec.UTF8),
        new CommandArgs<>(StringCodec.UTF8).add("USAGE").addKey(key).add("SAMPLES").add(0));
  }

  static long usedMemory(RedisCommands<String, String> redis) {
    for (String line : redis.info("memory").split("\r?\n")) {
      if (line.startsWith("used_memory:")) {
        return Long.parseLong(line.substring("used_memory:".length()).strip());
      }
    }
    throw new IllegalStateException("no used_memory in INFO");
  }
}
