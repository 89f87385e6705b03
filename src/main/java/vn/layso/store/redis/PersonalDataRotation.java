package vn.layso.store.redis;

import io.lettuce.core.KeyScanCursor;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanCursor;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import vn.layso.booking.PersonalData;
import vn.layso.booking.PersonalDataKey;
import vn.layso.store.redis.Keys.AppointmentFields;

/**
 * Rotates the personal-data key version: raises {@link Keys#PD_VERSION} (or resumes an interrupted
 * rotation at its target, {@link Keys#PD_ROTATION}), waits {@link #GRACE} so every server seals
 * with the new version, then walks every record holding names or phones (SCAN, in batches) and
 * re-encrypts each value that is not at the target version under the current secret, one record at
 * a time with a compare-and-set script (a concurrent write is never overwritten: the record is read
 * again). Safe while servers serve; running it again finishes an interrupted rotation. Counts only,
 * never values.
 */
public final class PersonalDataRotation {

  /** Longer than a server's version refresh ({@link PersonalDataVersions#REFRESH_MS}) plus a slow round trip. */
  public static final Duration GRACE = Duration.ofMillis(2500);
  private static final int BATCH = 200;
  private static final int MAX_TRIES = 5;

  /** What a rotation did. */
  public record Result(int version, boolean resumed, long records, long reencrypted, long current, long retried,
                       long unreadable, long rehashed) {
  }

  /** One family of records: a SCAN pattern, the fields that hold personal data, whether appointments. */
  private record Family(String pattern, List<String> fields, boolean appointments) {
  }

  private static final List<Family> FAMILIES = List.of(
      new Family(Keys.APPOINTMENTS_PATTERN, List.of(AppointmentFields.NAME, AppointmentFields.PHONE), true),
      new Family(Keys.notificationPrefix() + "*", List.of("phone", "data"), false));

  private final Vertx vertx;
  private final RedisStore redis;
  private final PersonalData data;
  private final Duration grace;
  /** After a change of PERSONAL_DATA_KEY: the new key, to recompute the appointments' phone hashes (else null). */
  private final PersonalDataKey rehash;
  private final AtomicLong records = new AtomicLong();
  private final AtomicLong reencrypted = new AtomicLong();
  private final AtomicLong current = new AtomicLong();
  private final AtomicLong retried = new AtomicLong();
  private final AtomicLong unreadable = new AtomicLong();
  private final AtomicLong rehashed = new AtomicLong();

  public PersonalDataRotation(Vertx vertx, RedisStore redis, PersonalData data, Duration grace) {
    this(vertx, redis, data, grace, null);
  }

  /**
   * {@code rehash}: with a previous secret, the current key, so that each appointment's phone hash
   * (the cancel proof and the per-phone limit) is recomputed from its phone under the new key.
   */
  public PersonalDataRotation(Vertx vertx, RedisStore redis, PersonalData data, Duration grace,
                              PersonalDataKey rehash) {
    this.vertx = vertx;
    this.redis = redis;
    this.data = data;
    this.grace = grace;
    this.rehash = rehash;
  }

  /**
   * Runs a rotation: {@code raise} true starts a new version (unless one was interrupted, which is
   * finished instead); false re-encrypts everything to the current version (after a change of
   * PERSONAL_DATA_KEY, with the old one as PERSONAL_DATA_KEY_PREVIOUS). {@code progress} gets a
   * line per batch (counts only).
   */
  public Future<Result> run(boolean raise, Consumer<String> progress) {
    return redis.script("pd_rotation_begin", List.of(Keys.PD_VERSION, Keys.PD_ROTATION), List.of(raise ? "1" : "0"))
        .map(JsonObject::new)
        .compose(begun -> {
          int target = begun.getInteger("target");
          boolean resumed = begun.getBoolean("resumed");
          data.useVersion(target);
          progress.accept((resumed ? "resuming the interrupted rotation to version " : "rotating to version ")
              + target + "; waiting " + grace.toMillis() + " ms for every server to seal with it");
          return delay(grace)
              .compose(v -> walk(0, target, progress))
              .compose(v -> redis.script("pd_rotation_end", List.of(Keys.PD_ROTATION), List.of(Integer.toString(target))))
              .map(v -> new Result(target, resumed, records.get(), reencrypted.get(), current.get(), retried.get(),
                  unreadable.get(), rehashed.get()));
        });
  }

  private Future<Void> walk(int family, int target, Consumer<String> progress) {
    if (family == FAMILIES.size()) {
      return Future.succeededFuture();
    }
    return scan(FAMILIES.get(family), ScanCursor.INITIAL, target, progress)
        .compose(v -> walk(family + 1, target, progress));
  }

