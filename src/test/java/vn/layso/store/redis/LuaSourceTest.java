package vn.layso.store.redis;

import static org.assertj.core.api.Assertions.assertThat;

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
        : path.equals("lua/lib_y.lua") ? LIB : "");
    assertThat(sent).contains("return 'status'").contains("return c(1) .. '" + Keys.TICKET_STEPS + "'")
        .doesNotContain("T_STATUS");
  }

  @Test
  void constantsAreWrittenAsTheirLiteralsWholeWordsOnly() {
    String sent = LuaSource.of("x", path -> path.equals("lua/x.lua") ? "return TTL, TTL_2, XTTL, NAME .. T_STATUS" : "",
        java.util.Map.of("TTL", LuaSource.literal("86400"), "NAME", LuaSource.literal("it's\\")));
    assertThat(sent).contains("return '86400', TTL_2, XTTL, 'it\\'s\\\\' .. 'status'");
    assertThat(LuaSource.literal("a\nb")).isEqualTo("'a\\nb'");
  }
}
