package vn.layso.store.redis;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import vn.layso.queue.domain.TicketAction;

/** The Lua scripts and Java name a ticket hash's fields from one source: TicketFields. */
class TicketFieldsTest {

  private static final Path LUA = Path.of("src", "main", "resources", "lua");

  @Test
  void thePreambleDefinesEveryFieldAsTheEnumNamesIt() {
    Map<String, String> defined = new LinkedHashMap<>();
    Matcher m = Pattern.compile("(?m)^local (T_[A-Z0-9_]+) = '([^']+)'$").matcher(TicketFields.luaPreamble());
    while (m.find()) {
      defined.put(m.group(1), m.group(2));
    }
    Map<String, String> expected = new LinkedHashMap<>();
    for (TicketFields f : TicketFields.values()) {
      expected.put(f.luaName(), f.field());
    }
    assertThat(defined).containsExactlyEntriesOf(expected);
    assertThat(Arrays.stream(TicketFields.values()).map(TicketFields::field).distinct().count())
        .isEqualTo(TicketFields.values().length);
    assertThat(TicketFields.luaPreamble()).contains("local STEPS_SUFFIX = '" + Keys.TICKET_STEPS + "'")
        .contains("local WALK_INS_SUFFIX = '" + Keys.QUEUE_WALK_INS + "'");
  }

  @Test
  void everyFieldNameTheScriptsUseIsKnown() throws IOException {
    Set<String> known = Arrays.stream(TicketFields.values()).map(TicketFields::luaName).collect(Collectors.toSet());
    Set<String> used = new TreeSet<>();
    try (Stream<Path> files = Files.list(LUA)) {
      for (Path p : files.filter(f -> f.toString().endsWith(".lua")).toList()) {
        Matcher m = Pattern.compile("\\bT_[A-Z0-9_]+\\b").matcher(Files.readString(p));
        while (m.find()) {
          used.add(m.group());
        }
      }
    }
    assertThat(used).isNotEmpty();
    assertThat(known).containsAll(used);
  }

  @Test
  void theTimestampFieldsOfCounterActionsAreTicketFields() {
    for (TicketAction a : TicketAction.values()) {
      assertThat(TicketFields.of(a.timestampField())).as(a.name()).isPresent();
    }
  }
}