  private Future<Void> scan(Family family, ScanCursor cursor, int target, Consumer<String> progress) {
    ScanArgs args = ScanArgs.Builder.matches(family.pattern()).limit(BATCH);
    return redis.<KeyScanCursor<String>>call(c -> c.scan(cursor, args)).compose(page -> {
      List<Future<Void>> batch = new ArrayList<>();
      for (String key : page.getKeys()) {
        batch.add(record(key, family, target, 1));
      }
      return Future.all(batch).compose(done -> {
        if (!page.getKeys().isEmpty()) {
          progress.accept("records " + records.get() + ", values re-encrypted " + reencrypted.get()
              + ", already at v" + target + " " + current.get());
        }
        return page.isFinished() ? Future.succeededFuture() : scan(family, page, target, progress);
      });
    });
  }

  /** Reads one record's fields and writes the re-encrypted ones if none changed meanwhile. */
  private Future<Void> record(String key, Family family, int target, int attempt) {
    boolean rehashing = rehash != null && family.appointments();
    List<String> fields = new ArrayList<>(family.fields());
    if (rehashing) {
      fields.addAll(List.of(AppointmentFields.PHONE_HASH, AppointmentFields.DATE, AppointmentFields.CODE));
    }
    return redis.<String>call(c -> c.type(key)).compose(type -> {
      if (!"hash".equals(type)) {
        return Future.succeededFuture();
      }
      return redis.<List<io.lettuce.core.KeyValue<String, String>>>call(
          c -> c.hmget(key, fields.toArray(String[]::new))).compose(values -> {
            if (attempt == 1) {
              records.incrementAndGet();
            }
            List<String> keys = new ArrayList<>(List.of(key));
            List<String> args = new ArrayList<>(List.of(""));
            if (rehashing) {
              rehashArgs(key, values, keys, args);
            }
            int fresh = 0;
            for (var kv : values.subList(0, family.fields().size())) {
              if (!kv.hasValue() || kv.getValue().isEmpty()) {
                continue;
              }
              String stored = kv.getValue();
              if (!data.stale(key, kv.getKey(), stored)) {
                current.incrementAndGet();
                continue;
              }
              String clear;
              try {
                clear = data.open(key, kv.getKey(), stored);
              } catch (PersonalData.Unreadable bad) {
                unreadable.incrementAndGet();
                continue;
              }
              args.add(kv.getKey());
              args.add(stored);
              args.add(data.seal(target, key, kv.getKey(), clear));
              fresh++;
            }
            if (args.size() == 1) {
              return Future.succeededFuture();
            }
            int count = fresh;
            return redis.script("pd_reencrypt", keys, args).map(JsonObject::new).compose(r -> {
              String outcome = r.getString("outcome");
              if ("written".equals(outcome)) {
                reencrypted.addAndGet(count);
              } else if ("changed".equals(outcome)) {
                retried.incrementAndGet();
                if (attempt < MAX_TRIES) {
                  return record(key, family, target, attempt + 1);
                }
                return Future.failedFuture(new IllegalStateException(
                    "a record kept changing during the rotation; run the command again to finish"));
              }
              return Future.succeededFuture();
            });
          });
    });
  }

  /**
   * The phone hash under the new key, when it differs from the stored one: a compare-and-set triple,
   * the code in ARGV 1 and the two citizen-day keys, so that the entry moves with the hash.
   */
  private void rehashArgs(String key, List<io.lettuce.core.KeyValue<String, String>> values, List<String> keys,
                          List<String> args) {
    Map<String, String> h = new HashMap<>();
    values.forEach(kv -> h.put(kv.getKey(), kv.getValueOrElse(null)));
    String oldHash = h.get(AppointmentFields.PHONE_HASH);
    String date = h.get(AppointmentFields.DATE);
    String code = h.get(AppointmentFields.CODE);
    String phone = h.get(AppointmentFields.PHONE);
    if (oldHash == null || date == null || code == null || phone == null || phone.isEmpty()) {
      return;
    }
    String clear;
    try {
      clear = data.open(key, AppointmentFields.PHONE, phone);
    } catch (PersonalData.Unreadable bad) {
      return;
    }
    String newHash = rehash.phone(clear);
    if (newHash.equals(oldHash)) {
      return;
    }
    String office = key.substring(key.indexOf('{') + 1, key.indexOf('}'));
    keys.add(Keys.citizenDay(office, date, RedisBookingStore.PHONE_KIND, oldHash));
    keys.add(Keys.citizenDay(office, date, RedisBookingStore.PHONE_KIND, newHash));
    args.set(0, code);
    args.addAll(List.of(AppointmentFields.PHONE_HASH, oldHash, newHash));
    rehashed.incrementAndGet();
  }

  private Future<Void> delay(Duration d) {
    Promise<Void> done = Promise.promise();
    vertx.setTimer(Math.max(1, d.toMillis()), id -> done.complete());
    return done.future();
  }

  /** The counts as one line (for the command's output). */
  public static String summary(Result r) {
    return "version " + r.version() + (r.resumed() ? " (resumed)" : "") + ": " + r.records() + " records, "
        + r.reencrypted() + " values re-encrypted, " + r.current() + " already current, " + r.retried()
        + " re-read after a concurrent write, " + r.unreadable() + " unreadable (left as they are)"
        + (r.rehashed() == 0 ? "" : ", " + r.rehashed() + " phone hashes recomputed under the new key");
  }
}
