package vn.layso.card.domain;

import java.text.Normalizer;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.regex.Pattern;
import vn.layso.booking.domain.CitizenId;
import vn.layso.booking.domain.PersonName;

/**
 * What the QR code of a chip-based CCCD card says, read from the text a keyboard-like scanner
 * types: {@code <12-digit CCCD>|<9-digit old CMND or empty>|<full name>|<birth date ddMMyyyy>|<sex>|
 * <address>|<issue date ddMMyyyy>}. The first four fields are needed; the later ones may be missing
 * and more may follow (card generations differ), none of them is kept. The number is checked as a
 * booking's CCCD is, and its century digit and birth year must agree with the birth date, as they do
 * on every card. {@link #toString()} shows no card data.
 */
public record CitizenCardQr(String citizenId, String fullName, LocalDate birthDate) {

  /** The longest text taken from a scanner (a card's QR holds about 150 characters). */
  public static final int MAX_LENGTH = 512;

  private static final Pattern SEPARATOR = Pattern.compile("\\|");
  private static final Pattern OLD_NUMBER = Pattern.compile("\\d{9}|\\d{12}");
  private static final Pattern DATE = Pattern.compile("\\d{8}");

  /**
   * The card read from {@code text}, NFC-normalised and stripped of the surrounding blanks and line
   * ends a scanner adds; {@code today} bounds the birth date. Throws {@link InvalidCitizenCard}.
   */
  public static CitizenCardQr parse(String text, LocalDate today) {
    if (text == null || text.isBlank()) {
      throw new InvalidCitizenCard("empty");
    }
    if (text.length() > MAX_LENGTH) {
      throw new InvalidCitizenCard("too_long");
    }
    String clean = Normalizer.normalize(text.strip(), Normalizer.Form.NFC);
    String[] fields = SEPARATOR.split(clean, -1);
    if (fields.length < 4) {
      throw new InvalidCitizenCard("too_few_fields");
    }
    String id = fields[0].strip();
    if (!id.matches("\\d{12}") || CitizenId.check(id, today.getYear()) == null) {
      throw new InvalidCitizenCard("invalid_number");
    }
    String old = fields[1].strip();
    if (!old.isEmpty() && !OLD_NUMBER.matcher(old).matches()) {
      throw new InvalidCitizenCard("invalid_old_number");
    }
    String name = PersonName.check(fields[2]);
    if (name == null) {
      throw new InvalidCitizenCard("invalid_name");
    }
    LocalDate born = birthDate(fields[3].strip(), today);
    if (bornIn(id) != born.getYear()) {
      throw new InvalidCitizenCard("birth_year_mismatch");
    }
    return new CitizenCardQr(id, name, born);
  }

  public String last4() {
    return CitizenId.last4(citizenId);
  }

  @Override
  public String toString() {
    return "CitizenCardQr[****" + last4() + "]";
  }

  private static LocalDate birthDate(String text, LocalDate today) {
    if (!DATE.matcher(text).matches()) {
      throw new InvalidCitizenCard("invalid_birth_date");
    }
    try {
      LocalDate date = LocalDate.of(Integer.parseInt(text.substring(4)), Integer.parseInt(text.substring(2, 4)),
          Integer.parseInt(text.substring(0, 2)));
      if (date.isAfter(today)) {
        throw new InvalidCitizenCard("invalid_birth_date");
      }
      return date;
    } catch (DateTimeException bad) {
      throw new InvalidCitizenCard("invalid_birth_date");
    }
  }

  /** The birth year a CCCD encodes: its 4th digit the century (0/1: 1900s, 2/3: 2000s), then two digits of the year. */
  private static int bornIn(String id) {
    int century = id.charAt(3) - '0' < 2 ? 1900 : 2000;
    return century + Integer.parseInt(id.substring(4, 6));
  }
}
