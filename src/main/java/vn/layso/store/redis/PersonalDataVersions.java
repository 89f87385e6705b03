package vn.layso.store.redis;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import vn.layso.booking.PersonalData;

/**
 * Keeps a server's {@link PersonalData} sealing with the store's current key version
 * ({@link Keys#PD_VERSION}): read at start and once a second after, so a rotation's new version is
 * in use on every server within {@link #REFRESH_MS} plus a round trip (the rotation waits
 * {@link PersonalDataRotation#GRACE} before it re-encrypts). One GET a second per server, off every
 * request path.
 */
public final class PersonalDataVersions {

  public static final long REFRESH_MS = 1000;

  private final RedisStore redis;
  private final PersonalData data;

  public PersonalDataVersions(RedisStore redis, PersonalData data) {
    this.redis = redis;
    this.data = data;
  }

  /** Reads the current version and uses it; a missing or unreadable value means 1. */
  public Future<Integer> refresh() {
    return redis.call(c -> c.get(Keys.PD_VERSION)).map(raw -> {
      int v = parse(raw);
      data.useVersion(v);
      return v;
    });
  }

  /** Refreshes every second (failures are retried by the next tick); returns the timer's id. */
  public long start(Vertx vertx) {
    return vertx.setPeriodic(REFRESH_MS, id -> refresh());
  }

  static int parse(String raw) {
    if (raw == null) {
      return 1;
    }
    try {
      int v = Integer.parseInt(raw.strip());
      return v >= 1 && v <= 1_000_000 ? v : 1;
    } catch (NumberFormatException bad) {
      return 1;
    }
  }
}
