package vn.layso.office.domain;

import java.util.Objects;

/**
 * A procedure field served at an office (Đất đai, Hộ tịch, ...): its ticket prefix, the range its
 * daily numbers run through, the average minutes one citizen takes (for wait estimates) and an
 * optional daily cut-off after which the kiosk gives no new number of this field (null: none), and an
 * optional short description the kiosk shows under the field's name (null: none), and the field's
 * service-level target: the wait (minutes) past which its citizens are escalated at call-next and
 * managers are advised to add counters.
 */
public record ServiceDef(String code, String name, String prefix, int numberStart, int numberEnd,
                         int avgServiceMinutes, java.time.LocalTime issueCutoff, String description,
                         int targetWaitMinutes) {

  /** A ticket prefix: one or two capital letters. */
  public static final String PREFIX = "[A-Z]{1,2}";
  /** The highest ticket number a field's range may reach. */
  public static final int MAX_NUMBER = 99_999;
  /** The longest average service time or target wait, in minutes (a working day). */
  public static final int MAX_MINUTES = 480;

  /** The target wait when the office JSON names none. */
  public static final int DEFAULT_TARGET_WAIT_MINUTES = 30;

  public ServiceDef(String code, String name, String prefix, int numberStart, int numberEnd, int avgServiceMinutes,
                    java.time.LocalTime issueCutoff, String description) {
    this(code, name, prefix, numberStart, numberEnd, avgServiceMinutes, issueCutoff, description,
        DEFAULT_TARGET_WAIT_MINUTES);
  }

  /** Longest description: two lines on a kiosk button. */
  public static final int MAX_DESCRIPTION = 160;

  public ServiceDef(String code, String name, String prefix, int numberStart, int numberEnd, int avgServiceMinutes,
                    java.time.LocalTime issueCutoff) {
    this(code, name, prefix, numberStart, numberEnd, avgServiceMinutes, issueCutoff, null);
  }

  public ServiceDef {
    Objects.requireNonNull(name, "service name");
    if (description != null && (description.isBlank() || description.length() > MAX_DESCRIPTION)) {
      throw new IllegalArgumentException("service " + code + ": description must be 1.." + MAX_DESCRIPTION
          + " characters when set");
    }
    OfficeRules.requireCode(code, "service code");
    if (prefix == null || !prefix.matches(PREFIX)) {
      throw new IllegalArgumentException("service " + code + ": prefix must be 1-2 capital letters");
    }
    if (numberStart < 0 || numberEnd < numberStart || numberEnd > MAX_NUMBER) {
      throw new IllegalArgumentException("service " + code + ": number range must be 0 <= start <= end <= 99999");
    }
    if (avgServiceMinutes < 1 || avgServiceMinutes > MAX_MINUTES) {
      throw new IllegalArgumentException("service " + code + ": avgServiceMinutes must be 1..480");
    }
    if (targetWaitMinutes < 1 || targetWaitMinutes > MAX_MINUTES) {
      throw new IllegalArgumentException("service " + code + ": targetWaitMinutes must be 1..480");
    }
  }

  /** How many digits a printed number has: enough for the end of the range, at least three. */
  public int digits() {
    return Math.max(3, String.valueOf(numberEnd).length());
  }

  public long targetWaitMillis() {
    return targetWaitMinutes * 60_000L;
  }

  public int capacityPerDay() {
    return numberEnd - numberStart + 1;
  }
}
