package vn.layso.queue;

import io.vertx.core.json.JsonObject;
import vn.layso.office.SectionCodec;
import vn.layso.office.domain.Office;
import vn.layso.office.domain.SectionKey;
import vn.layso.queue.domain.WalkInLimits;

/**
 * The office document's {@code "walkIn"} section: the limits of open walk-in issuing (who may issue,
 * {@code walkInIssuing}, stays in the office's core at the document's top level); every key optional.
 */
public final class WalkInSection implements SectionCodec<WalkInLimits> {

  public static final SectionKey<WalkInLimits> KEY =
      new SectionKey<>("walkIn", WalkInLimits.class, WalkInLimits.DEFAULTS);
  public static final WalkInSection CODEC = new WalkInSection();

  private WalkInSection() {
  }

  /** An office's walk-in limits. */
  public static WalkInLimits of(Office office) {
    return office.section(KEY);
  }

  @Override
  public SectionKey<WalkInLimits> key() {
    return KEY;
  }

  @Override
  public WalkInLimits read(JsonObject json) {
    WalkInLimits d = WalkInLimits.DEFAULTS;
    return new WalkInLimits(json.getInteger("openTicketsPerAddress", d.openTicketsPerAddress()),
        json.getInteger("surgeFactor", d.surgeFactor()));
  }

  @Override
  public JsonObject write(WalkInLimits limits) {
    return new JsonObject().put("openTicketsPerAddress", limits.openTicketsPerAddress())
        .put("surgeFactor", limits.surgeFactor());
  }

  @Override
  public void check(JsonObject json, Context context) {
    context.read().integer(json, "openTicketsPerAddress", "walkIn.openTicketsPerAddress", 1,
        WalkInLimits.MAX_OPEN_TICKETS);
    context.read().integer(json, "surgeFactor", "walkIn.surgeFactor", WalkInLimits.MIN_SURGE_FACTOR,
        WalkInLimits.MAX_SURGE_FACTOR);
  }
}
