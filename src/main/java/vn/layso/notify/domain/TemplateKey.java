package vn.layso.notify.domain;

import java.util.Locale;

/**
 * The messages layso sends; each maps to one pre-approved ZNS template (its id is configured).
 * {@code RATING} (a ZNS service-rating template) is optional: without its id no rating messages go out.
 * {@code OTP} (a ZNS template of the OTP type, its one parameter {@code otp}) is optional: without its
 * id, phone verification codes go by the SMS gateway hook only.
 */
public enum TemplateKey {
  CONFIRMATION, REMINDER_DAY_BEFORE, REMINDER_SOON, TURN_NEAR, RATING, OTP;

  /** Whether Zalo notifications need this template's id to start. */
  public boolean required() {
    return this != RATING && this != OTP;
  }

  /** The configuration name: confirmation, reminder_day_before, reminder_soon, turn_near, rating, otp. */
  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static TemplateKey of(String key) {
    for (TemplateKey k : values()) {
      if (k.key().equals(key)) {
        return k;
      }
    }
    throw new IllegalArgumentException("unknown template '" + key + "'");
  }
}
