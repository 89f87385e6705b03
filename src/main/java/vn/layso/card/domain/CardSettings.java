package vn.layso.card.domain;

import java.util.Locale;
import java.util.Objects;

/**
 * An office's use of the CCCD card QR at the kiosk ({@code "citizenCard"} section): off (no prompt),
 * optional (the citizen may scan, or go on without a card) or required (the kiosk issues only to a
 * scanned card; staff still issue without one).
 */
public record CardSettings(AtKiosk atKiosk) {

  public static final CardSettings DEFAULTS = new CardSettings(AtKiosk.OFF);

  public CardSettings {
    Objects.requireNonNull(atKiosk, "atKiosk");
  }

  /** Whether the kiosk asks for the card. */
  public enum AtKiosk {
    OFF, OPTIONAL, REQUIRED;

    /** As written in the office document: off, optional, required. */
    public String code() {
      return name().toLowerCase(Locale.ROOT);
    }

    /** The value of its code, or null when the text names none. */
    public static AtKiosk of(String code) {
      for (AtKiosk a : values()) {
        if (a.code().equals(code)) {
          return a;
        }
      }
      return null;
    }
  }
}
