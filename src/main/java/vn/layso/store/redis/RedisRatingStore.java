package vn.layso.store.redis;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import vn.layso.queue.domain.ServiceDay;
import vn.layso.queue.domain.Ticket;
import vn.layso.rating.RatingJson;
import vn.layso.rating.RatingStore;
import vn.layso.rating.domain.Rating;

/** Ratings in the day's ratings hash and counts (rate_ticket.lua), living as long as the history. */
public final class RedisRatingStore implements RatingStore {

  private final RedisStore redis;
  private final Duration keep;

  public RedisRatingStore(RedisStore redis, Duration keep) {
    this.redis = redis;
    this.keep = keep;
  }

  @Override
  public Future<String> rate(Ticket ticket, Rating rating, Duration window, Instant now) {
    String day = ServiceDay.key(ticket.serviceDate());
    List<String> args = new ArrayList<>(List.of(ticket.id(), Long.toString(now.toEpochMilli()),
        Long.toString(window.toMillis()), RatingJson.stored(rating), Long.toString(keep.toSeconds())));
    args.addAll(rating.servedBy().countFields(rating.level()));
    return redis.script("rate_ticket", List.of(Keys.ticket(ticket.office(), ticket.id()),
        Keys.ratings(ticket.office(), day), Keys.ratingCounts(ticket.office(), day)), args)
        .map(raw -> new JsonObject(raw).getString("error"));
  }

  @Override
  public Future<Rating> find(Ticket ticket) {
    String key = Keys.ratings(ticket.office(), ServiceDay.key(ticket.serviceDate()));
    return redis.<String>call(c -> c.hget(key, ticket.id())).map(raw -> raw == null ? null : RatingJson.read(raw));
  }

  @Override
  public Future<Completed> completed(String office, String counter, LocalDate serviceDate, String number) {
    String day = ServiceDay.key(serviceDate);
    return redis.script("rating_prompt", List.of(Keys.counter(office, counter), Keys.ratings(office, day)),
        List.of(Keys.ticketPrefix(office), counter, day, number == null ? "" : number)).map(raw -> {
          JsonObject answer = new JsonObject(raw);
          JsonObject ticket = answer.getJsonObject("ticket");
          return ticket == null ? null : new Completed(TicketCodec.read(office, ticket),
              answer.getBoolean("rated", false), answer.getString("appt", ""));
        });
  }

  @Override
  public Future<String> fullName(String username) {
    return redis.call(c -> c.hget(Keys.user(username), "fullName"));
  }

  @Override
  public Future<Invite> invite(String office, String ticketId, String candidate, Duration ttl) {
    return redis.script("rating_invite", List.of(Keys.ticketRatingInvite(ticketId), Keys.ratingInvite(candidate)),
        List.of(candidate, office + "|" + ticketId, Long.toString(Math.max(1, ttl.toMillis()))))
        .map(raw -> new Invite(raw.substring(2), raw.startsWith("1:")));
  }

  @Override
  public Future<String[]> invited(String token) {
    return redis.<String>call(c -> c.get(Keys.ratingInvite(token)))
        .map(raw -> raw == null ? null : raw.split("\\|", 2));
  }
}
