package vn.layso.simulate.domain;

/**
 * One ticket of a day, as the simulator replays it: everything chance decides is drawn here, once
 * per seed, so that every policy sees the same citizens (common random numbers).
 *
 * @param issuedMillis   when the ticket was issued, or the appointment checked in (ms after midnight)
 * @param field          the field's code
 * @param priority       the holder belongs to a priority group (walk-ins only)
 * @param slotMillis     the appointment's slot start (ms after midnight), or -1 for a walk-in
 * @param serviceMinutes how long serving it takes at a counter of speed 1
 * @param noShow         the holder is gone when called
 */
public record TraceTicket(long issuedMillis, String field, boolean priority, long slotMillis, double serviceMinutes,
                          boolean noShow) {

  public TraceTicket {
    if (issuedMillis < 0 || issuedMillis > 86_400_000L || slotMillis < -1 || slotMillis > 86_400_000L) {
      throw new IllegalArgumentException("times are within one day");
    }
    if (!(serviceMinutes > 0) || serviceMinutes > 1440) {
      throw new IllegalArgumentException("service minutes must be positive");
    }
    if (priority && slotMillis >= 0) {
      throw new IllegalArgumentException("appointments are never priority tickets");
    }
  }

  public boolean appointment() {
    return slotMillis >= 0;
  }

  /** Where it stands in its field's queue: an appointment's slot start, a walk-in's issue. */
  public long effectiveArrivalMillis() {
    return appointment() ? slotMillis : issuedMillis;
  }
}
