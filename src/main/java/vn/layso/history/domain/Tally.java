package vn.layso.history.domain;

/**
 * What one group of a day (a field, a counter, a staff account or an hour) saw: tickets issued,
 * stays that ended served, missed (no-show), expired at closing or transferred on, and the
 * distributions of waits and service times.
 */
public final class Tally {

  private int issued;
  private int served;
  private int noShow;
  private int expired;
  private int transferred;
  private final Distribution wait = new Distribution();
  private final Distribution service = new Distribution();

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

  void expired() {
    expired++;
  }

  void transferred() {
    transferred++;
  }

  void waited(long seconds) {
    wait.add(seconds);
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

  public int expiredCount() {
    return expired;
  }

  public int transferredCount() {
    return transferred;
  }

  public Distribution waits() {
    return wait;
  }

  public Distribution services() {
    return service;
  }
}
