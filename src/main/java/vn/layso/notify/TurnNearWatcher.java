package vn.layso.notify;

import io.vertx.core.Future;
import java.util.List;
import java.util.function.BiConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.layso.booking.BookingService;
import vn.layso.common.Redact;
import vn.layso.office.domain.Office;
import vn.layso.queue.QueueStore.NearFront;

/**
 * "Your turn is near": told by the queue of the checked-in appointments a call brought within the
 * near places of their field (call_next.lua answers them from the call's own step: no read of the
 * queue here) or a check-in placed there, it tells their citizens (their phone is the booking's;
 * walk-in tickets have none). Each booking is told once (tracking id appt:<code>:near); a failure
 * here is logged and never touches the call.
 */
public final class TurnNearWatcher implements BiConsumer<Office, List<NearFront>> {

  private static final Logger LOG = LoggerFactory.getLogger(TurnNearWatcher.class);

  private final BookingService booking;
  private final AppointmentNotifications notifications;

  public TurnNearWatcher(BookingService booking, AppointmentNotifications notifications) {
    this.booking = booking;
    this.notifications = notifications;
  }

  @Override
  public void accept(Office office, List<NearFront> near) {
    Future.all(near.stream().map(n -> booking.find(n.bookingCode())
            .compose(appointment -> notifications.turnMayBeNear(office, appointment, n.number(), n.ahead())))
            .toList())
        .onFailure(e -> LOG.atWarn().addKeyValue("office", office.id())
            .addKeyValue("error", Redact.error(e)).log("turn-near message not enqueued"));
  }
}
