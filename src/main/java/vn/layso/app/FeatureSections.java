package vn.layso.app;

import java.util.List;
import vn.layso.announce.DisplaySection;
import vn.layso.booking.BookingSection;
import vn.layso.card.CitizenCardSection;
import vn.layso.office.OfficeSections;
import vn.layso.office.SectionCodec;
import vn.layso.queue.CallPolicySection;
import vn.layso.queue.WalkInSection;
import vn.layso.rating.RatingSection;

/**
 * The settings sections the features own, in the office document's order; listed in
 * META-INF/services so that every reader of office documents finds them (see OfficeSections).
 */
public final class FeatureSections implements OfficeSections.Provider {

  @Override
  public List<SectionCodec<?>> sections() {
    return List.of(DisplaySection.CODEC, BookingSection.CODEC, CallPolicySection.CODEC, RatingSection.CODEC,
        CitizenCardSection.CODEC, WalkInSection.CODEC);
  }
}
