package vn.layso.rating.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * One ticket's rating: the level on a scale of {@code levels}, the reason for the lowest, the
 * channel it came through ({@code web}: the citizen's ticket page, {@code tablet}: the counter's
 * tablet, {@code zalo}: the ZNS rating message), when, and whom it is about. Nothing about the
 * citizen: no phone, no name, no address.
 */
public record Rating(int level, int levels, String reasonCode, String reason, String channel, Instant at,
                     ServedBy servedBy) {

  public static final String WEB = "web";
  public static final String TABLET = "tablet";
  public static final String ZALO = "zalo";

  public Rating {
    Objects.requireNonNull(channel, "channel");
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(servedBy, "servedBy");
  }

  public static Rating of(RatingChoice choice, int levels, String channel, Instant at, ServedBy servedBy) {
    return new Rating(choice.level(), levels, choice.reasonCode(), choice.reason(), channel, at, servedBy);
  }
}
