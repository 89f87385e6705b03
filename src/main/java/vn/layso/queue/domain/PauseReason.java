package vn.layso.queue.domain;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Why a counter pauses: a fixed list, so reports can count them and the lobby may show one without
 * free text. {@code KHAC} (other) is the one that usually comes with a staff note.
 */
public enum PauseReason {
  NGHI_GIAI_LAO("nghi-giai-lao"),
  HOP("hop"),
  HO_TRO_QUAY_KHAC("ho-tro-quay-khac"),
  SU_CO_KY_THUAT("su-co-ky-thuat"),
  KHAC("khac");

  /** The longest note a pause may carry (characters). */
  public static final int MAX_NOTE = 100;

  private final String code;

  PauseReason(String code) {
    this.code = code;
  }

  public String code() {
    return code;
  }

  public static Optional<PauseReason> of(String code) {
    return Arrays.stream(values()).filter(r -> r.code.equals(code)).findFirst();
  }

  public static List<String> codes() {
    return Arrays.stream(values()).map(PauseReason::code).toList();
  }
}
