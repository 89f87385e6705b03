package vn.layso.auth.domain;

import java.time.Instant;

/** Who is calling: an account's name, role and office (null for admins), and when the token ends. */
public record Principal(String username, Role role, String office, Instant expiresAt) {

  /** Staff work (counter actions) in an office: admins anywhere, staff only in their own office. */
  public boolean mayServe(String officeId) {
    return role == Role.ADMIN || (role == Role.STAFF && officeId.equals(office));
  }

  /**
   * Whether this caller speaks for the office: an admin anywhere, a staff member or a device
   * (kiosk) only in its own office. Such a caller may set a ticket's priority group and is not
   * counted by the anonymous issuing limit there.
   */
  public boolean actsFor(String officeId) {
    return role == Role.ADMIN || ((role == Role.STAFF || role == Role.DEVICE) && officeId.equals(office));
  }

  public boolean isAdmin() {
    return role == Role.ADMIN;
  }

  /** How the ticket records who issued it (and so who granted a priority). */
  public String source() {
    return role.name().toLowerCase(java.util.Locale.ROOT) + ":" + username;
  }
}
