package vn.layso.app;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import vn.layso.common.ClientAddress;
import vn.layso.notify.SmsGatewaySettings;
import vn.layso.notify.ZaloSettings;

/**
 * Everything the server reads from its environment, read once and validated at start. The admin
 * password and the personal-data key are kept out of {@link #toString()} so they can never reach a log line.
 */
public record Config(int port, String host, String redisUri, Path dataDir, String redisAppendFsync,
                     String adminPassword, boolean seedDemo, int rateLimitPerMinute,
                     int loginLimitPerMinute, String trustedProxies, Duration tokenTtl, String publicUrl,
                     Path officesFile, int liveMaxSockets, int liveMaxSocketsPerAddress,
                     int historyDays, int eventLoops, Path voiceDir, Path printerConfigDir,
                     String personalDataKey, boolean dataDirGiven, ZaloSettings zalo, SmsGatewaySettings sms,
                     String personalDataKeyPrevious) {

  public Config {
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("PORT must be 0..65535");
    }
    requireHost(host);
    requirePublicUrl(publicUrl);
    if (!java.util.Set.of("always", "everysec", "no").contains(redisAppendFsync)) {
      throw new IllegalArgumentException("REDIS_APPENDFSYNC must be always, everysec or no");
    }
    if (adminPassword != null && adminPassword.length() < 10) {
      throw new IllegalArgumentException("ADMIN_PASSWORD must have at least 10 characters");
    }
    if (rateLimitPerMinute < 0 || loginLimitPerMinute < 0) {
      throw new IllegalArgumentException("rate limits cannot be negative");
    }
    ClientAddress.trusting(trustedProxies);
    if (redisUri != null && !redisUri.matches("(?i)rediss?://.+")) {
      throw new IllegalArgumentException("REDIS_URI must look like redis://host:port/db (or rediss:// for TLS)");
    }
    if (liveMaxSockets < 1) {
      throw new IllegalArgumentException("LIVE_MAX_SOCKETS must be at least 1");
    }
    if (historyDays < 1 || historyDays > 3650) {
      throw new IllegalArgumentException("HISTORY_DAYS must be 1..3650");
    }
    if (liveMaxSocketsPerAddress < 1) {
      throw new IllegalArgumentException("LIVE_MAX_SOCKETS_PER_ADDRESS must be at least 1");
    }
    if (tokenTtl.isNegative() || tokenTtl.isZero()) {
      throw new IllegalArgumentException("TOKEN_TTL_HOURS must be positive");
    }
    if (eventLoops < 1 || eventLoops > 256) {
      throw new IllegalArgumentException("EVENT_LOOPS must be 1..256");
    }
    if (personalDataKey != null && personalDataKey.length() < 32) {
      throw new IllegalArgumentException("PERSONAL_DATA_KEY must have at least 32 characters");
    }
    if (personalDataKeyPrevious != null && (personalDataKey == null
        || !personalDataKeyPrevious.startsWith("file:") && personalDataKeyPrevious.length() < 32)) {
      throw new IllegalArgumentException("PERSONAL_DATA_KEY_PREVIOUS needs PERSONAL_DATA_KEY (the new key) and"
          + " at least 32 characters (the old key) or file:<path of the old personal-data.key>");
    }
    if (voiceDir != null && !java.nio.file.Files.isDirectory(voiceDir)) {
      throw new IllegalArgumentException("VOICE_DIR must be a folder of voice packs, not '" + shorten(voiceDir.toString()) + "'");
    }
  }

  public static Config fromEnvironment(Map<String, String> env) {
    String seed = env.getOrDefault("SEED", "demo").strip().toLowerCase(java.util.Locale.ROOT);
    if (!seed.equals("demo") && !seed.equals("none")) {
      throw new IllegalArgumentException("SEED must be demo or none, not " + seed);
    }
    return new Config(
        integer(env, "PORT", 8080),
        Objects.requireNonNullElse(blankToNull(env.get("HOST")), "0.0.0.0"),
        blankToNull(env.get("REDIS_URI")),
        Path.of(env.getOrDefault("DATA_DIR", "./data")),
        env.getOrDefault("REDIS_APPENDFSYNC", "always"),
        blankToNull(env.get("ADMIN_PASSWORD")),
        seed.equals("demo"),
        integer(env, "RATE_LIMIT_PER_MINUTE", 30),
        integer(env, "LOGIN_LIMIT_PER_MINUTE", 20),
        env.getOrDefault("TRUSTED_PROXIES", ""),
        Duration.ofHours(integer(env, "TOKEN_TTL_HOURS", 12)),
        blankToNull(env.get("PUBLIC_URL")),
        env.get("OFFICES_FILE") == null || env.get("OFFICES_FILE").isBlank() ? null : Path.of(env.get("OFFICES_FILE")),
        integer(env, "LIVE_MAX_SOCKETS", 10_000),
        // a centre's Wi-Fi puts hundreds of citizens' phones behind one address
        integer(env, "LIVE_MAX_SOCKETS_PER_ADDRESS", 1_000),
        integer(env, "HISTORY_DAYS", 400),
        integer(env, "EVENT_LOOPS", Runtime.getRuntime().availableProcessors()),
        blankToNull(env.get("VOICE_DIR")) == null ? null : Path.of(blankToNull(env.get("VOICE_DIR"))),
        blankToNull(env.get("PRINTER_CONFIG_DIR")) == null ? null : Path.of(env.get("PRINTER_CONFIG_DIR").strip()),
        blankToNull(env.get("PERSONAL_DATA_KEY")),
        blankToNull(env.get("DATA_DIR")) != null,
        ZaloSettings.fromEnvironment(env), SmsGatewaySettings.fromEnvironment(env),
        blankToNull(env.get("PERSONAL_DATA_KEY_PREVIOUS")));
  }

  /** An IP literal, or a name this machine resolves (to one of its addresses, checked at listen). */
  private static void requireHost(String host) {
    if (host == null || host.isBlank() || host.length() > 253 || !host.matches("[\\p{Alnum}.:_%-]+")) {
      throw new IllegalArgumentException("HOST must be an IP address or a host name, not '" + shorten(host) + "'");
    }
    try {
      InetAddress.getByName(host);
    } catch (UnknownHostException unknown) {
      throw new IllegalArgumentException("HOST '" + host
          + "' is neither an IP address nor a name this machine can resolve");
    }
  }

  private static void requirePublicUrl(String url) {
    if (url == null) {
      return;
    }
    String problem = "PUBLIC_URL must be an absolute http(s) URL such as https://layso.example.gov.vn, not '"
        + shorten(url) + "'";
    try {
      URI uri = new URI(url);
      if (uri.getScheme() == null || !uri.getScheme().matches("(?i)https?") || uri.getHost() == null
          || uri.getRawQuery() != null || uri.getRawFragment() != null) {
        throw new IllegalArgumentException(problem);
      }
    } catch (URISyntaxException malformed) {
      throw new IllegalArgumentException(problem);
    }
  }

  private static String shorten(String value) {
    return value == null ? "" : value.length() > 80 ? value.substring(0, 80) + "…" : value;
  }

  private static int integer(Map<String, String> env, String name, int fallback) {
    String value = env.get(name);
    if (value == null || value.isBlank()) {
      return fallback;
    }
    try {
      return Integer.parseInt(value.strip());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(name + " must be a whole number, not " + value);
    }
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }

  @Override
  public String toString() {
    return "Config[port=" + port + ", host=" + host + ", redis=" + (redisUri == null ? "embedded" : "external")
        + ", dataDir=" + dataDir + ", appendfsync=" + redisAppendFsync + ", seedDemo=" + seedDemo
        + ", rateLimitPerMinute=" + rateLimitPerMinute + ", loginLimitPerMinute=" + loginLimitPerMinute
        + ", trustedProxies=" + trustedProxies
        + ", tokenTtl=" + tokenTtl + ", officesFile=" + officesFile + ", liveMaxSockets=" + liveMaxSockets
        + ", liveMaxSocketsPerAddress=" + liveMaxSocketsPerAddress + ", historyDays=" + historyDays
        + ", eventLoops=" + eventLoops + ", voiceDir=" + voiceDir + ", printerConfigDir=" + printerConfigDir
        + ", personalDataKey=" + (personalDataKey == null ? "file" : "env")
        + (personalDataKeyPrevious == null ? "" : " (+previous)") + ", zalo=" + zalo + ", sms=" + sms + "]";
  }
}
