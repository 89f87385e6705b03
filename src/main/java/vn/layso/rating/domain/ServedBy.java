package vn.layso.rating.domain;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * Whom a rating is about: the account that completed the ticket ({@code staff:lan}, as the steps
 * name it), at which counter, in which field, and the hour of the citizen's arrival ("07", office
 * time). These are the dimensions the rating counts are kept by; nothing about the citizen.
 */
public record ServedBy(String staff, String counter, String field, String hour) {

  /** One step of the ticket's history, as much as a rating needs of it. */
  public record Step(String action, String by, String counter, String field) {
  }

  private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("HH");

  /**
   * From the ticket's last COMPLETE step; without one (an older ticket) the ticket's own counter
   * and field, and an unknown staff ("-").
   */
  public static ServedBy of(List<Step> steps, String counter, String field, Instant issuedAt, ZoneId zone) {
    String hour = HOUR.format(issuedAt.atZone(zone));
    for (int i = steps.size() - 1; i >= 0; i--) {
      Step s = steps.get(i);
      if ("COMPLETE".equals(s.action())) {
        return new ServedBy(orUnknown(s.by()), orUnknown(s.counter() == null ? counter : s.counter()),
            orUnknown(s.field() == null ? field : s.field()), hour);
      }
    }
    return new ServedBy("-", orUnknown(counter), orUnknown(field), hour);
  }

  /** The ratingCounts fields this rating adds one to: {@code <dim>|<key>|<level>}. */
  public List<String> countFields(int level) {
    return List.of("all|*|" + level, "field|" + field + "|" + level, "counter|" + counter + "|" + level,
        "staff|" + staff + "|" + level, "hour|" + hour + "|" + level);
  }

  private static String orUnknown(String value) {
    return value == null || value.isEmpty() ? "-" : value;
  }
}
