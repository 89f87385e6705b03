package vn.layso.office.domain;

import java.util.Locale;

/**
 * Who may take walk-in numbers at an office: {@link #KIOSK} (its paired kiosks and its staff only;
 * an anonymous request is refused) or {@link #OPEN} (anyone, within the anonymous limits). An office
 * that does not say is {@link #KIOSK}: a script on the internet must not be able to drain a day's numbers.
 */
public enum WalkInIssuing {
  KIOSK, OPEN;

  /** How the office document spells it: {@code "kiosk"} or {@code "open"}. */
  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The value of the document's {@code walkInIssuing} key; null (absent) is {@link #KIOSK}. */
  public static WalkInIssuing parse(String code) {
    if (code == null) {
      return KIOSK;
    }
    for (WalkInIssuing mode : values()) {
      if (mode.code().equals(code)) {
        return mode;
      }
    }
    throw new IllegalArgumentException("walkInIssuing must be \"kiosk\" or \"open\", not \"" + code + "\"");
  }
}
