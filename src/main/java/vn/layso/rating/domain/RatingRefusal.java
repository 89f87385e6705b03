package vn.layso.rating.domain;

/** Why a rating is refused; {@code code} is the API's error code (invalid_level, reason_required, ...). */
public final class RatingRefusal extends RuntimeException {

  private final String code;

  public RatingRefusal(String code) {
    super(code, null, false, false);
    this.code = code;
  }

  public String code() {
    return code;
  }
}
