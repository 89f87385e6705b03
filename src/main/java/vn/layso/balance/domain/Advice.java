package vn.layso.balance.domain;

import java.text.Normalizer;
import java.util.Objects;

/**
 * One recommendation for a manager. MOVE_COUNTER: the idle {@code counter} should take citizens
 * of {@code service} ("Chuyển Quầy 5 sang Hộ tịch"; {@code backup}: it already may, as a backup
 * field, so its next call takes them). OPEN_COUNTER: more hands are needed for {@code service};
 * with a {@code counter}, the paused one that serves it ("Mở lại Quầy 3 cho Đất đai"), else any
 * ("Mở thêm quầy cho Đất đai"). The numbers are those of the round that produced it.
 */
public record Advice(Kind kind, String service, String serviceName, String counter, String counterName,
                     boolean backup, int predictedMinutes, int targetMinutes, int waiting) {

  public enum Kind { MOVE_COUNTER, OPEN_COUNTER }

  public Advice {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(service, "service");
    Objects.requireNonNull(serviceName, "serviceName");
    if (kind == Kind.MOVE_COUNTER && counter == null) {
      throw new IllegalArgumentException("moving a counter names it");
    }
    if ((counter == null) != (counterName == null)) {
      throw new IllegalArgumentException("a counter comes with its name");
    }
  }

  /** What the manager reads, in Vietnamese (NFC). */
  public String vi() {
    return nfc(switch (kind) {
      case MOVE_COUNTER -> "Chuyển " + counterName + " sang " + serviceName;
      case OPEN_COUNTER -> counter == null ? "Mở thêm quầy cho " + serviceName
          : "Mở lại " + counterName + " cho " + serviceName;
    });
  }

  /** The same in English (office names stay as the office wrote them). */
  public String en() {
    return nfc(switch (kind) {
      case MOVE_COUNTER -> "Move " + counterName + " to " + serviceName;
      case OPEN_COUNTER -> counter == null ? "Open another counter for " + serviceName
          : "Reopen " + counterName + " for " + serviceName;
    });
  }

  /** What identifies the advice, numbers left out: a change of it is what managers are told about. */
  public String key() {
    return kind + ":" + service + ":" + (counter == null ? "" : counter);
  }

  private static String nfc(String text) {
    return Normalizer.normalize(text, Normalizer.Form.NFC);
  }
}
