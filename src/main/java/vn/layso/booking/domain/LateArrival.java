package vn.layso.booking.domain;

/** What happens to a citizen who arrives after the check-in window: a normal walk-in number, or nothing. */
public enum LateArrival {
  WALK_IN, REFUSE;

  /** The office JSON spelling: {@code walk-in} or {@code refuse}. */
  public String json() {
    return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
  }

  public static LateArrival parse(String value) {
    for (LateArrival a : values()) {
      if (a.json().equals(value)) {
        return a;
      }
    }
    throw new IllegalArgumentException("booking.lateArrival must be walk-in or refuse, not " + value);
  }
}
