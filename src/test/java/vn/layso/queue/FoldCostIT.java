package vn.layso.queue;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import vn.layso.testing.FakeZalo;
import vn.layso.testing.RedisAdmin;
import vn.layso.testing.TestApp;
import vn.layso.testing.TestOffices;

/**
 * What an issue and a call-next cost Redis (INFO commandstats over a few hundred of each, against
 * the real server): the wait prediction handed out with a ticket is recorded by the issuing script
 * itself (no predict_given.lua), and the "turn is near" check is made inside call_next.lua (no
 * near_front.lua). With Zalo off (the benchmark's setting) a call pays nothing for turn-near; with it
 * on, no second script runs. The table goes to stdout and target/fold-cost.txt.
 */
class FoldCostIT {

  private static final int OPS = 300;

  /** One office, two counters on one field; OPS issues then OPS call-nexts; commands per operation. */
  private static Map<String, Map<String, Double>> measure(boolean zalo) throws Exception {
    FakeZalo fake = zalo ? new FakeZalo() : null;
    var file = TestOffices.write(TestOffices.uniform("fc", 2, List.of("a"), 3));
    try (TestApp app = TestApp.start(env -> {
      env.put("OFFICES_FILE", file.toString());
      if (fake != null) {
        fake.configure(env);
      }
    })) {
      String uri = app.config().redisUri() != null ? app.config().redisUri() : app.server().embeddedRedis().uri();
      String admin = app.adminToken();
      Map<String, Map<String, Double>> out = new TreeMap<>();
      RedisAdmin.sync(uri, c -> c.configResetstat());
      for (int i = 0; i < OPS; i++) {
        app.issue("fc", "a");
      }
      out.put("issue", perOp(RedisAdmin.sync(uri, c -> c.info("commandstats"))));
      RedisAdmin.sync(uri, c -> c.configResetstat());
      for (int i = 0; i < OPS; i++) {
        var r = app.counter("fc", Integer.toString(1 + i % 2), "call-next", admin);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.json().getJsonObject("ticket")).isNotNull();
      }
      out.put("call-next", perOp(RedisAdmin.sync(uri, c -> c.info("commandstats"))));
      return out;
    } finally {
      if (fake != null) {
        fake.close();
      }
    }
  }

  /** cmdstat_<name>:calls=n,... -> name -> n / OPS. */
  private static Map<String, Double> perOp(String info) {
    Map<String, Double> out = new TreeMap<>();
    for (String line : info.split("\r?\n")) {
      if (line.startsWith("cmdstat_")) {
        String name = line.substring(8, line.indexOf(':'));
        int calls = line.indexOf("calls=");
        long n = Long.parseLong(line.substring(calls + 6, line.indexOf(',', calls)));
        out.put(name, n / (double) OPS);
        if (name.equals("evalsha")) {
          int usec = line.indexOf("usec=");
          // the scripts' time inside Redis (their commands included), per operation
          out.put("evalsha_usec", Long.parseLong(line.substring(usec + 5, line.indexOf(',', usec))) / (double) OPS);
        }
      }
    }
    return out;
  }

  private static void report(String title, Map<String, Map<String, Double>> m) throws IOException {
    StringBuilder s = new StringBuilder("== " + title + " (commands per operation, " + OPS + " of each)\n");
    m.forEach((op, stats) -> {
      double total = stats.entrySet().stream().filter(e -> !e.getKey().startsWith("config")
              && !e.getKey().equals("evalsha_usec"))
          .mapToDouble(Map.Entry::getValue).sum();
      s.append(String.format("%-10s evalsha %.2f  all %.2f  script usec %.1f  %s%n", op,
          stats.getOrDefault("evalsha", 0.0), total, stats.getOrDefault("evalsha_usec", 0.0), stats));
    });
    System.out.print(s);
    Path out = Path.of("target", "fold-cost.txt");
    Files.createDirectories(out.getParent());
    Files.writeString(out, s.toString(), java.nio.file.StandardOpenOption.CREATE,
        java.nio.file.StandardOpenOption.APPEND);
  }

  /*
   * Timers (the notification worker's poll, balancing, the surge flush) run scripts of their own
   * meanwhile: a few hundredths of a script per operation. Before the fold an issue was two scripts
   * (2.04 per issue measured) and a call-next with Zalo on two (2.09).
   */
  @Test
  void anIssueIsOneScriptAndItsPredictionIsRecordedInIt() throws Exception {
    var m = measure(false);
    report("zalo off", m);
    assertThat(m.get("issue").getOrDefault("evalsha", 0.0)).isLessThan(1.5);
    // every issue's prediction recorded by the issuing step in the ticket's own HSET (none left to
    // predict_given.lua, no command of its own: PredictionFoldIT reads each record there)
    assertThat(m.get("issue").getOrDefault("hsetnx", 0.0)).isZero();
    assertThat(m.get("issue").getOrDefault("ttl", 0.0)).isZero();
    // a call-next is one script, and with notifications off it looks at nothing for "turn is near"
    assertThat(m.get("call-next").getOrDefault("evalsha", 0.0)).isLessThan(1.5);
    assertThat(m.get("call-next").getOrDefault("zrank", 0.0)).isZero();
    assertThat(m.get("call-next").getOrDefault("zrange", 0.0)).isEqualTo(1.0);
  }

  @Test
  void withZaloOnACallNextIsStillOneScript() throws Exception {
    var m = measure(true);
    report("zalo on", m);
    assertThat(m.get("call-next").getOrDefault("evalsha", 0.0)).isLessThan(1.5);
    // the call's own head ZRANGE, and one more for the place that crossed into the zone
    assertThat(m.get("call-next").getOrDefault("zrange", 0.0)).isEqualTo(2.0);
  }
}
