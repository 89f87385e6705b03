package vn.layso.queue.domain;

/**
 * Where a ticket is in its life. DONE, NO_SHOW, CANCELLED and EXPIRED are final; EXPIRED is a
 * ticket still open (waiting, called or being served) when its day closed at the office's midnight.
 */
public enum TicketStatus {
  WAITING, CALLED, SERVING, DONE, NO_SHOW, CANCELLED, EXPIRED;

  public boolean isFinal() {
    return this == DONE || this == NO_SHOW || this == CANCELLED || this == EXPIRED;
  }
}
