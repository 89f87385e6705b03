package vn.layso.auth.domain;

import java.util.Locale;
import java.util.random.RandomGenerator;

/**
 * The short code an unpaired device shows for a manager to type into the console: six symbols from
 * an alphabet without look-alikes (no 0/O, 1/I), shown as two groups of three ({@code K7P-4QX}):
 * about 30 bits, alive 10 minutes, and usable only by a signed-in manager of the office.
 */
public final class PairingCode {

  public static final String ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";
  public static final int LENGTH = 6;

  private PairingCode() {
  }

  /** A fresh code, stored form (no dash). */
  public static String generate(RandomGenerator random) {
    StringBuilder code = new StringBuilder(LENGTH);
    for (int i = 0; i < LENGTH; i++) {
      code.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
    }
    return code.toString();
  }

  /** The code as shown: {@code K7P-4QX}. */
  public static String display(String code) {
    return code.substring(0, 3) + "-" + code.substring(3);
  }

  /**
   * What a person typed, in stored form: case, spaces and dashes do not matter. Null when it cannot
   * be a code (wrong length, a symbol outside the alphabet).
   */
  public static String normalize(String typed) {
    if (typed == null) {
      return null;
    }
    String code = typed.toUpperCase(Locale.ROOT).replaceAll("[\\s-]", "");
    if (code.length() != LENGTH) {
      return null;
    }
    for (char c : code.toCharArray()) {
      if (ALPHABET.indexOf(c) < 0) {
        return null;
      }
    }
    return code;
  }
}
