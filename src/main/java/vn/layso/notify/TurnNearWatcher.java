package vn.layso.notify;

import io.vertx.core.Future;
import java.util.function.BiConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.layso.booking.BookingService;
import vn.layso.common.Redact;
import vn.layso.office.domain.Office;
import vn.layso.queue.QueueService;

/**
 * "Your turn is near": after each call, looks at the first places of the field's queue and tells
 * the citizens of checked-in appointments there (their phone is the booking's; walk-in tickets
 * have none). Each booking is told once (tracking id appt:<code>:near), so looking after every
 * call is safe; a failure here is logged and never touches the call.
 */
public final class TurnNearWatcher implements BiConsumer<Office, String> {

  private static final Logger LOG = LoggerFactory.getLogger(TurnNearWatcher.class);

  private final QueueService queue;
  private final BookingService booking;
  private final AppointmentNotifications notifications;
  private final int places;

  /** {@code places}: how near is near (ZALO_TURN_NEAR_PLACES); the tickets with fewer ahead are told. */
  public TurnNearWatcher(QueueService queue, BookingService booking, AppointmentNotifications notifications,
                         int places) {
    this.queue = queue;
    this.booking = booking;
    this.notifications = notifications;
    this.places = places;
  }

  @Override
  public void accept(Office office, String service) {
    queue.nearFront(office, service, places + 1)
        .compose(near -> Future.all(near.stream().map(n -> booking.find(n.bookingCode())
            .compose(appointment -> notifications.turnMayBeNear(office, appointment, n.number(), n.ahead())))
            .toList()))
        .onFailure(e -> LOG.atWarn().addKeyValue("office", office.id()).addKeyValue("service", service)
            .addKeyValue("error", Redact.error(e)).log("turn-near check failed"));
  }
}
