package vn.layso.store.redis;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The event log's key and cap, as the Java side names them and as lib.lua derives and trims them. */
class EventLogKeysTest {

  private static String lib() throws IOException {
    try (InputStream in = EventLogKeysTest.class.getClassLoader().getResourceAsStream("lua/lib.lua")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @Test
  void theLogLivesBesideTheVersionInTheOfficesSlot() {
    assertThat(Keys.eventLog("demo")).isEqualTo(Keys.version("demo") + ":log").contains("{demo}");
  }

  @Test
  void libLuaTrimsTheLogAtTheCapJavaKnows() throws IOException {
    String lib = lib();
    // the cap is written into the scripts from Keys (LuaSource.constants), not kept in lib.lua
    assertThat(lib).contains("'MAXLEN', '~', EVENT_LOG_CAP)").doesNotContain("local EVENT_LOG_CAP");
    assertThat(LuaSource.constants(RedisStore.DEFAULT_HISTORY)).containsEntry("EVENT_LOG_CAP",
        Integer.toString(Keys.EVENT_LOG_CAP));
    assertThat(RedisStore.source("issue_ticket", EventLogKeysTest::resource))
        .contains("'MAXLEN', '~', " + Keys.EVENT_LOG_CAP + ")");
    assertThat(lib).contains("version_key .. ':log'").doesNotContain("remember_call");
  }

  private static String resource(String path) {
    try (InputStream in = EventLogKeysTest.class.getClassLoader().getResourceAsStream(path)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
