package vn.layso.notify;

import io.vertx.core.Future;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.layso.booking.BookingEvents;
import vn.layso.booking.domain.Appointment;
import vn.layso.common.Redact;
import vn.layso.notify.domain.AppointmentMessages;
import vn.layso.notify.domain.Notification;
import vn.layso.notify.domain.ReminderPlan;
import vn.layso.office.domain.Office;

/**
 * The booking's notifications: a confirmation and the reminders when booked, the pending ones
 * cancelled when the booking is cancelled, and replaced when it moves. Never fails the booking: a
 * failed enqueue is logged (ERROR) with the booking code.
 */
public final class AppointmentNotifications implements BookingEvents {

  private static final Logger LOG = LoggerFactory.getLogger(AppointmentNotifications.class);

  private final Notifier notifier;
  private final ReminderPlan plan;
  private final int turnNearPlaces;
  private final Clock clock;

  public AppointmentNotifications(Notifier notifier, ReminderPlan plan, int turnNearPlaces, Clock clock) {
    this.notifier = notifier;
    this.plan = plan;
    this.turnNearPlaces = turnNearPlaces;
    this.clock = clock;
  }

  @Override
  public void booked(Office office, Appointment a) {
    enqueueAll(office, a).onFailure(t -> failed(a, "booked", t));
  }

  @Override
  public void cancelled(Office office, Appointment a) {
    notifier.cancelGroup(AppointmentMessages.group(a.code())).onFailure(t -> failed(a, "cancelled", t));
  }

  @Override
  public void rescheduled(Office office, Appointment before, Appointment a) {
    notifier.cancelGroup(AppointmentMessages.group(a.code()))
        .compose(n -> enqueueAll(office, a))
        .onFailure(t -> failed(a, "rescheduled", t));
  }

  /**
   * "Your turn is near", once per appointment: call when the appointment's ticket has {@code ahead}
   * tickets before it; sends when {@code ahead} is at most ZALO_TURN_NEAR_PLACES.
   */
  public Future<Boolean> turnMayBeNear(Office office, Appointment a, String ticketNumber, int ahead) {
    if (ahead < 0 || ahead > turnNearPlaces || a.phone() == null) {
      return Future.succeededFuture(false);
    }
    return notifier.enqueue(AppointmentMessages.turnNear(facts(office, a), ticketNumber, ahead, clock.instant()));
  }

  private Future<Void> enqueueAll(Office office, Appointment a) {
    if (a.phone() == null) {
      return Future.succeededFuture();
    }
    Future<Boolean> chain = Future.succeededFuture();
    for (Notification n : AppointmentMessages.booked(facts(office, a), plan, clock.instant())) {
      chain = chain.compose(x -> notifier.enqueue(n));
    }
    return chain.mapEmpty();
  }

  private static AppointmentMessages.Facts facts(Office office, Appointment a) {
    String service = office.service(a.service()).map(s -> s.name()).orElse(a.service());
    return new AppointmentMessages.Facts(a.code(), a.phone(), a.fullName() == null ? "Quý khách" : a.fullName(),
        office.name(), service, a.date(), a.start(), office.timezone());
  }

  private static void failed(Appointment a, String event, Throwable t) {
    LOG.atError().addKeyValue("code", Redact.code(a.code())).addKeyValue("event", event).addKeyValue("error", Redact.error(t))
        .log("appointment notification not queued");
  }
}
