package vn.layso.notify.domain;

import java.util.regex.Pattern;

/** Vietnamese mobile numbers: stored +84…, sent to Zalo as 84…, masked in logs and admin lists. */
public final class Phones {

  private static final Pattern MOBILE = Pattern.compile("^(\\+84|84|0)((3[2-9]|5[25689]|7[06-9]|8[1-9]|9[0-46-9])\\d{7})$");

  private Phones() {
  }

  /** +84 and the nine national digits; spaces, dots and dashes are ignored. */
  public static String normalise(String phone) {
    if (phone == null) {
      throw new IllegalArgumentException("phone is required");
    }
    var m = MOBILE.matcher(phone.replaceAll("[\\s.-]", ""));
    if (!m.matches()) {
      throw new IllegalArgumentException("not a Vietnamese mobile number");
    }
    return "+84" + m.group(2);
  }

  /** The form Zalo wants: 84912345678, no plus. */
  public static String forZalo(String phone) {
    return normalise(phone).substring(1);
  }

  /** +8491*****78: enough for staff to tell numbers apart, not enough to call. */
  public static String mask(String phone) {
    if (phone == null || phone.length() < 7) {
      return "***";
    }
    return phone.substring(0, 5) + "*".repeat(phone.length() - 7) + phone.substring(phone.length() - 2);
  }
}
