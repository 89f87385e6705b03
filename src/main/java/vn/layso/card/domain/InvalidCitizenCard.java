package vn.layso.card.domain;

/** A scanned text that is not a CCCD card's QR code; {@link #reason()} says why (a stable code, no card data). */
public final class InvalidCitizenCard extends IllegalArgumentException {

  private final String reason;

  public InvalidCitizenCard(String reason) {
    super("not a CCCD card QR code: " + reason);
    this.reason = reason;
  }

  /** empty, too_long, too_few_fields, invalid_number, invalid_old_number, invalid_name, invalid_birth_date, birth_year_mismatch */
  public String reason() {
    return reason;
  }
}
