package vn.layso.store.redis;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** A script is sent with the library helpers it reaches only, and with the ticket fields' names as literals. */
class LuaSourceTest {

  private static final String LIB = """
      -- header
      local SHIFT = 4
      local function a(x)
        return x + SHIFT
      end

      -- b is used by nobody: c below names it in a comment only
      local function b()
        return 1
      end

      local cache = {}
      local function c(x)
        -- b
        cache[x] = a(x)
        return T_STATUS
      end
      """;

  @Test
  void aScriptCarriesTheDefinitionsItReachesInTheirOrder() {
    String sent = LuaSource.used(LIB, "return c(1)");
    assertThat(sent).contains("local SHIFT = 4", "local function a(x)", "local cache = {}", "local function c(x)")
        .doesNotContain("local function b()");
    assertThat(sent.indexOf("local function a(")).isLessThan(sent.indexOf("local function c("));
    assertThat(LuaSource.used(LIB, "-- c\nreturn 1")).isEmpty();
  }

  @Test
  void theFieldNamesAreWrittenAsLiterals() {
    String sent = LuaSource.of("x", path -> path.equals("lua/x.lua") ? "-- lib: y\nreturn c(1) .. STEPS_SUFFIX"
        : path.equals("lua/lib_y.lua") ? LIB : "", LuaSource.constants(Duration.ofDays(400)));
    assertThat(sent).contains("return 'status'").contains("return c(1) .. '" + Keys.TICKET_STEPS + "'")
        .doesNotContain("T_STATUS");
  }

  @Test
  void constantsAreWrittenAsTheirLiteralsWholeWordsOnly() {
    String sent = LuaSource.of("x", path -> path.equals("lua/x.lua") ? "return TTL, TTL_2, XTTL, NAME .. T_STATUS" : "",
        withServers(java.util.Map.of("TTL", LuaSource.literal("86400"), "NAME", LuaSource.literal("it's\\"))));
    assertThat(sent).contains("return '86400', TTL_2, XTTL, 'it\\'s\\\\' .. 'status'");
    assertThat(LuaSource.literal("a\nb")).isEqualTo("'a\\nb'");
  }

  private static java.util.Map<String, String> withServers(java.util.Map<String, String> own) {
    java.util.Map<String, String> all = new java.util.HashMap<>(LuaSource.constants(Duration.ofDays(400)));
    all.putAll(own);
    return all;
  }

  /** A server's constants are written from its configuration: another HISTORY_DAYS, another text. */
  @Test
  void theServersConstantsAreWrittenFromItsConfiguration() {
    java.util.function.Function<String, String> read = path -> path.equals("lua/x.lua")
        ? "redis.call('EXPIRE', KEYS[1], HISTORY_TTL)\nredis.call('PUBLISH', EVENTS_CHANNEL, ARGV[1])\n"
        + "return IDEMPOTENCY_TTL + WALK_IN_TTL + NOT_A_CONSTANT" : "";
    String twoDays = LuaSource.of("x", read, LuaSource.constants(Duration.ofDays(2)));
    assertThat(twoDays).contains("EXPIRE', KEYS[1], 172800)").contains("PUBLISH', '" + Keys.EVENTS_CHANNEL + "', ARGV")
        .contains("return 172800 + 172800 + NOT_A_CONSTANT");
    assertThat(LuaSource.of("x", read, LuaSource.constants(Duration.ofDays(400)))).contains("KEYS[1], 34560000)");
    // the default configuration's, for the tools and tests that read a script without a server
    assertThat(RedisStore.source("x", read)).contains("KEYS[1], 34560000)");
  }
}
