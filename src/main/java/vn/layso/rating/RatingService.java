package vn.layso.rating;

import io.vertx.core.Future;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.function.Function;
import vn.layso.common.ApiException;
import vn.layso.office.OfficeRegistry;
import vn.layso.office.domain.Office;
import vn.layso.queue.QueueService;
import vn.layso.queue.domain.ServiceDay;
import vn.layso.queue.domain.Ticket;
import vn.layso.rating.domain.Rating;
import vn.layso.rating.domain.RatingChoice;
import vn.layso.rating.domain.RatingRefusal;
import vn.layso.rating.domain.RatingWindow;
import vn.layso.rating.domain.ServedBy;
import vn.layso.rating.domain.ZaloStars;

/**
 * Satisfaction ratings: a DONE ticket is rated once, inside its office's window, from the ticket
 * page, the counter's tablet or Zalo, whichever comes first (the store decides atomically).
 */
public final class RatingService {

  private final RatingStore store;
  private final QueueService queue;
  private final OfficeRegistry offices;
  private final Clock clock;

  public RatingService(RatingStore store, QueueService queue, OfficeRegistry offices, Clock clock) {
    this.store = store;
    this.queue = queue;
    this.offices = offices;
    this.clock = clock;
  }

  /** A ticket's rating state: its rating if rated, whether it may be rated now, and until when. */
  public record State(Office office, Ticket ticket, Rating rating, boolean open, Instant closesAt) {
  }

  /** What the counter's tablet shows: the officer who completed the counter's last ticket, and that ticket while it may be rated there. */
  public record Prompt(Office office, String officer, Ticket ticket) {
  }

  public Future<State> state(String ticketId) {
    return queue.find(ticketId).compose(placed -> {
      Ticket t = placed.ticket();
      Office office = offices.require(t.office());
      return store.find(t).map(rating -> {
        var window = RatingSection.of(office).window();
        String status = t.status().name();
        boolean open = rating == null && RatingWindow.open(status, t.finishedAt(), window, clock.instant());
        return new State(office, t, rating, open, RatingWindow.closesAt(status, t.finishedAt(), window));
      });
    });
  }

  /** A rating from the citizen's ticket page (or any client holding the ticket id). */
  public Future<Rating> rate(String ticketId, int level, String reasonCode, String reason) {
    return queue.find(ticketId).compose(placed -> {
      Ticket t = placed.ticket();
      Office office = offices.require(t.office());
      return record(office, t, levels -> RatingChoice.of(level, levels, reasonCode, reason, true), Rating.WEB);
    });
  }

  /** A Zalo answer: 1..5 stars (mapped to the office's scale, see ZaloStars) and the citizen's note. */
  public Future<Rating> rateStars(String officeId, String ticketId, int stars, String note) {
    Office office = offices.require(officeId);
    return queue.find(ticketId).compose(placed -> record(office, placed.ticket(),
        levels -> RatingChoice.of(ZaloStars.level(stars, levels), levels, null, note, false), Rating.ZALO));
  }

  public Future<Prompt> prompt(String officeId, String counter) {
    Office office = offices.require(officeId);
    return store.completed(office.id(), counter, today(office), null).compose(last -> {
      if (last == null) {
        return Future.succeededFuture(new Prompt(office, null, null));
      }
      Ticket t = last.ticket();
      String account = account(servedBy(office, t).staff());
      boolean offered = !last.rated()
          && RatingWindow.onTablet(t.status().name(), t.finishedAt(), RatingSection.of(office).window(), clock.instant());
      Future<String> name = account == null ? Future.succeededFuture(null)
          : store.fullName(account).map(full -> full == null || full.isBlank() ? account : full);
      return name.map(officer -> new Prompt(office, officer, offered ? t : null));
    });
  }

  /** A rating on the counter's tablet, of the ticket its prompt offers; 409 not_rateable when none. */
  public Future<Rating> rateAtCounter(String officeId, String counter, int level, String reasonCode, String reason) {
    Office office = offices.require(officeId);
    RatingChoice choice = choice(() -> RatingChoice.of(level, RatingSection.of(office).levels(), reasonCode, reason, true));
    return prompt(officeId, counter).compose(prompt -> {
      if (prompt.ticket() == null) {
        return Future.failedFuture(ApiException.conflict("not_rateable"));
      }
      return record(office, prompt.ticket(), levels -> choice, Rating.TABLET);
    });
  }

  /**
   * The ticket a counter completed last today when it has this number (for the Zalo invitation, on
   * its completion event), else null.
   */
  public Future<RatingStore.Completed> completed(Office office, String counter, String number) {
    return store.completed(office.id(), counter, today(office), number);
  }

  public Future<RatingStore.Invite> invite(Office office, Ticket ticket, String candidate) {
    var left = java.time.Duration.between(clock.instant(), ticket.finishedAt().plus(RatingSection.of(office).window()));
    return store.invite(office.id(), ticket.id(), candidate, left);
  }

  public Future<String[]> invited(String token) {
    return store.invited(token);
  }

  private Future<Rating> record(Office office, Ticket t, Function<Integer, RatingChoice> choose, String channel) {
    int levels = RatingSection.of(office).levels();
    RatingChoice choice = choice(() -> choose.apply(levels));
    Instant now = clock.instant();
    if (!RatingWindow.open(t.status().name(), t.finishedAt(), RatingSection.of(office).window(), now)) {
      return Future.failedFuture(ApiException.conflict("not_rateable"));
    }
    Rating rating = Rating.of(choice, levels, channel, now, servedBy(office, t));
    return store.rate(t, rating, RatingSection.of(office).window(), now).compose(refusal -> refusal == null
        ? Future.succeededFuture(rating)
        : Future.failedFuture("ticket_not_found".equals(refusal) ? ApiException.notFound(refusal)
            : ApiException.conflict(refusal)));
  }

  private static RatingChoice choice(java.util.function.Supplier<RatingChoice> check) {
    try {
      return check.get();
    } catch (RatingRefusal refused) {
      throw "reason_too_long".equals(refused.code())
          ? ApiException.invalid("field_too_long", "reason", vn.layso.rating.domain.RatingScale.MAX_NOTE)
          : ApiException.invalid(refused.code());
    }
  }

  static ServedBy servedBy(Office office, Ticket t) {
    return ServedBy.of(t.steps().stream()
            .map(s -> new ServedBy.Step(s.action(), s.by(), s.counter(), s.service())).toList(),
        t.counter(), t.service(), t.issuedAt(), office.timezone());
  }

  /** The account name of a step's actor ({@code staff:lan} gives lan); null for devices, the public, the system. */
  static String account(String by) {
    if (by == null) {
      return null;
    }
    int colon = by.indexOf(':');
    String kind = colon < 0 ? by : by.substring(0, colon);
    return colon > 0 && (kind.equals("staff") || kind.equals("manager") || kind.equals("admin"))
        ? by.substring(colon + 1) : null;
  }

  private LocalDate today(Office office) {
    return ServiceDay.of(clock, office.timezone());
  }
}
