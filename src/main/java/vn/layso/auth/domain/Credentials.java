package vn.layso.auth.domain;

import java.util.regex.Pattern;

/** Rules for account names and passwords. */
public final class Credentials {

  private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{1,39}");
  public static final int MIN_PASSWORD = 10;
  /** bcrypt reads at most 72 bytes; longer passwords are refused rather than silently cut. */
  public static final int MAX_PASSWORD_BYTES = 72;

  private Credentials() {
  }

  public static boolean validUsername(String username) {
    return username != null && USERNAME.matcher(username).matches();
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

  /** Over bcrypt's 72 bytes (UTF-8): refused at log-in too, before any hashing. */
  public static boolean tooLong(String password) {
    return password.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > MAX_PASSWORD_BYTES;
  }
}
