package vn.layso.common;

import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;

/**
 * Fixed one-minute windows per client address, counted in the store so that every server process
 * shares them. Requests that carry any valid token (staff, admin, device) are not limited.
 */
public final class RateLimiter {

  /** Counts one hit of a client in a bucket's window and returns the count so far. */
  public interface Counter {
    Future<Long> hit(String bucket, String client, long window, int ttlSeconds);

    /** The count so far, without counting. */
    Future<Long> peek(String bucket, String client, long window);
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
    return addresses.resolve(ctx.request().remoteAddress().hostAddress(), ctx.request().getHeader("X-Forwarded-For"));
  }

  /**
   * A route handler that turns a client away once it has had {@code maxFailures} failures in the
   * current minute; failures are counted with {@link #recordFailure}. Used for log-in, where a
   * whole centre's staff share one address and only wrong passwords should count.
   */
  public Handler<RoutingContext> failuresPerMinute(String bucket, int maxFailures) {
    return ctx -> {
      if (maxFailures <= 0) {
        ctx.next();
        return;
      }
      long nowSeconds = clock.instant().getEpochSecond();
      counter.peek(bucket, client(ctx), nowSeconds / 60).onComplete(result -> {
        if (result.failed()) {
          ctx.fail(result.cause());
        } else if (result.result() >= maxFailures) {
          ctx.response().putHeader("Retry-After", Long.toString(60 - nowSeconds % 60));
          ctx.fail(new ApiException(ApiException.Kind.TOO_MANY, "rate_limited"));
        } else {
          ctx.next();
        }
      });
    };
  }

  public Future<Void> recordFailure(RoutingContext ctx, String bucket) {
    return counter.hit(bucket, client(ctx), clock.instant().getEpochSecond() / 60, 120).mapEmpty();
  }

  /** A route handler that lets at most {@code perMinute} anonymous requests of a client through. */
  public Handler<RoutingContext> perMinute(String bucket, int perMinute,
                                           java.util.function.Predicate<RoutingContext> exempt) {
    return ctx -> {
      if (perMinute <= 0 || exempt.test(ctx)) {
        ctx.next();
        return;
      }
      String client = client(ctx);
      long nowSeconds = clock.instant().getEpochSecond();
      long window = nowSeconds / 60;
      counter.hit(bucket, client, window, 120).onComplete(result -> {
        if (result.failed()) {
          ctx.fail(result.cause());
        } else if (result.result() > perMinute) {
          ctx.response().putHeader("Retry-After", Long.toString(60 - nowSeconds % 60));
          ctx.fail(new ApiException(ApiException.Kind.TOO_MANY, "rate_limited"));
        } else {
          ctx.next();
        }
      });
    };
  }
}
