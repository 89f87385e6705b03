package vn.layso.booking.domain;

/** BOOKED -> CANCELLED (by the citizen), CHECKED_IN (kiosk or staff, a ticket issued) or NO_SHOW (window passed). */
public enum AppointmentStatus {
  BOOKED, CANCELLED, CHECKED_IN, NO_SHOW
}
