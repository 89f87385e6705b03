package vn.layso.rating.domain;

import java.util.List;
import java.util.Optional;

/**
 * The levels a citizen chooses from, best first, with their Vietnamese and English labels, and the
 * fixed reasons offered for the lowest level (which needs one: a reason code, a note, or both).
 */
public final class RatingScale {

  /** The longest free-text note kept with a rating (code points). */
  public static final int MAX_NOTE = 500;
  /** The code of the free-text reason ("Lý do khác"). */
  public static final String OTHER = "khac";

  public record Level(int value, String vi, String en) {
  }

  public record Reason(String code, String vi, String en) {
  }

  private static final List<Level> THREE = List.of(
      new Level(3, "Rất hài lòng", "Very satisfied"),
      new Level(2, "Hài lòng", "Satisfied"),
      new Level(1, "Không hài lòng", "Not satisfied"));

  private static final List<Level> FIVE = List.of(
      new Level(5, "Rất hài lòng", "Very satisfied"),
      new Level(4, "Hài lòng", "Satisfied"),
      new Level(3, "Bình thường", "Neutral"),
      new Level(2, "Không hài lòng", "Not satisfied"),
      new Level(1, "Rất không hài lòng", "Very dissatisfied"));

  private static final List<Reason> REASONS = List.of(
      new Reason("thai-do", "Thái độ phục vụ chưa tốt", "Staff attitude was poor"),
      new Reason("cho-lau", "Phải chờ quá lâu", "I waited too long"),
      new Reason("huong-dan", "Hướng dẫn chưa rõ ràng", "The guidance was unclear"),
      new Reason("ket-qua", "Chưa giải quyết được việc", "My matter was not resolved"),
      new Reason(OTHER, "Lý do khác", "Another reason"));

  private RatingScale() {
  }

  /** The levels of a 3- or 5-level scale, best first. */
  public static List<Level> levels(int count) {
    return switch (count) {
      case 3 -> THREE;
      case 5 -> FIVE;
      default -> throw new IllegalArgumentException("a rating scale has 3 or 5 levels");
    };
  }

  public static List<Reason> reasons() {
    return REASONS;
  }

  public static Optional<Reason> reason(String code) {
    return REASONS.stream().filter(r -> r.code().equals(code)).findFirst();
  }
}
