package vn.layso.rating.domain;

/**
 * What a citizen chose: a level of the office's scale and, for the lowest level, a reason (a fixed
 * code, a note of at most {@link RatingScale#MAX_NOTE} characters, or both; a note alone counts
 * as "khac"). Reasons given with a higher level are dropped: they are asked for the lowest only.
 */
public record RatingChoice(int level, String reasonCode, String reason) {

  /**
   * Checks a choice against a scale of {@code levels}: {@code invalid_level}, {@code unknown_reason},
   * {@code reason_too_long}, or {@code reason_required} (lowest level without code or note) when
   * {@code reasonRequired}.
   */
  public static RatingChoice of(int level, int levels, String reasonCode, String reason, boolean reasonRequired) {
    if (level < 1 || level > levels) {
      throw new RatingRefusal("invalid_level");
    }
    String note = reason == null || reason.isBlank() ? null : reason.strip();
    String code = reasonCode == null || reasonCode.isBlank() ? null : reasonCode.strip();
    if (code != null && RatingScale.reason(code).isEmpty()) {
      throw new RatingRefusal("unknown_reason");
    }
    if (note != null && note.codePointCount(0, note.length()) > RatingScale.MAX_NOTE) {
      throw new RatingRefusal("reason_too_long");
    }
    if (level != 1) {
      return new RatingChoice(level, null, null);
    }
    if (code == null && note == null) {
      if (reasonRequired) {
        throw new RatingRefusal("reason_required");
      }
      return new RatingChoice(level, null, null);
    }
    return new RatingChoice(level, code == null ? RatingScale.OTHER : code, note);
  }
}
