package vn.layso.notify.domain;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * One message to one citizen. The tracking id names the event it announces ("appt:K7M2QX:confirm",
 * "appt:K7M2QX:remind-day:202611241430", "appt:K7M2QX:near"): the outbox keeps one notification per
 * tracking id, so the same event enqueued twice is sent once, and Zalo gets it as its tracking_id.
 * The group ("appt:K7M2QX") lets a cancelled or moved booking cancel what is still pending for it.
 * Never put a ticket id (the holder's secret) in either.
 *
 * @param phone    the mobile number as stored, +84…
 * @param template which message ({@link TemplateKey})
 * @param data     the template's fields, before the length limits are applied
 * @param notBefore not sent earlier than this
 */
public record Notification(String trackingId, String group, String phone, TemplateKey template,
                           Map<String, String> data, Instant notBefore) {

  /** Zalo's tracking_id is a short partner string; ours stay well inside it. */
  public static final int MAX_TRACKING_ID = 48;
  private static final String ID_PATTERN = "[A-Za-z0-9][A-Za-z0-9:._-]*";

  public Notification {
    if (trackingId == null || trackingId.length() > MAX_TRACKING_ID || !trackingId.matches(ID_PATTERN)) {
      throw new IllegalArgumentException("tracking id must be 1.." + MAX_TRACKING_ID + " of [A-Za-z0-9:._-]");
    }
    if (group != null && (group.length() > MAX_TRACKING_ID || !group.matches(ID_PATTERN))) {
      throw new IllegalArgumentException("group must be 1.." + MAX_TRACKING_ID + " of [A-Za-z0-9:._-]");
    }
    phone = Phones.normalise(phone);
    Objects.requireNonNull(template, "template");
    data = Map.copyOf(Objects.requireNonNull(data, "data"));
    Objects.requireNonNull(notBefore, "notBefore");
  }
}
