package vn.layso.notify;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.util.function.BiConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.layso.booking.BookingService;
import vn.layso.common.Redact;
import vn.layso.live.EventPeek;
import vn.layso.notify.domain.RatingMessages;
import vn.layso.office.OfficeRegistry;
import vn.layso.office.domain.Office;
import vn.layso.rating.RatingService;
import vn.layso.rating.RatingStore;

/**
 * After a booked citizen's ticket is DONE, queues the ZNS rating message to the booking's phone
 * (only with the rating template configured). Every server sees the completion; the ticket's
 * invitation token is made once (SET NX) and the outbox keeps one message per tracking id, so
 * the citizen gets one message. A failure is logged and touches nothing else.
 */
public final class RatingInvitations {

  private static final Logger LOG = LoggerFactory.getLogger(RatingInvitations.class);

  private final Context context;
  private final RatingService ratings;
  private final BookingService booking;
  private final OfficeRegistry offices;
  private final Notifier notifier;
  private final Clock clock;

  public RatingInvitations(Vertx vertx, RatingService ratings, BookingService booking, OfficeRegistry offices,
                           Notifier notifier, Clock clock) {
    this.context = vertx.getOrCreateContext();
    this.ratings = ratings;
    this.booking = booking;
    this.offices = offices;
    this.notifier = notifier;
    this.clock = clock;
  }

  /**
   * The listener for the store's event channel: only completions of appointment tickets are looked
   * at, alone ({@code ticket.done}) or inside the call-next that ended them ({@code closedAs}).
   */
  public BiConsumer<String, String> listener() {
    return (channel, message) -> {
      if ((EventPeek.isType(message, "ticket.done") || message.contains("\"closedAs\":\"ticket.done\""))
          && message.contains("\"appointment\":true")) {
        context.runOnContext(v -> completed(new JsonObject(message)));
      }
    };
  }

  void completed(JsonObject event) {
    Office office = offices.find(event.getString("office", "")).orElse(null);
    JsonObject ticket = "ticket.done".equals(event.getString("closedAs"))
        ? event.getJsonObject("closed") : event.getJsonObject("ticket");
    String counter = event.getString("counter");
    if (office == null || ticket == null || counter == null || !ticket.getBoolean("appointment", false)) {
      return;
    }
    String number = ticket.getString("number");
    ratings.completed(office, counter, number)
        .compose(last -> invite(office, last, number))
        .onFailure(e -> LOG.atWarn().addKeyValue("office", office.id()).addKeyValue("number", number)
            .addKeyValue("error", Redact.error(e)).log("rating invitation not queued"));
  }

  private Future<Boolean> invite(Office office, RatingStore.Completed last, String number) {
    if (last == null || last.rated() || last.bookingCode().isEmpty() || !last.ticket().number().equals(number)) {
      return Future.succeededFuture(false);
    }
    var t = last.ticket();
    return booking.find(last.bookingCode()).compose(appointment -> {
      if (appointment.phone() == null) {
        return Future.succeededFuture(false);
      }
      return ratings.invite(office, t, RatingMessages.token()).compose(invite -> notifier.enqueue(
          RatingMessages.invitation(invite.token(), appointment.phone(), office.name(),
              office.service(t.service()).map(s -> s.name()).orElse(t.service()), t.number(), t.serviceDate(),
              clock.instant())));
    });
  }
}
