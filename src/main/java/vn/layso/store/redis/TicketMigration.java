package vn.layso.store.redis;

import io.lettuce.core.KeyScanArgs;
import io.lettuce.core.ScanCursor;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Moves the tickets the previous release stored (one JSON string per ticket key) to the hash and
 * steps of this one (docs/storage.md), once, at start, before the server serves: SCAN finds the
 * ticket keys that are still strings, migrate_tickets.lua converts each batch atomically. A store
 * that has been migrated carries {@link Keys#TICKET_HASH_MIGRATED} and is not scanned again.
 * Idempotent and safe with several servers starting at once (a key converted by one is a hash for
 * the others and left alone) and with a server killed midway (the marker comes last; a new start
 * scans again and converts what is left). Servers of the previous release must be stopped first.
 */
public final class TicketMigration {

  private static final Logger LOG = LoggerFactory.getLogger(TicketMigration.class);
  private static final int BATCH = 500;

  private final RedisStore redis;

  public TicketMigration(RedisStore redis) {
    this.redis = redis;
  }

  /** Migrates what is left (nothing on a migrated store); answers how many tickets it converted. */
  public Future<Integer> run() {
    return redis.<String>call(c -> c.get(Keys.TICKET_HASH_MIGRATED)).compose(marked -> {
      if (marked != null) {
        return Future.succeededFuture(0);
      }
      return scan(ScanCursor.INITIAL, 0).compose(migrated -> redis.call(c -> c.set(Keys.TICKET_HASH_MIGRATED,
          Long.toString(System.currentTimeMillis()))).map(ok -> {
            if (migrated > 0) {
              LOG.atInfo().addKeyValue("tickets", migrated).log("tickets migrated to hashes");
            }
            return migrated;
          }));
    });
  }

  private Future<Integer> scan(ScanCursor cursor, int migrated) {
    KeyScanArgs args = KeyScanArgs.Builder.matches("layso:{*}:ticket:*").type("string").limit(BATCH);
    return redis.call(c -> c.scan(cursor, args)).compose(page -> {
      List<String> keys = page.getKeys();
      Future<Integer> batch = keys.isEmpty() ? Future.succeededFuture(0)
          : redis.script("migrate_tickets", keys, List.of()).map(raw -> new JsonObject(raw).getInteger("migrated", 0));
      return batch.compose(n -> page.isFinished() ? Future.succeededFuture(migrated + n)
          : scan(page, migrated + n));
    });
  }
}
