package vn.layso.announce.domain;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * How an office's lobby screens look and speak: the ticker line along the bottom, how ticket
 * numbers are read (digit by digit or in full; North or South), whether the screen may use the
 * browser's own Vietnamese voice ({@code AUTO}) or always plays the voice pack's clips
 * ({@code CLIPS}), which voice pack, and how to say counters whose id is not a number.
 */
public record DisplaySettings(String ticker, NumberReading numberReading, Dialect dialect, Voice voice,
                              String voicePack, Map<String, String> counterNames) {

  public static final int MAX_TICKER = 300;
  public static final int MAX_COUNTER_NAME = 60;
  private static final Pattern PACK = Pattern.compile("[a-z0-9][a-z0-9_-]{0,39}");
  public static final DisplaySettings DEFAULTS =
      new DisplaySettings("", NumberReading.DIGITS, Dialect.NORTH, Voice.AUTO, "vi-espeak", Map.of());

  /** AUTO: the browser's Vietnamese speech voice where it has one, else clips; CLIPS: always clips. */
  public enum Voice { AUTO, CLIPS }

  public DisplaySettings {
    Objects.requireNonNull(numberReading, "display.numberReading");
    Objects.requireNonNull(dialect, "display.dialect");
    Objects.requireNonNull(voice, "display.voice");
    ticker = ticker == null ? "" : ticker.strip();
    if (ticker.length() > MAX_TICKER) {
      throw new IllegalArgumentException("display.ticker: at most " + MAX_TICKER + " characters, not " + ticker.length());
    }
    if (ticker.chars().anyMatch(Character::isISOControl)) {
      throw new IllegalArgumentException("display.ticker: one line, without control characters");
    }
    if (voicePack == null || !PACK.matcher(voicePack).matches()) {
      throw new IllegalArgumentException("display.voicePack must match [a-z0-9][a-z0-9_-]{0,39}: " + voicePack);
    }
    Map<String, String> names = new LinkedHashMap<>();
    (counterNames == null ? Map.<String, String>of() : counterNames).forEach((id, name) -> {
      if (name == null || name.isBlank() || name.length() > MAX_COUNTER_NAME) {
        throw new IllegalArgumentException("display.counterNames." + id + ": 1.." + MAX_COUNTER_NAME + " characters");
      }
      names.put(id, name.strip());
    });
    counterNames = Collections.unmodifiableMap(names);
  }

  /** The announcer that reads this office's calls. */
  public Announcer announcer() {
    return new Announcer(numberReading, dialect);
  }
}
