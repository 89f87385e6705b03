package vn.layso.auth.domain;

/**
 * ADMIN: everything in every office (the province's IT). MANAGER: runs its offices (settings,
 * their staff and devices, reports, ratings) and may also work at their counters. STAFF: counter
 * work in its offices. DEVICE: a kiosk, lobby display or rating tablet of one office.
 */
public enum Role {
  ADMIN, MANAGER, STAFF, DEVICE
}
