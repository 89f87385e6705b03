package vn.layso.auth.domain;

/** ADMIN: everything everywhere. STAFF: counter work in one office. DEVICE: a kiosk or screen of one office. */
public enum Role {
  ADMIN, STAFF, DEVICE
}
