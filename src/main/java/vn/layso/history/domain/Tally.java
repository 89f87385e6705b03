package vn.layso.history.domain;

/**
 * What one group of a day or a period (a field, a counter, a staff account, an hour, a day)
 * saw: tickets issued; stays that ended served (service started, or completed by the officer),
 * missed (no-show), skipped (called, never started, replaced by the counter's next call),
 * cancelled, expired at closing or transferred on; the distributions of waits and service
 * times; and how many of the waits were within their field's target wait.
 */
public final class Tally {

  private int issued;
  private int served;
  private int noShow;
  private int skipped;
  private int cancelled;
  private int expired;
  private int transferred;
  private int withinTarget;
  private final Distribution wait;
  private final Distribution service;

  public Tally() {
    this(new Distribution(), new Distribution());
  }

  private Tally(Distribution wait, Distribution service) {
    this.wait = wait;
    this.service = service;
  }

  /**
   * A tally read back from its stored form; {@code counts} in the order issued, served, noShow,
   * skipped, cancelled, expired, transferred, withinTarget.
   */
  public static Tally restore(int[] counts, Distribution wait, Distribution service) {
    Tally t = new Tally(wait, service);
    t.issued = counts[0];
    t.served = counts[1];
    t.noShow = counts[2];
    t.skipped = counts[3];
    t.cancelled = counts[4];
    t.expired = counts[5];
    t.transferred = counts[6];
    t.withinTarget = counts[7];
    return t;
  }

  /** Adds another group's counts and distributions to this one (a period is the sum of its days). */
  public Tally merge(Tally o) {
    issued += o.issued;
    served += o.served;
    noShow += o.noShow;
    skipped += o.skipped;
    cancelled += o.cancelled;
    expired += o.expired;
    transferred += o.transferred;
    withinTarget += o.withinTarget;
    wait.merge(o.wait);
    service.merge(o.service);
    return this;
  }

  void issued() {
    issued++;
  }

  void served() {
    served++;
  }

  void serviceTook(long seconds) {
    service.add(seconds);
  }

  void noShow() {
    noShow++;
  }

  void skipped() {
    skipped++;
  }

  void cancelled() {
    cancelled++;
  }

  void expired() {
    expired++;
  }

  void transferred() {
    transferred++;
  }

  void waited(long seconds, boolean withinTargetWait) {
    wait.add(seconds);
    if (withinTargetWait) {
      withinTarget++;
    }
  }

  public int issuedCount() {
    return issued;
  }

  public int servedCount() {
    return served;
  }

  public int noShowCount() {
    return noShow;
  }

  public int skippedCount() {
    return skipped;
  }

  public int cancelledCount() {
    return cancelled;
  }

  public int expiredCount() {
    return expired;
  }

  public int transferredCount() {
    return transferred;
  }

  /** Waits (calls) that came within the field's target wait. */
  public int withinTargetCount() {
    return withinTarget;
  }

  public Distribution waits() {
    return wait;
  }

  public Distribution services() {
    return service;
  }
}
