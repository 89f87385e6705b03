package vn.layso.booking.domain;

import java.security.SecureRandom;
import java.util.Locale;

/**
 * Booking codes such as {@code K7RM-4XQ9}: 7 random characters and a check character from a
 * 28-character alphabet without look-alikes (digits 2-9, letters without B, I, L, O, S, Z, so
 * 0/O, 1/I/L, 2/Z, 5/S, 8/B cannot be confused), in
 * two groups of four. 28^7 ≈ 1.3 × 10^10 codes: unguessable behind the rate limit; the check
 * character catches a mistyped or misheard character before the store is asked.
 */
public final class BookingCode {

  public static final String ALPHABET = "ACDEFGHJKMNPQRTUVWXY23456789";
  private static final int N = ALPHABET.length();
  private static final int RANDOM_CHARS = 7;

  private BookingCode() {
  }

  public static String generate(SecureRandom random) {
    StringBuilder code = new StringBuilder();
    for (int i = 0; i < RANDOM_CHARS; i++) {
      code.append(ALPHABET.charAt(random.nextInt(N)));
    }
    code.append(checkChar(code));
    return code.substring(0, 4) + "-" + code.substring(4);
  }

  /** The canonical form (upper case, XXXX-XXXX) of what a citizen typed, or null if it is no valid code. */
  public static String parse(String text) {
    if (text == null || text.length() > 20) {
      return null;
    }
    String raw = text.replaceAll("[\\s\\-]", "").toUpperCase(Locale.ROOT);
    if (raw.length() != RANDOM_CHARS + 1) {
      return null;
    }
    for (int i = 0; i < raw.length(); i++) {
      if (ALPHABET.indexOf(raw.charAt(i)) < 0) {
        return null;
      }
    }
    if (checkChar(raw.substring(0, RANDOM_CHARS)) != raw.charAt(RANDOM_CHARS)) {
      return null;
    }
    return raw.substring(0, 4) + "-" + raw.substring(4);
  }

  /** Weights prime to 28: any single wrong character changes the check character. */
  private static final int[] WEIGHTS = {1, 3, 5, 9, 11, 13, 15};

  /** A weighted sum mod 28: catches every single wrong character and most swaps. */
  static char checkChar(CharSequence body) {
    int sum = 0;
    for (int i = 0; i < body.length(); i++) {
      sum += WEIGHTS[i] * ALPHABET.indexOf(body.charAt(i));
    }
    return ALPHABET.charAt(sum % N);
  }
}
