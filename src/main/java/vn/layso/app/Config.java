package vn.layso.app;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import vn.layso.common.ClientAddress;

/**
 * Everything the server reads from its environment, read once and validated at start. The admin
 * password is kept out of {@link #toString()} so it can never reach a log line.
 */
public record Config(int port, String host, String redisUri, Path dataDir, String redisAppendFsync,
                     String adminPassword, boolean seedDemo, int rateLimitPerMinute,
                     int loginLimitPerMinute, String trustedProxies, Duration tokenTtl, String publicUrl,
                     Path officesFile, int liveMaxSockets, int eventLoops) {

  public Config {
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("PORT must be 0..65535");
    }
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
    if (tokenTtl.isNegative() || tokenTtl.isZero()) {
      throw new IllegalArgumentException("TOKEN_TTL_HOURS must be positive");
    }
    if (eventLoops < 1 || eventLoops > 256) {
      throw new IllegalArgumentException("EVENT_LOOPS must be 1..256");
    }
  }

  public static Config fromEnvironment(Map<String, String> env) {
    String seed = env.getOrDefault("SEED", "demo").strip().toLowerCase(java.util.Locale.ROOT);
    if (!seed.equals("demo") && !seed.equals("none")) {
      throw new IllegalArgumentException("SEED must be demo or none, not " + seed);
    }
    return new Config(
        integer(env, "PORT", 8080),
        env.getOrDefault("HOST", "0.0.0.0"),
        blankToNull(env.get("REDIS_URI")),
        Path.of(env.getOrDefault("DATA_DIR", "./data")),
        env.getOrDefault("REDIS_APPENDFSYNC", "everysec"),
        blankToNull(env.get("ADMIN_PASSWORD")),
        seed.equals("demo"),
        integer(env, "RATE_LIMIT_PER_MINUTE", 30),
        integer(env, "LOGIN_LIMIT_PER_MINUTE", 20),
        env.getOrDefault("TRUSTED_PROXIES", ""),
        Duration.ofHours(integer(env, "TOKEN_TTL_HOURS", 12)),
        blankToNull(env.get("PUBLIC_URL")),
        env.get("OFFICES_FILE") == null || env.get("OFFICES_FILE").isBlank() ? null : Path.of(env.get("OFFICES_FILE")),
        integer(env, "LIVE_MAX_SOCKETS", 10_000),
        integer(env, "EVENT_LOOPS", Runtime.getRuntime().availableProcessors()));
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
        + ", rateLimitPerMinute=" + rateLimitPerMinute + ", trustedProxies=" + trustedProxies
        + ", tokenTtl=" + tokenTtl + ", officesFile=" + officesFile + ", liveMaxSockets=" + liveMaxSockets
        + ", eventLoops=" + eventLoops + "]";
  }
}
