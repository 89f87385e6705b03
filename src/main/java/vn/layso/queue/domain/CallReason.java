package vn.layso.queue.domain;

/**
 * Why call-next chose a ticket, as the ticket's history keeps it: the rule that decided, the
 * ticket's field, how long it had waited since its effective arrival (whole seconds), the
 * counter's weight for that field, the field's target (seconds, 0: none), the row that made the
 * rule apply (priority calls in a row for NORMALS_TURN, appointment calls in a row for
 * WALK_IN_TURN, normal calls since the last priority call for PRIORITY in ratio mode; else 0) and
 * how many tickets (the first of each field) were weighed.
 */
public record CallReason(Rule rule, String service, long waitedSeconds, int weight, long targetSeconds, int row,
                         int candidates) {

  /** The rules in the order they are tried (CallNextPolicy). */
  public enum Rule {
    /** A priority citizen goes first. */
    PRIORITY,
    /** Enough priority calls in a row (or too few normal calls since the last one): a normal ticket's turn. */
    NORMALS_TURN,
    /** Enough appointment calls in a row: a walk-in who waited long goes first. */
    WALK_IN_TURN,
    /** The ticket waited past its field's target: escalated ahead of those within theirs. */
    OVER_TARGET,
    /** A field this counter serves only as a backup, taken because its ticket waited past the target. */
    BACKUP_OVER_TARGET,
    /** The only ticket this counter could take. */
    ONLY_ONE,
    /** The longest wait, weighted by the counter's weight for the field and grown by aging. */
    WEIGHTED_WAIT
  }

  /** The text form kept in the ticket's history (the Lua script writes the same codes). */
  public String code() {
    return rule.name();
  }

  public static Rule rule(String code) {
    return Rule.valueOf(code);
  }

  /** A sentence a manager can read, in Vietnamese or English, with the field's display name. */
  public String describe(String serviceName, boolean english) {
    long minutes = waitedSeconds / 60;
    long target = targetSeconds / 60;
    if (english) {
      return switch (rule) {
        case PRIORITY -> "Priority citizen, served first (waited " + minutes + " min).";
        case NORMALS_TURN -> row + " priority calls in a row: a normal ticket's turn (" + serviceName + ", waited "
            + minutes + " min).";
        case WALK_IN_TURN -> row + " appointments in a row: a walk-in who waited " + minutes + " min goes first ("
            + serviceName + ").";
        case OVER_TARGET -> serviceName + " waited " + minutes + " min, past its " + target
            + "-minute target: taken first.";
        case BACKUP_OVER_TARGET -> "Backup field " + serviceName + " waited " + minutes + " min, past its " + target
            + "-minute target: this counter helps.";
        case ONLY_ONE -> "The only citizen this counter can serve (" + serviceName + ", waited " + minutes + " min).";
        case WEIGHTED_WAIT -> "Longest weighted wait of " + candidates + " fields: " + serviceName + ", waited "
            + minutes + " min, weight " + weight + ".";
      };
    }
    return switch (rule) {
      case PRIORITY -> "Người thuộc nhóm ưu tiên, được gọi trước (đã chờ " + minutes + " phút).";
      case NORMALS_TURN -> "Đã gọi " + row + " người ưu tiên liên tiếp: đến lượt người không ưu tiên (" + serviceName
          + ", đã chờ " + minutes + " phút).";
      case WALK_IN_TURN -> "Đã gọi " + row + " lịch hẹn liên tiếp: người lấy số tại chỗ đã chờ " + minutes
          + " phút được gọi trước (" + serviceName + ").";
      case OVER_TARGET -> serviceName + " đã chờ " + minutes + " phút, quá mục tiêu " + target
          + " phút: được gọi trước.";
      case BACKUP_OVER_TARGET -> "Lĩnh vực dự phòng " + serviceName + " đã chờ " + minutes + " phút, quá mục tiêu "
          + target + " phút: quầy này hỗ trợ.";
      case ONLY_ONE -> "Người duy nhất quầy này có thể phục vụ (" + serviceName + ", đã chờ " + minutes + " phút).";
      case WEIGHTED_WAIT -> "Chờ lâu nhất theo trọng số trong " + candidates + " lĩnh vực: " + serviceName
          + ", đã chờ " + minutes + " phút, trọng số " + weight + ".";
    };
  }
}
