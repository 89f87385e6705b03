package vn.layso.store.redis;

import io.vertx.core.Future;
import io.lettuce.core.KeyValue;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import vn.layso.common.ApiException;
import vn.layso.verify.VerificationStore;

/** Phone verification on Redis, in the hold's record (otp_send, otp_abort, otp_confirm.lua). */
public final class RedisVerificationStore implements VerificationStore {

  private final RedisStore redis;

  public RedisVerificationStore(RedisStore redis) {
    this.redis = redis;
  }

  @Override
  public Future<Instant> start(Code c, Instant now, Instant expiresAt, Limits limits) {
    return run("otp_send", keys(c), List.of(millis(now), c.phoneHash(), c.codeHash(), millis(expiresAt),
        Long.toString(limits.resendAfter().toMillis()), Integer.toString(limits.perHold()),
        Integer.toString(limits.perPhonePerDay()),
        Long.toString(Math.max(1000, Duration.between(now, limits.dayCounterExpiresAt()).toMillis())),
        c.maskedPhone())).map(json -> Instant.ofEpochMilli(json.getLong("nextAt")));
  }

  @Override
  public Future<Void> abort(Code c) {
    return run("otp_abort", keys(c), List.of(c.codeHash())).mapEmpty();
  }

  @Override
  public Future<HeldPlace> place(String office, String hold) {
    return redis.<List<KeyValue<String, String>>>call(c -> c.hmget(Keys.hold(office, hold), "service", "date", "start",
        "address")).map(values -> {
          if (values.stream().limit(3).anyMatch(v -> !v.hasValue())) {
            throw ApiException.notFound("hold_not_found");
          }
          return new HeldPlace(values.get(0).getValue(), values.get(1).getValue(), values.get(2).getValue(),
              values.get(3).getValueOrElse(""));
        });
  }

  @Override
  public Future<Confirmed> confirm(String office, String hold, HeldPlace p, String codeHash, Instant now,
                                   int maxTries, int capacity, Instant expiresAt) {
    List<String> keys = List.of(Keys.hold(office, hold), Keys.slotLedger(office, p.service(), p.date()),
        Keys.slotHolds(office, p.service(), p.date(), p.start()),
        Keys.addressHolds(office, p.address().isEmpty() ? "-" : p.address()));
    return run("otp_confirm", keys, List.of(millis(now), codeHash, Integer.toString(maxTries), hold, p.start(),
        Integer.toString(capacity), millis(expiresAt)))
        .map(json -> new Confirmed(json.getString("phone"),
            Instant.ofEpochMilli(Long.parseLong(json.getString("expiresAt")))));
  }

  private static List<String> keys(Code c) {
    return List.of(Keys.hold(c.office(), c.hold()), Keys.otpPhoneDay(c.office(), c.day().toString(), c.phoneHash()));
  }

  private Future<JsonObject> run(String script, List<String> keys, List<String> args) {
    return redis.script(script, keys, args).map(raw -> {
      JsonObject json = new JsonObject(raw);
      String error = json.getString("error");
      if (error != null) {
        throw switch (error) {
          case "hold_not_found" -> ApiException.notFound(error);
          case "otp_resend_wait" -> new ApiException(ApiException.Kind.TOO_MANY, error, json.getInteger("retryAfter"))
              .with("retryAfter", json.getInteger("retryAfter"));
          case "otp_send_limit" -> new ApiException(ApiException.Kind.TOO_MANY, error)
              .with("limit", json.getString("limit"));
          case "otp_wrong" -> ApiException.invalid(error, json.getInteger("triesLeft"))
              .with("triesLeft", json.getInteger("triesLeft"));
          case "otp_expired" -> new ApiException(ApiException.Kind.GONE, error);
          default -> ApiException.conflict(error);
        };
      }
      return json;
    });
  }

  private static String millis(Instant instant) {
    return Long.toString(instant.toEpochMilli());
  }
}
