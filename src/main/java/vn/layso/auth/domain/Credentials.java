package vn.layso.auth.domain;

import java.util.regex.Pattern;

/** Rules for account names and passwords. */
public final class Credentials {

  private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{1,39}");
  public static final int MIN_PASSWORD = 10;
  public static final int MAX_FULL_NAME = 80;
  private static final String READABLE = "23456789abcdefghjkmnpqrstuvwxyz";
  /** bcrypt reads at most 72 bytes; longer passwords are refused rather than silently cut. */
  public static final int MAX_PASSWORD_BYTES = 72;

  private Credentials() {
  }

  public static boolean validUsername(String username) {
    return username != null && USERNAME.matcher(username).matches();
  }

  /**
   * A one-time password a manager reads out or writes down: three groups of four characters without
   * look-alikes (no 0/o, 1/l/i), e.g. {@code k7pq-4qxm-9tzr}; about 71 bits.
   */
  public static String oneTimePassword(java.util.random.RandomGenerator random) {
    StringBuilder out = new StringBuilder(14);
    for (int i = 0; i < 12; i++) {
      if (i > 0 && i % 4 == 0) {
        out.append('-');
      }
      out.append(READABLE.charAt(random.nextInt(READABLE.length())));
    }
    return out.toString();
  }

  /** Null when acceptable, otherwise the code of what is wrong. */
  public static String passwordProblem(String password) {
    if (password == null || password.codePointCount(0, password.length()) < MIN_PASSWORD) {
      return "password_too_short";
    }
    if (tooLong(password)) {
      return "password_too_long";
    }
    return null;
  }

  /**
   * A person's full name as stored: NFC, trimmed, inner runs of white space made one space; null when
   * it is empty, longer than {@link #MAX_FULL_NAME} characters or holds a control character.
   */
  public static String fullName(String value) {
    if (value == null) {
      return null;
    }
    String name = java.text.Normalizer.normalize(value, java.text.Normalizer.Form.NFC).strip()
        .replaceAll("\\s+", " ");
    int length = name.codePointCount(0, name.length());
    if (length < 1 || length > MAX_FULL_NAME || name.codePoints().anyMatch(Character::isISOControl)) {
      return null;
    }
    return name;
  }

  /** Over bcrypt's 72 bytes (UTF-8): refused at log-in too, before any hashing. */
  public static boolean tooLong(String password) {
    return password.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > MAX_PASSWORD_BYTES;
  }
}
