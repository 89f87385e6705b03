package vn.layso.queue.domain;

/** Where a ticket is in its life. DONE, NO_SHOW and CANCELLED are final. */
public enum TicketStatus {
  WAITING, CALLED, SERVING, DONE, NO_SHOW, CANCELLED;

  public boolean isFinal() {
    return this == DONE || this == NO_SHOW || this == CANCELLED;
  }
}
