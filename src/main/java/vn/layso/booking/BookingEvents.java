package vn.layso.booking;

import vn.layso.booking.domain.Appointment;
import vn.layso.office.domain.Office;

/**
 * What the booking service tells others after a change is stored: the notification outbox
 * (confirmation, reminders) hooks in here. Called on the event loop; must not block and must not fail the booking.
 */
public interface BookingEvents {

  BookingEvents NONE = new BookingEvents() {
  };

  /** A booking was made: send the confirmation, schedule the reminders (the day before, shortly before). */
  default void booked(Office office, Appointment appointment) {
  }

  /** A booking was cancelled: the reminders are no longer due. */
  default void cancelled(Office office, Appointment appointment) {
  }

  /** A booking moved to {@code appointment}'s new slot: new confirmation and reminders. */
  default void rescheduled(Office office, Appointment before, Appointment appointment) {
  }
}
