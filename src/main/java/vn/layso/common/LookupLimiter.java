package vn.layso.common;

import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Limits on look-ups by booking code (a code is a bearer credential), in fixed ten-minute windows
 * shared by every server: per client address all look-ups and, far tighter, those that found
 * nothing (429 {@code rate_limited}); per code, from all addresses together (429
 * {@code lookup_limited}). A look-up counts as a failure until its answer is known and is forgiven
 * when the code was found, so guessing in parallel gets no further than guessing one at a time,
 * while a citizen opening their own booking, or many behind one carrier address, are not held up.
 */
public final class LookupLimiter {

  /** The budgets of one window. */
  public record Limits(int perAddress, int failuresPerAddress, int perCode, int windowSeconds) {
    /** All look-ups and failed ones per address, look-ups per code, in ten minutes. */
    public static final Limits DEFAULT = new Limits(300, 10, 20, 600);
  }

  /** How an address's look-up was counted ({@link #refused} names the budget it broke, null when none). */
  public record Count(String refused, long n) {
  }

  /** Where the windows are counted. */
  public interface Counter {
    /** Counts a look-up of the address and reserves a failure, unless a budget is used up. */
    Future<Count> lookup(String client, long window, Limits limits);

    /** Gives back the failure reserved by {@link #lookup}: the code was found. */
    Future<Void> forgive(String client, long window);

    /** Counts a look-up of a code (its keyed hash) and returns the count so far, this one included. */
    Future<Long> code(String codeHash, long window, int ttlSeconds);
  }

  private static final Logger LOG = LoggerFactory.getLogger(LookupLimiter.class);
  private static final String RESERVED = "layso.lookup.reserved";

  /** Where a failure was reserved, so it is forgiven in the same window. */
  private record Reserved(String client, long window) {
  }

  private final Counter counter;
  private final Clock clock;
  private final ClientAddress addresses;
  private final Limits limits;

  /** {@code limits} null: look-ups are not limited (as the other anonymous limits with RATE_LIMIT_PER_MINUTE=0). */
  public LookupLimiter(Counter counter, Clock clock, ClientAddress addresses, Limits limits) {
    this.counter = counter;
    this.clock = clock;
    this.addresses = addresses;
    this.limits = limits;
  }

  /**
   * A route handler counting the look-up of the code {@code codeHash} finds in the request (its
   * keyed hash; null when the request names no well-formed code); {@code exempt} requests (a paired
   * kiosk, the office's staff) pass uncounted. The route settles the answer with {@link #settle}.
   */
  public Handler<RoutingContext> limit(Function<RoutingContext, String> codeHash, Predicate<RoutingContext> exempt) {
    return ctx -> {
      if (limits == null || exempt.test(ctx)) {
        ctx.next();
        return;
      }
      long now = clock.instant().getEpochSecond();
      long window = now / limits.windowSeconds();
      String retryAfter = Long.toString(limits.windowSeconds() - now % limits.windowSeconds());
      String client = ClientAddress.rateBucket(
          addresses.resolve(ctx.request().remoteAddress().hostAddress(), ctx.request().getHeader("X-Forwarded-For")));
      count(ctx, client, window, codeHash.apply(ctx), retryAfter).onComplete(result -> {
        if (result.succeeded()) {
          ctx.next();
          return;
        }
        // refused for the code (or the store failed after the address was counted): no failure of the address
        forgive(ctx).onComplete(x -> {
          if (result.cause() instanceof ApiException api && api.kind() == ApiException.Kind.TOO_MANY) {
            ctx.response().putHeader("Retry-After", retryAfter);
          }
          ctx.fail(result.cause());
        });
      });
    };
  }

  /** Counts the look-up for the address (reserving a failure), then for the code; fails with the budget broken. */
  private Future<Void> count(RoutingContext ctx, String client, long window, String code, String retryAfter) {
    return counter.lookup(client, window, limits).compose(count -> {
      if (count.refused() != null) {
        if ("failures".equals(count.refused()) && count.n() == limits.failuresPerAddress() + 1L) {
          LOG.atWarn().addKeyValue("address", Redact.address(client)).addKeyValue("failures", limits.failuresPerAddress())
              .addKeyValue("retryAfter", retryAfter).log("look-ups by code blocked for an address: too many codes not found");
        }
        return Future.failedFuture(new ApiException(ApiException.Kind.TOO_MANY, "rate_limited"));
      }
      ctx.put(RESERVED, new Reserved(client, window));
      return code == null ? Future.succeededFuture()
          : counter.code(code, window, limits.windowSeconds() * 2).compose(n -> n > limits.perCode()
              ? Future.failedFuture(new ApiException(ApiException.Kind.TOO_MANY, "lookup_limited"))
              : Future.succeededFuture());
    });
  }

  /**
   * The look-up's answer, once the failure reserved for it has been forgiven unless the code was not
   * found (404): forgiving before answering means the citizen's next look-up never finds it pending.
   */
  public <T> Future<T> settle(RoutingContext ctx, Supplier<Future<T>> lookup) {
    Future<T> answer;
    try {
      answer = lookup.get();
    } catch (RuntimeException e) {
      answer = Future.failedFuture(e);
    }
    Future<T> settled = answer;
    return answer.transform(done -> (notFound(done.cause()) ? Future.<Void>succeededFuture() : forgive(ctx))
        .transform(x -> settled));
  }

  private static boolean notFound(Throwable failure) {
    return failure instanceof ApiException api && api.kind() == ApiException.Kind.NOT_FOUND;
  }

  private Future<Void> forgive(RoutingContext ctx) {
    Reserved reserved = ctx.get(RESERVED);
    if (reserved == null) {
      return Future.succeededFuture();
    }
    ctx.remove(RESERVED);
    return counter.forgive(reserved.client(), reserved.window())
        .onFailure(e -> LOG.atDebug().addKeyValue("error", Redact.error(e)).log("look-up failure not forgiven"));
  }
}
