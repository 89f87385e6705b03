package vn.layso.store.redis;

import java.util.ArrayList;
import java.time.Duration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What Redis is sent for a script: the helpers it reaches from lib.lua and the feature libraries it
 * names in its leading {@code -- lib: <name>} lines ({@code lua/lib_<name>.lua}), then the script,
 * with the names of TicketFields' preamble (T_*, STEPS_SUFFIX, WALK_INS_SUFFIX) written as the
 * string literals they stand for, and the server's constants ({@link #constants(Duration)}: a name
 * of capitals, NAME -> Lua literal) written as theirs. Redis 6.2 runs the whole text's top level
 * again on every call: each helper is a new closure (about 560 instructions, 800 with three
 * upvalues), so a script carries only the top-level definitions it reaches, and the field names are
 * no upvalues (docs/storage.md, "Cost"; scripts/lua-cost assembles the scripts the same way). A
 * value that never changes for a running server (the events channel, TTLs from its configuration)
 * is written into the text instead of sent as an ARGV on every call (about 1,050 instructions a
 * value): a server's scripts are made once from its configuration, and another configuration makes
 * other texts (other SHAs).
 */
final class LuaSource {

  private static final String LIB = "lua/lib.lua";
  private static final String LIB_LINE = "-- lib: ";
  private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
  private static final Pattern DEFINES =
      Pattern.compile("^local (?:function )?([A-Za-z_][A-Za-z0-9_]*(?:\\s*,\\s*[A-Za-z_][A-Za-z0-9_]*)*)");
  private static final Pattern COMMENT_LINE = Pattern.compile("(?m)^[ \\t]*--.*$");
  private static final Pattern CONSTANT = Pattern.compile("\\b[A-Z][A-Z0-9_]*\\b");
  /** Idempotency keys live two days: long enough for any retry, and they name their day anyway. */
  static final long IDEMPOTENCY_TTL_SECONDS = 2 * 24 * 3600L;
  /** The event log is trimmed (to about Keys.EVENT_LOG_CAP) once every this many versions (emit in lib.lua). */
  static final int EVENT_LOG_TRIM = 100;
  /** The walk-in limits' keys name their day; two days outlive any day's last ticket. */
  static final long WALK_IN_TTL_SECONDS = 2 * 24 * 3600L;

  private LuaSource() {
  }

  /**
   * The names written into every script as Lua literals (NAME -> literal): the ticket fields'
   * (TicketFields.luaConstants, as strings), the events channel ({@code EVENTS_CHANNEL}), and the
   * lifetimes in seconds of a ticket's history ({@code HISTORY_TTL}, HISTORY_DAYS), of an
   * idempotency key ({@code IDEMPOTENCY_TTL}) and of the walk-in limits' keys ({@code WALK_IN_TTL}),
   * the event log's cap and trimming period ({@code EVENT_LOG_CAP}, {@code EVENT_LOG_TRIM}).
   */
  static Map<String, String> constants(Duration history) {
    Map<String, String> out = new LinkedHashMap<>();
    TicketFields.luaConstants().forEach((name, value) -> out.put(name, "'" + value + "'"));
    out.put("EVENTS_CHANNEL", "'" + Keys.EVENTS_CHANNEL + "'");
    out.put("HISTORY_TTL", Long.toString(history.toSeconds()));
    out.put("IDEMPOTENCY_TTL", Long.toString(IDEMPOTENCY_TTL_SECONDS));
    out.put("WALK_IN_TTL", Long.toString(WALK_IN_TTL_SECONDS));
    out.put("EVENT_LOG_CAP", Integer.toString(Keys.EVENT_LOG_CAP));
    out.put("EVENT_LOG_TRIM", Integer.toString(EVENT_LOG_TRIM));
    return out;
  }

  /**
   * The text of script {@code name} as Redis is sent it ({@code read} gives a resource's text by its
   * path), with {@code constants} (NAME -> a Lua literal, e.g. {@code "'x'"},
   * {@code "42"}, {@code "true"}) written in place of each whole-word NAME (string literals are
   * not told apart: a constant's name must not occur inside one, nor in a comment that matters). A value fixed for a
   * running server (a TTL, a channel) or for one setting of an office (a policy's rule) costs the
   * script nothing to read, where an ARGV value costs about 1,050 instructions per call
   * (docs/storage.md, "Cost"); each distinct map is a script of its own (RedisStore caches them).
   */
  static String of(String name, Function<String, String> read, Map<String, String> constants) {
    String script = read.apply("lua/" + name + ".lua");
    StringBuilder libraries = new StringBuilder(read.apply(LIB)).append('\n');
    for (String line : script.split("\n")) {
      if (!line.startsWith(LIB_LINE)) {
        break;
      }
      libraries.append(read.apply("lua/lib_" + line.substring(LIB_LINE.length()).strip() + ".lua")).append('\n');
    }
    return constants(used(libraries.toString(), script) + script, constants);
  }

  /** A text as a Lua string literal (single quotes; backslash, quote and line breaks escaped). */
  static String literal(String text) {
    StringBuilder out = new StringBuilder(text.length() + 2).append('\'');
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '\\' -> out.append("\\\\");
        case '\'' -> out.append("\\'");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\0' -> out.append("\\000");
        default -> out.append(c);
      }
    }
    return out.append('\'').toString();
  }

  /**
   * The top-level definitions of the libraries that the script reaches, in their order: a library is
   * cut at each line that starts with {@code local}; a definition goes in when its name is used,
   * outside a whole-line comment, by the script or by a definition that goes in.
   */
  static String used(String libraries, String script) {
    List<String> chunks = new ArrayList<>();
    StringBuilder chunk = new StringBuilder();
    for (String line : libraries.split("\n", -1)) {
      if (line.startsWith("local ") && chunk.length() > 0) {
        chunks.add(chunk.toString());
        chunk.setLength(0);
      }
      chunk.append(line).append('\n');
    }
    chunks.add(chunk.toString());
    List<List<String>> defines = new ArrayList<>();
    for (String c : chunks) {
      Matcher m = DEFINES.matcher(c);
      defines.add(m.find() ? List.of(m.group(1).split("\\s*,\\s*")) : List.of());
    }
    Set<String> named = names(script);
    boolean[] in = new boolean[chunks.size()];
    for (boolean grew = true; grew; ) {
      grew = false;
      for (int i = 0; i < chunks.size(); i++) {
        if (!in[i] && defines.get(i).stream().anyMatch(named::contains)) {
          in[i] = true;
          grew = true;
          named.addAll(names(chunks.get(i)));
        }
      }
    }
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < chunks.size(); i++) {
      if (in[i]) {
        out.append(chunks.get(i));
      }
    }
    return out.toString();
  }

  /** The names a text uses, its whole-line comments left out (a comment that names a helper does not need it). */
  private static Set<String> names(String lua) {
    Set<String> out = new HashSet<>();
    Matcher m = NAME.matcher(COMMENT_LINE.matcher(lua).replaceAll(""));
    while (m.find()) {
      out.add(m.group());
    }
    return out;
  }

  /** The constants' names (a word of capitals that is a key of {@code values}) replaced by their literals. */
  private static String constants(String lua, Map<String, String> values) {
    Matcher m = CONSTANT.matcher(lua);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String value = values.get(m.group());
      m.appendReplacement(out, Matcher.quoteReplacement(value != null ? value : m.group()));
    }
    m.appendTail(out);
    return out.toString();
  }
}
