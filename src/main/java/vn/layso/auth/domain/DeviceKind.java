package vn.layso.auth.domain;

import java.util.Locale;

/** What a paired device is: a ticket kiosk or a lobby display. */
public enum DeviceKind {
  KIOSK, DISPLAY;

  /** The kind named in lower case ("kiosk", "display"); null when it names none. */
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
