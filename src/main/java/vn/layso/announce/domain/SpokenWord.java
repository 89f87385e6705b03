package vn.layso.announce.domain;

/**
 * A word the lobby voice says, with the id of its audio clip in a voice pack. Vietnamese spells
 * some number words differently by position (một / mốt, mười / mươi, năm / lăm, bốn / tư), and each
 * spelling is a different sound, so each has its own clip.
 */
public enum SpokenWord {
  KHONG("không", "khong"),
  MOT("một", "mot"),
  MOT_SAC("mốt", "mot-sac"),
  HAI("hai", "hai"),
  BA("ba", "ba"),
  BON("bốn", "bon"),
  TU("tư", "tu"),
  NAM("năm", "nam"),
  LAM("lăm", "lam"),
  SAU("sáu", "sau"),
  BAY("bảy", "bay"),
  TAM("tám", "tam"),
  CHIN("chín", "chin"),
  MUOI("mười", "muoi"),
  MUOI_NGANG("mươi", "muoi-ngang"),
  TRAM("trăm", "tram"),
  NGHIN("nghìn", "nghin"),
  NGAN("ngàn", "ngan"),
  TRIEU("triệu", "trieu"),
  LINH("linh", "linh"),
  LE("lẻ", "le");

  private static final SpokenWord[] DIGITS = {KHONG, MOT, HAI, BA, BON, NAM, SAU, BAY, TAM, CHIN};

  private final String text;
  private final String clip;

  SpokenWord(String text, String clip) {
    this.text = text;
    this.clip = clip;
  }

  /** The word as written, NFC. */
  public String text() {
    return text;
  }

  /** Its clip id in a voice pack (see display-screen/README.md). */
  public String clip() {
    return clip;
  }

  /** The plain name of a digit 0-9 (không, một, ..., chín). */
  public static SpokenWord digit(int d) {
    return DIGITS[d];
  }
}
