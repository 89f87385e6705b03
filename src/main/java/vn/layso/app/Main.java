package vn.layso.app;

import java.time.Clock;
import java.util.Map;
import org.slf4j.LoggerFactory;
import vn.layso.store.redis.EmbeddedRedis;

/**
 * Starts layso from the environment and prints where its pages are; or, with the arguments
 * {@code admin reset-password}, resets the admin password (see {@link AdminCommand}). A start that
 * fails prints one line naming what to fix and exits 2 (configuration) or 1 (anything else).
 */
public final class Main {

  private static final String USAGE = "usage: java -jar layso.jar                        (run the server)\n"
      + "       java -jar layso.jar admin reset-password   (set the admin password; see README)\n"
      + "       java -jar layso.jar admin rotate-personal-data-key [--keep-version]"
      + "   (re-encrypt names and phones; see README)";

  private Main() {
  }

  public static void main(String[] args) {
    // tickets are drawn with Java2D (vn.layso.print); a server has no display
    System.setProperty("java.awt.headless", "true");
    Map<String, String> env = System.getenv();
    if (args.length == 0) {
      serve(env);
    } else if (args.length == 2 && args[0].equals("admin") && args[1].equals("reset-password")) {
      System.exit(AdminCommand.resetPassword(env));
    } else if (args.length >= 2 && args.length <= 3 && args[0].equals("admin")
        && args[1].equals("rotate-personal-data-key") && (args.length == 2 || args[2].equals("--keep-version"))) {
      System.exit(PersonalDataCommand.rotate(env, args.length == 3));
    } else {
      System.err.println(USAGE);
      System.exit(StartFailure.CONFIGURATION);
    }
  }

  private static void serve(Map<String, String> env) {
    Config config;
    try {
      Logging.configure(env, "INFO");
      config = Config.fromEnvironment(env);
    } catch (IllegalArgumentException bad) {
      exit(StartFailure.of(bad, null));
      return;
    }
    LaysoServer server;
    try {
      server = LaysoServer.start(config, Clock.systemUTC());
    } catch (Exception | Error failure) {
      LoggerFactory.getLogger(Main.class).atDebug().setCause(failure).log("start failed");
      exit(StartFailure.of(failure, config));
      return;
    }
    if (server.embeddedRedis() != null) {
      server.embeddedRedis().onGiveUp(() -> exit(new StartFailure(StartFailure.FAILED,
          "dừng lại / stopping: the embedded Redis in DATA_DIR " + config.dataDir().toAbsolutePath() + " died "
              + (EmbeddedRedis.MAX_RESTARTS + 1) + " times within " + EmbeddedRedis.RESTART_WINDOW.toMinutes()
              + " minutes; see the log, then restart layso")));
    }
    Runtime.getRuntime().addShutdownHook(new Thread(server::stop, "layso-shutdown"));
    System.out.println(banner(config, server));
  }

  static void exit(StartFailure failure) {
    System.err.println("layso: " + failure.line());
    System.exit(failure.exitCode());
  }

  private static String banner(Config config, LaysoServer server) {
    String base = config.publicUrl() != null ? config.publicUrl().replaceAll("/+$", "")
        : "http://localhost:" + server.port();
    StringBuilder banner = new StringBuilder("\n  layso đang chạy / is running.\n");
    banner.append("    Health:            ").append(base).append("/health\n");
    banner.append("    API (offices):     ").append(base).append("/api/v1/offices\n");
    banner.append("    API document:      ").append(base).append("/api/v1/openapi.json\n");
    banner.append("    Live events (ws):  ").append(base.replaceFirst("^http", "ws"))
        .append("/api/v1/offices/demo/live\n");
    banner.append("  Pages:\n");
    banner.append("    All offices:       ").append(base).append("/\n");
    banner.append("    Kiosk:             ").append(base).append("/kiosk?office=demo\n");
    banner.append("    Lobby display:     ").append(base).append("/display?office=demo\n");
    banner.append("    Counter console:   ").append(base).append("/counter?office=demo\n");
    banner.append("    Booking:           ").append(base).append("/book?office=demo\n");
    if (server.generatedAdminPassword() != null) {
      banner.append("\n    Admin account created: user 'admin', password ")
          .append(server.generatedAdminPassword())
          .append("\n    (shown only this once; set ADMIN_PASSWORD to choose it yourself;")
          .append("\n    lost it? `java -jar layso.jar admin reset-password`, see the README)\n");
    }
    return banner.toString();
  }
}
