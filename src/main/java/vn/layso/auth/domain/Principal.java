package vn.layso.auth.domain;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Who is calling: an account's name, role, offices (empty for admins; one for a device), when the
 * token ends and, for a device, its kind and (rating tablets) its counter. {@code mustChangePassword}:
 * the token of an account whose password was reset, good only for changing it.
 */
public record Principal(String username, Role role, List<String> offices, Instant expiresAt,
                       DeviceKind deviceKind, String counter, boolean mustChangePassword) {

  public Principal {
    offices = List.copyOf(Objects.requireNonNullElse(offices, List.of()));
  }

  /** A principal that may do what its role allows (no password change pending). */
  public Principal(String username, Role role, List<String> offices, Instant expiresAt,
                   DeviceKind deviceKind, String counter) {
    this(username, role, offices, expiresAt, deviceKind, counter, false);
  }

  /** A person's principal (no device kind, no counter). */
  public Principal(String username, Role role, List<String> offices, Instant expiresAt) {
    this(username, role, offices, expiresAt, null, null, false);
  }

  /** A principal of at most one office (null: none). */
  public Principal(String username, Role role, String office, Instant expiresAt) {
    this(username, role, office == null ? List.of() : List.of(office), expiresAt, null, null, false);
  }

  /** The first of its offices, or null (admins): the office a single-office caller belongs to. */
  public String office() {
    return offices.isEmpty() ? null : offices.get(0);
  }

  public boolean belongsTo(String officeId) {
    return officeId != null && offices.contains(officeId);
  }

  /** Staff work (counter actions, staff reads) in an office: admins anywhere, managers and staff in their offices. */
  public boolean mayServe(String officeId) {
    return role == Role.ADMIN || ((role == Role.MANAGER || role == Role.STAFF) && belongsTo(officeId));
  }

  /** Running an office (settings, accounts, devices, reports, ratings): admins anywhere, managers in theirs. */
  public boolean mayManage(String officeId) {
    return role == Role.ADMIN || (role == Role.MANAGER && belongsTo(officeId));
  }

  /**
   * Whether this caller may issue for the office as the office itself: an admin anywhere, its
   * managers and staff, and its kiosks (never a display or a rating tablet). Such a caller may set
   * a ticket's priority group and is not counted by the anonymous issuing limit there.
   */
  public boolean actsFor(String officeId) {
    return mayServe(officeId) || isDevice(DeviceKind.KIOSK, officeId);
  }

  /** A paired device of this kind in the office. */
  public boolean isDevice(DeviceKind kind, String officeId) {
    return role == Role.DEVICE && deviceKind == kind && belongsTo(officeId);
  }

  public boolean isAdmin() {
    return role == Role.ADMIN;
  }

  /** How the ticket records who issued it (and so who granted a priority). */
  public String source() {
    return role.name().toLowerCase(java.util.Locale.ROOT) + ":" + username;
  }
}
