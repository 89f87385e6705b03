package vn.layso.booking.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;

/**
 * A booking as stored (one Redis hash per code, see Keys.appointment): the slot, its state, the
 * ticket once checked in, and the minimum of personal data: the name (NFC) and phone (+84…) for
 * the notifications, the CCCD's last 4 digits. The keyed hashes used for the limits stay in the store.
 * {@code fullName} and {@code phone} are null once the retention has passed (the record is gone then anyway).
 */
public record Appointment(String code, String office, String service, LocalDate date, LocalTime start,
                          LocalTime end, AppointmentStatus status, String ticket, Instant createdAt,
                          String fullName, String phone, String citizenLast4) {

  /** The slot's start as an instant in the office's zone. */
  public Instant startsAt(java.time.ZoneId zone) {
    return date.atTime(start).atZone(zone).toInstant();
  }
}
