package vn.layso.app;

import java.time.Clock;

/** Starts layso from the environment and prints where its pages are. */
public final class Main {

  private Main() {
  }

  public static void main(String[] args) throws Exception {
    if ("json".equalsIgnoreCase(System.getenv("LOG_FORMAT"))) {
      System.setProperty("logback.configurationFile", "logback-json.xml");
    }
    Config config;
    try {
      config = Config.fromEnvironment(System.getenv());
    } catch (IllegalArgumentException bad) {
      System.err.println("layso: configuration error: " + bad.getMessage());
      System.exit(2);
      return;
    }
    LaysoServer server;
    try {
      server = LaysoServer.start(config, Clock.systemUTC());
    } catch (IllegalStateException refused) {
      System.err.println("layso: cannot start: " + refused.getMessage());
      System.exit(1);
      return;
    }
    Runtime.getRuntime().addShutdownHook(new Thread(server::stop, "layso-shutdown"));
    String base = config.publicUrl() != null ? config.publicUrl().replaceAll("/+$", "")
        : "http://localhost:" + server.port();
    StringBuilder banner = new StringBuilder("\n  layso đang chạy / is running.\n");
    banner.append("    Health:            ").append(base).append("/health\n");
    banner.append("    API (offices):     ").append(base).append("/api/v1/offices\n");
    banner.append("    API document:      ").append(base).append("/api/v1/openapi.json\n");
    banner.append("    Live events (ws):  ").append(base.replaceFirst("^http", "ws"))
        .append("/api/v1/offices/demo/live\n");
    banner.append("  Pages (their front ends are not part of this release yet):\n");
    banner.append("    Kiosk:             ").append(base).append("/kiosk?office=demo\n");
    banner.append("    Lobby display:     ").append(base).append("/display?office=demo\n");
    banner.append("    Counter console:   ").append(base).append("/counter\n");
    banner.append("    Booking:           ").append(base).append("/book?office=demo\n");
    if (server.generatedAdminPassword() != null) {
      banner.append("\n    Admin account created: user 'admin', password ")
          .append(server.generatedAdminPassword())
          .append("\n    (shown only this once; set ADMIN_PASSWORD to choose it yourself)\n");
    }
    System.out.println(banner);
  }
}
