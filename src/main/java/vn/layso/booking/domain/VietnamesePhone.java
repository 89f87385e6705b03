package vn.layso.booking.domain;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Vietnamese mobile numbers: 0912 345 678, 84912345678, +84 912-345-678 all name +84912345678.
 * Stored as +84…, sent to Zalo as 84… (no plus).
 */
public final class VietnamesePhone {

  private static final Pattern MOBILE = Pattern.compile("^(\\+84|84|0)(3[2-9]|5[25689]|7[06-9]|8[1-9]|9[0-46-9])\\d{7}$");
  private static final Pattern SEPARATORS = Pattern.compile("[\\s.\\-()]");

  private VietnamesePhone() {
  }

  /** The +84 form, or empty when the text is not a Vietnamese mobile number. */
  public static Optional<String> normalize(String text) {
    if (text == null || text.length() > 30) {
      return Optional.empty();
    }
    String compact = SEPARATORS.matcher(text.strip()).replaceAll("");
    var m = MOBILE.matcher(compact);
    if (!m.matches()) {
      return Optional.empty();
    }
    return Optional.of("+84" + compact.substring(m.group(1).length()));
  }

  /** The form the Zalo ZNS API takes: 84… without the plus. */
  public static String forZalo(String normalized) {
    return normalized.substring(1);
  }

  /** 0912345678 shown as 091****678: enough for the citizen to recognise, not to call. */
  public static String mask(String normalized) {
    if (normalized == null || normalized.length() < 7) {
      return "***";
    }
    String national = "0" + normalized.substring(3);
    return national.substring(0, 3) + "****" + national.substring(national.length() - 3);
  }
}
