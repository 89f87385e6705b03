package vn.layso.store.redis;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
    Matcher cap = Pattern.compile("local EVENT_LOG_CAP = (\\d+)").matcher(lib);
    assertThat(cap.find()).isTrue();
    assertThat(Integer.parseInt(cap.group(1))).isEqualTo(Keys.EVENT_LOG_CAP);
    assertThat(lib).contains("version_key .. ':log'").doesNotContain("remember_call");
  }
}
