package vn.layso.store.redis;

import java.util.ArrayList;
import java.util.HashSet;
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
 * string literals they stand for. Redis 6.2 runs the whole text's top level again on every call:
 * each helper is a new closure (about 560 instructions, 800 with three upvalues), so a script
 * carries only the top-level definitions it reaches, and the field names are no upvalues
 * (docs/storage.md, "Cost"; scripts/lua-cost assembles the scripts the same way).
 */
final class LuaSource {

  private static final String LIB = "lua/lib.lua";
  private static final String LIB_LINE = "-- lib: ";
  private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
  private static final Pattern DEFINES =
      Pattern.compile("^local (?:function )?([A-Za-z_][A-Za-z0-9_]*(?:\\s*,\\s*[A-Za-z_][A-Za-z0-9_]*)*)");
  private static final Pattern COMMENT_LINE = Pattern.compile("(?m)^[ \\t]*--.*$");
  private static final Pattern CONSTANT = Pattern.compile("\\b(?:T_[A-Z0-9_]+|STEPS_SUFFIX|WALK_INS_SUFFIX)\\b");

  private LuaSource() {
  }

  /** The text of script {@code name} as Redis is sent it; {@code read} gives a resource's text by its path. */
  static String of(String name, Function<String, String> read) {
    return of(name, read, Map.of());
  }

  /**
   * The text of script {@code name} with {@code constants} (NAME -> a Lua literal, e.g. {@code "'x'"},
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
    return literals(constants(used(libraries.toString(), script) + script), constants);
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

  /** Each whole-word NAME of {@code constants} replaced by its literal. */
  static String literals(String lua, Map<String, String> constants) {
    if (constants.isEmpty()) {
      return lua;
    }
    Matcher m = NAME.matcher(lua);
    StringBuilder out = new StringBuilder(lua.length());
    while (m.find()) {
      String value = constants.get(m.group());
      m.appendReplacement(out, Matcher.quoteReplacement(value != null ? value : m.group()));
    }
    m.appendTail(out);
    return out.toString();
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

  /** The preamble's names (TicketFields.luaConstants) replaced by their string literals. */
  private static String constants(String lua) {
    Map<String, String> values = TicketFields.luaConstants();
    Matcher m = CONSTANT.matcher(lua);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String value = values.get(m.group());
      m.appendReplacement(out, Matcher.quoteReplacement(value != null ? "'" + value + "'" : m.group()));
    }
    m.appendTail(out);
    return out.toString();
  }
}
