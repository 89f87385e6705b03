package vn.layso.common;

import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Fixed one-minute windows per client (an IPv4 address, or the /64 of an IPv6 address: see
 * {@link ClientAddress#rateBucket}), counted in the store so that every server process shares them.
 * A request is counted before it does any work, so a burst of parallel requests cannot slip past.
 */
public final class RateLimiter {

  /** Counts in a client's window of a bucket. */
  public interface Counter {
    /** Counts one hit and returns the count so far, this hit included. */
    Future<Long> hit(String bucket, String client, long window, int ttlSeconds);

    /** Takes one hit back (never below zero; nothing when the window has gone). */
    Future<Void> refund(String bucket, String client, long window);

    /** Whether the server minted this browser session of the office and it is still alive. */
    Future<Boolean> sessionLive(String office, String session);
  }

  /** A browser session a request names (the booking page's hold session): its office and token. */
  public record Session(String office, String token) {

    /** A token that can be a minted one (base64url, 22 to 64 characters), else null. */
    public static Session of(String office, Object token) {
      return office != null && token instanceof String t && t.matches("[A-Za-z0-9_-]{22,64}")
          ? new Session(office, t) : null;
    }
  }

  private static final String ATTEMPT = "layso.rate.attempt";
  private static final int WINDOW_TTL_SECONDS = 120;

  /** Where an attempt was counted, so a refund takes it back from the same window. */
  private record Attempt(String bucket, String client, long window) {
  }

  private final Counter counter;
  private final Clock clock;
  private final ClientAddress addresses;

  public RateLimiter(Counter counter, Clock clock, ClientAddress addresses) {
    this.counter = counter;
    this.clock = clock;
    this.addresses = addresses;
  }

  private String client(RoutingContext ctx) {
    return ClientAddress.rateBucket(
        addresses.resolve(ctx.request().remoteAddress().hostAddress(), ctx.request().getHeader("X-Forwarded-For")));
  }

  /**
   * A route handler that lets at most {@code perMinute} requests of a client through per minute,
   * except those {@code exempt} lets pass uncounted; the rest get 429 {@code rate_limited}.
   */
  public Handler<RoutingContext> perMinute(String bucket, int perMinute, Predicate<RoutingContext> exempt) {
    return perMinute(bucket, perMinute, exempt, ctx -> null);
  }

  /**
   * The same, keyed to the browser session first and the address second: a request naming a live
   * session the server minted is counted in that session's own window, so the many honest phones
   * behind one carrier-NAT address do not share one budget; a request without one (which mints a
   * session) or naming an unknown one is counted by its address. One session still gets no more
   * than {@code perMinute} a minute, and sessions can only be had at the address's rate.
   */
  public Handler<RoutingContext> perMinute(String bucket, int perMinute, Predicate<RoutingContext> exempt,
                                           Function<RoutingContext, Session> sessionOf) {
    return ctx -> {
      if (perMinute <= 0 || exempt.test(ctx)) {
        ctx.next();
        return;
      }
      Session session = sessionOf.apply(ctx);
      if (session == null) {
        count(ctx, bucket, perMinute, client(ctx));
        return;
      }
      counter.sessionLive(session.office(), session.token()).onComplete(live -> {
        if (live.failed()) {
          ctx.fail(live.cause());
        } else {
          count(ctx, bucket, perMinute,
              live.result() ? "session:" + session.office() + ":" + session.token() : client(ctx));
        }
      });
    };
  }

  private void count(RoutingContext ctx, String bucket, int perMinute, String client) {
    long nowSeconds = clock.instant().getEpochSecond();
    Attempt attempt = new Attempt(bucket, client, nowSeconds / 60);
    counter.hit(bucket, attempt.client(), attempt.window(), WINDOW_TTL_SECONDS).onComplete(result -> {
      if (result.failed()) {
        ctx.fail(result.cause());
      } else if (result.result() > perMinute) {
        ctx.response().putHeader("Retry-After", Long.toString(60 - nowSeconds % 60));
        ctx.fail(new ApiException(ApiException.Kind.TOO_MANY, "rate_limited"));
      } else {
        ctx.put(ATTEMPT, attempt);
        ctx.next();
      }
    });
  }

  /**
   * The client (its rate bucket) this request was counted for by {@link #perMinute}, or null when it
   * was not counted (a token the limit exempts, or the limits are off). The per-address limits that
   * go with the rate (the open walk-in tickets of an address) apply to exactly these requests.
   */
  public static String countedClient(RoutingContext ctx) {
    Attempt attempt = ctx.get(ATTEMPT);
    return attempt == null ? null : attempt.client();
  }

  /**
   * Gives back the hit this request was counted with by {@link #perMinute}: used by log-in, where
   * a whole centre's staff share one address and only attempts that did not succeed should use
   * up the budget. Nothing happens when the request was not counted.
   */
  public Future<Void> refund(RoutingContext ctx) {
    Attempt attempt = ctx.get(ATTEMPT);
    return attempt == null ? Future.succeededFuture()
        : counter.refund(attempt.bucket(), attempt.client(), attempt.window());
  }
}
