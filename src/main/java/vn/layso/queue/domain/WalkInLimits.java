package vn.layso.queue.domain;

/**
 * The limits of anonymous walk-in issuing at an office whose walk-in numbers are open to anyone
 * (the office document's {@code "walkIn"} section; an office issuing from its kiosks only does not
 * use them). {@code openTicketsPerAddress}: tickets still open (waiting or called) that one client
 * address may hold per field and day; a family takes its numbers, a script cannot drain the field.
 * {@code surgeFactor}: a field issuing this many times faster than its normal rate raises an alert on
 * the manager's board (see {@link IssuingSurge}).
 */
public record WalkInLimits(int openTicketsPerAddress, int surgeFactor) {

  public static final int MAX_OPEN_TICKETS = 100;
  public static final int MIN_SURGE_FACTOR = 2;
  public static final int MAX_SURGE_FACTOR = 20;
  public static final WalkInLimits DEFAULTS = new WalkInLimits(4, 3);

  public WalkInLimits {
    if (openTicketsPerAddress < 1 || openTicketsPerAddress > MAX_OPEN_TICKETS) {
      throw new IllegalArgumentException("walkIn.openTicketsPerAddress must be 1.." + MAX_OPEN_TICKETS);
    }
    if (surgeFactor < MIN_SURGE_FACTOR || surgeFactor > MAX_SURGE_FACTOR) {
      throw new IllegalArgumentException("walkIn.surgeFactor must be " + MIN_SURGE_FACTOR + ".." + MAX_SURGE_FACTOR);
    }
  }
}
