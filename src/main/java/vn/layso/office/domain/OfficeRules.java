package vn.layso.office.domain;

import java.util.regex.Pattern;

/** Shapes of identifiers: lower-case ASCII, digits and dashes, so they are safe in URLs and keys. */
public final class OfficeRules {

  private static final Pattern CODE = Pattern.compile("[a-z0-9][a-z0-9-]{0,31}");

  private OfficeRules() {
  }

  public static boolean isCode(String value) {
    return value != null && CODE.matcher(value).matches();
  }

  public static void requireCode(String value, String what) {
    if (!isCode(value)) {
      throw new IllegalArgumentException(what + " must match [a-z0-9][a-z0-9-]{0,31}: " + value);
    }
  }
}
