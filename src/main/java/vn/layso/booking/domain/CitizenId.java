package vn.layso.booking.domain;

import java.util.Set;

/**
 * The 12-digit citizen ID (CCCD): PPP G YY NNNNNN. PPP is one of the 63 province codes, G the
 * gender and century (0/1: born in the 1900s, 2/3: in the 2000s; even male, odd female), YY the
 * birth year. There is no checksum: this is a structural check only. Only the last 4 digits are kept.
 */
public final class CitizenId {

  private static final Set<String> PROVINCES = Set.of("001", "002", "004", "006", "008", "010", "011", "012", "014",
      "015", "017", "019", "020", "022", "024", "025", "026", "027", "030", "031", "033", "034", "035", "036", "037",
      "038", "040", "042", "044", "045", "046", "048", "049", "051", "052", "054", "056", "058", "060", "062", "064",
      "066", "067", "068", "070", "072", "074", "075", "077", "079", "080", "082", "083", "084", "086", "087", "089",
      "091", "092", "093", "094", "095", "096");

  private CitizenId() {
  }

  /** Digits only (spaces removed), or null when the text is not a structurally valid CCCD born by {@code currentYear}. */
  public static String check(String text, int currentYear) {
    if (text == null || text.length() > 30) {
      return null;
    }
    String id = text.replaceAll("\\s", "");
    if (!id.matches("\\d{12}") || !PROVINCES.contains(id.substring(0, 3))) {
      return null;
    }
    int g = id.charAt(3) - '0';
    if (g > 3) {
      return null;
    }
    int year = (g < 2 ? 1900 : 2000) + Integer.parseInt(id.substring(4, 6));
    return year > currentYear ? null : id;
  }

  public static String last4(String id) {
    return id.substring(id.length() - 4);
  }

  /** ********1234 */
  public static String mask(String last4) {
    return "********" + last4;
  }
}
