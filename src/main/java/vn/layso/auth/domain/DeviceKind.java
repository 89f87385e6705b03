package vn.layso.auth.domain;

import java.util.Locale;

/**
 * What a paired device is, and so the one job its token may do: a ticket kiosk issues tickets
 * (and may set a priority group), a lobby display only shows, a rating tablet only records
 * ratings at its counter.
 */
public enum DeviceKind {
  KIOSK, DISPLAY, RATING;

  /** The kind named in lower case ("kiosk", "display", "rating"); null when it names none. */
  public static DeviceKind parse(String value) {
    for (DeviceKind kind : values()) {
      if (kind.id().equals(value)) {
        return kind;
      }
    }
    return null;
  }

  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }
}
