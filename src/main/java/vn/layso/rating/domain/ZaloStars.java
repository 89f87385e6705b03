package vn.layso.rating.domain;

/**
 * Zalo's rating template answers 1..5 stars. On a 5-level office the stars are the level. On a
 * 3-level office: 5 stars is Rất hài lòng (3), 4 and 3 stars Hài lòng (2), 2 and 1 star Không hài
 * lòng (1). Three stars is Zalo's "Bình thường", which a 3-level scale has no place for; it is
 * counted as satisfied rather than as a complaint, because its citizen gave no complaint and no
 * reason, while every level-1 rating here is one that asks for a reason.
 */
public final class ZaloStars {

  private ZaloStars() {
  }

  public static int level(int stars, int levels) {
    if (stars < 1 || stars > 5) {
      throw new RatingRefusal("invalid_level");
    }
    if (levels == 5) {
      return stars;
    }
    return stars == 5 ? 3 : stars >= 3 ? 2 : 1;
  }
}
