package vn.layso.announce.domain;

/**
 * How an office's voice reads numbers: in the North "linh" for a zero tens digit (một trăm linh
 * năm) and "nghìn"; in the South "lẻ" (một trăm lẻ năm) and "ngàn".
 */
public enum Dialect {
  NORTH(SpokenWord.LINH, SpokenWord.NGHIN),
  SOUTH(SpokenWord.LE, SpokenWord.NGAN);

  private final SpokenWord zeroTens;
  private final SpokenWord thousand;

  Dialect(SpokenWord zeroTens, SpokenWord thousand) {
    this.zeroTens = zeroTens;
    this.thousand = thousand;
  }

  SpokenWord zeroTens() {
    return zeroTens;
  }

  SpokenWord thousand() {
    return thousand;
  }
}
