package vn.layso.simulate.domain;

/**
 * One procedure field (lĩnh vực) of a simulated centre.
 *
 * @param ticketsPerDay    expected tickets on a normal day (walk-ins and appointments together)
 * @param targetMinutes    the field's service-level target for a wait
 * @param priorityShare    share of walk-ins who belong to a priority group
 * @param appointmentShare share of tickets booked ahead for a slot
 * @param noShowShare      share of tickets whose holder is gone when called
 */
public record FieldSpec(String code, String name, double ticketsPerDay, ServiceTime service, int targetMinutes,
                        double priorityShare, double appointmentShare, double noShowShare) {

  public FieldSpec {
    if (code == null || code.isBlank() || code.contains(",")) {
      throw new IllegalArgumentException("a field needs a code without commas");
    }
    if (ticketsPerDay < 0 || targetMinutes < 1 || targetMinutes > 480) {
      throw new IllegalArgumentException("field " + code + ": tickets >= 0 and target 1..480 minutes");
    }
    for (double share : new double[] {priorityShare, appointmentShare, noShowShare}) {
      if (share < 0 || share > 1) {
        throw new IllegalArgumentException("field " + code + ": shares are between 0 and 1");
      }
    }
  }

  public FieldSpec withTickets(double tickets) {
    return new FieldSpec(code, name, tickets, service, targetMinutes, priorityShare, appointmentShare, noShowShare);
  }

  public FieldSpec withTarget(int minutes) {
    return new FieldSpec(code, name, ticketsPerDay, service, minutes, priorityShare, appointmentShare, noShowShare);
  }

  /** Expected counter-minutes of work a normal day brings (at speed 1). */
  public double workMinutes() {
    return ticketsPerDay * service.meanMinutes();
  }
}
