package vn.layso.app;

import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * LOG_FORMAT and LOG_LEVEL: checked and applied before the first logger exists, since logback
 * reads its configuration once, when the first class asks for a logger.
 */
final class Logging {

  /** Unset, text and kv all mean logback.xml: one line per event, its fields as key=value. */
  private static final Set<String> TEXT_FORMATS = Set.of("", "text", "kv");
  private static final Set<String> LEVELS = Set.of("TRACE", "DEBUG", "INFO", "WARN", "ERROR");

  private Logging() {
  }

  /**
   * Applies the environment's log format (unset, {@code text} or {@code kv}: key=value lines;
   * {@code json}: one JSON object per line) and level ({@code fallbackLevel} when unset).
   */
  static void configure(Map<String, String> env, String fallbackLevel) {
    String format = env.getOrDefault("LOG_FORMAT", "").strip().toLowerCase(Locale.ROOT);
    if (format.equals("json")) {
      System.setProperty("logback.configurationFile", "logback-json.xml");
    } else if (!TEXT_FORMATS.contains(format)) {
      throw new IllegalArgumentException("LOG_FORMAT must be json, text or kv (or unset), not '"
          + shorten(format) + "'");
    }
    String level = env.getOrDefault("LOG_LEVEL", "").strip().toUpperCase(Locale.ROOT);
    if (level.isEmpty()) {
      level = fallbackLevel;
    } else if (!LEVELS.contains(level)) {
      throw new IllegalArgumentException("LOG_LEVEL must be one of TRACE, DEBUG, INFO, WARN, ERROR, not '"
          + shorten(level) + "'");
    }
    System.setProperty("LOG_LEVEL", level);
  }

  private static String shorten(String value) {
    return value.length() > 40 ? value.substring(0, 40) + "…" : value;
  }
}
