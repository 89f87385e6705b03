package vn.layso.store.redis;

import io.lettuce.core.SetArgs;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import vn.layso.booking.BookingStore;
import vn.layso.booking.PersonalData;
import vn.layso.booking.domain.Appointment;
import vn.layso.booking.domain.AppointmentStatus;
import vn.layso.common.ApiException;
import vn.layso.store.redis.Keys.AppointmentFields;

/** Bookings on Redis: each decision is one Lua script (book, cancel_appointment, reschedule_appointment). */
public final class RedisBookingStore implements BookingStore {

  private static final String PHONE = "p";
  /** The citizen-day kind of the phone hash (for the rotation after a change of key). */
  static final String PHONE_KIND = PHONE;
  private static final String CITIZEN = "c";

  private final RedisStore redis;
  /** Seals the name and phone of each record (null: no personal-data key, booking is off). */
  private final PersonalData personal;

  public RedisBookingStore(RedisStore redis) {
    this(redis, null);
  }

  public RedisBookingStore(RedisStore redis, PersonalData personal) {
    this.redis = redis;
    this.personal = personal;
  }

  @Override
  public Future<Boolean> claimCode(String code, String office, Instant now, Instant expiresAt) {
    return redis.call(c -> c.set(Keys.appointmentOffice(code), office,
        SetArgs.Builder.nx().px(Long.parseLong(ttl(now, expiresAt))))).map("OK"::equals);
  }

  @Override
  public Future<Void> releaseCode(String code) {
    return redis.call(c -> c.del(Keys.appointmentOffice(code))).mapEmpty();
  }

  @Override
  public Future<Void> book(Stored s, String holdId, String session, Rules rules) {
    Appointment a = s.appointment();
    String office = a.office();
    String date = a.date().toString();
    String start = a.start().toString();
    List<String> keys = List.of(Keys.slotLedger(office, a.service(), date),
        Keys.slotHolds(office, a.service(), date, start), Keys.appointment(office, a.code()),
        Keys.citizenDay(office, date, PHONE, s.phoneHash()), Keys.citizenDay(office, date, CITIZEN, s.citizenHash()),
        Keys.hold(office, holdId == null ? "-" : holdId), Keys.appointmentsDue(office),
        Keys.holdSession(office, session == null ? "-" : session));
    List<String> args = new ArrayList<>(List.of(start, Integer.toString(rules.capacity()), millis(rules.now()),
        holdId == null ? "" : holdId, Integer.toString(rules.maxPerDay()), Integer.toString(rules.maxPerField()),
        a.service(), a.code(), ttl(rules.now(), rules.recordExpiresAt()), ttl(rules.now(), rules.dayKeysExpireAt()),
        rules.verifiedPhone(), session == null ? "" : session));
    record(s, personal).forEach((field, value) -> {
      args.add(field);
      args.add(value);
    });
    return run("book", keys, args).mapEmpty();
  }

  private static Map<String, String> record(Stored s, PersonalData personal) {
    Appointment a = s.appointment();
    String key = Keys.appointment(a.office(), a.code());
    Map<String, String> r = new LinkedHashMap<>();
    r.put(AppointmentFields.CODE, a.code());
    r.put(AppointmentFields.OFFICE, a.office());
    r.put(AppointmentFields.SERVICE, a.service());
    r.put(AppointmentFields.DATE, a.date().toString());
    r.put(AppointmentFields.START, a.start().toString());
    r.put(AppointmentFields.END, end(a.end()));
    r.put(AppointmentFields.STATUS, a.status().name());
    r.put(AppointmentFields.CREATED_AT, millis(a.createdAt()));
    r.put(AppointmentFields.UPDATED_AT, millis(a.createdAt()));
    r.put(AppointmentFields.NAME, seal(personal, key, AppointmentFields.NAME, a.fullName()));
    r.put(AppointmentFields.PHONE, seal(personal, key, AppointmentFields.PHONE, a.phone()));
    r.put(AppointmentFields.PHONE_HASH, s.phoneHash());
    r.put(AppointmentFields.CITIZEN_HASH, s.citizenHash());
    r.put(AppointmentFields.CITIZEN_LAST4, a.citizenLast4());
    return r;
  }

  @Override
  public Future<Optional<String>> officeOf(String code) {
    return redis.call(c -> c.get(Keys.appointmentOffice(code))).map(Optional::ofNullable);
  }

  @Override
  public Future<Optional<Stored>> find(String office, String code) {
    String key = Keys.appointment(office, code);
    return redis.call(c -> c.hgetall(key)).map(h -> {
      if (h == null || h.isEmpty() || h.get(AppointmentFields.STATUS) == null) {
        return Optional.empty();
      }
      String created = h.get(AppointmentFields.CREATED_AT);
      return Optional.of(new Stored(new Appointment(h.get(AppointmentFields.CODE), h.get(AppointmentFields.OFFICE),
          h.get(AppointmentFields.SERVICE), LocalDate.parse(h.get(AppointmentFields.DATE)),
          LocalTime.parse(h.get(AppointmentFields.START)), parseEnd(h.get(AppointmentFields.END)),
          AppointmentStatus.valueOf(h.get(AppointmentFields.STATUS)), h.get(AppointmentFields.TICKET),
          created == null ? null : Instant.ofEpochMilli(Long.parseLong(created)),
          open(personal, key, AppointmentFields.NAME, h.get(AppointmentFields.NAME)),
          open(personal, key, AppointmentFields.PHONE, h.get(AppointmentFields.PHONE)),
          h.get(AppointmentFields.CITIZEN_LAST4)),
          h.get(AppointmentFields.PHONE_HASH), h.get(AppointmentFields.CITIZEN_HASH)));
    });
  }

  @Override
  public Future<Void> cancel(Stored s, String phoneHash, Instant now) {
    Appointment a = s.appointment();
    String date = a.date().toString();
    return run("cancel_appointment", List.of(Keys.appointment(a.office(), a.code()),
            Keys.slotLedger(a.office(), a.service(), date),
            Keys.citizenDay(a.office(), date, PHONE, s.phoneHash()),
            Keys.citizenDay(a.office(), date, CITIZEN, s.citizenHash())),
        List.of(phoneHash, millis(now), date, a.start().toString())).mapEmpty();
  }

  @Override
  public Future<Void> reschedule(Stored s, String phoneHash, LocalDate date, LocalTime start, LocalTime end,
                                 Rules rules) {
    Appointment a = s.appointment();
    String office = a.office();
    String oldDate = a.date().toString();
    String newDate = date.toString();
    return run("reschedule_appointment", List.of(Keys.appointment(office, a.code()),
            Keys.slotLedger(office, a.service(), oldDate), Keys.slotLedger(office, a.service(), newDate),
            Keys.slotHolds(office, a.service(), newDate, start.toString()),
            Keys.citizenDay(office, oldDate, PHONE, s.phoneHash()),
            Keys.citizenDay(office, oldDate, CITIZEN, s.citizenHash()),
            Keys.citizenDay(office, newDate, PHONE, s.phoneHash()),
            Keys.citizenDay(office, newDate, CITIZEN, s.citizenHash()), Keys.appointmentsDue(office)),
        List.of(phoneHash, millis(rules.now()), oldDate, a.start().toString(), newDate, start.toString(), end(end),
            Integer.toString(rules.capacity()), Integer.toString(rules.maxPerDay()),
            Integer.toString(rules.maxPerField()), ttl(rules.now(), rules.recordExpiresAt()),
            ttl(rules.now(), rules.dayKeysExpireAt())))
        .compose(done -> redis.call(c -> c.pexpire(Keys.appointmentOffice(a.code()),
            Long.parseLong(ttl(rules.now(), rules.recordExpiresAt())))))
        .mapEmpty();
  }

  @Override
  public Future<Map<LocalTime, Integer>> usage(String office, String service, LocalDate date, List<LocalTime> starts,
                                               Instant now) {
    String day = date.toString();
    List<String> keys = new ArrayList<>(List.of(Keys.slotLedger(office, service, day)));
    List<String> args = new ArrayList<>(List.of(millis(now)));
    for (LocalTime start : starts) {
      keys.add(Keys.slotHolds(office, service, day, start.toString()));
      args.add(start.toString());
    }
    return run("slot_usage", keys, args).map(json -> {
      Map<LocalTime, Integer> used = new LinkedHashMap<>();
      starts.forEach(start -> used.put(start, json.getInteger(start.toString(), 0)));
      return used;
    });
  }

  @Override
  public Future<Optional<String>> holidays(String office, int year) {
    return redis.call(c -> c.get(Keys.holidays(office, year))).map(Optional::ofNullable);
  }

  @Override
  public Future<Void> saveHolidays(String office, int year, String json) {
    return redis.call(c -> c.set(Keys.holidays(office, year), json)).mapEmpty();
  }

  private Future<JsonObject> run(String script, List<String> keys, List<String> args) {
    return redis.script(script, keys, args).map(raw -> {
      JsonObject json = new JsonObject(raw);
      String error = json.getString("error");
      if (error != null) {
        throw switch (error) {
          case "appointment_not_found" -> ApiException.notFound(error);
          case "hold_required" -> ApiException.invalid(error);
          case "limit_reached" -> ApiException.conflict(error).with("limit", json.getString("limit"));
          case "not_cancellable" -> ApiException.conflict(error).with("appointmentStatus", json.getString("status"));
          default -> ApiException.conflict(error);
        };
      }
      return json;
    });
  }

  /** The value as stored: sealed (see {@link PersonalData}) when the store has the key. */
  static String seal(PersonalData personal, String key, String field, String clear) {
    return personal == null ? clear : personal.seal(key, field, clear);
  }

  /** The clear value; older (clear) data as it is. */
  static String open(PersonalData personal, String key, String field, String stored) {
    return personal == null || !PersonalData.isSealed(stored) ? stored : personal.open(key, field, stored);
  }

  private static String end(LocalTime end) {
    return end.equals(LocalTime.MAX) ? "24:00" : end.toString();
  }

  private static LocalTime parseEnd(String end) {
    return "24:00".equals(end) ? LocalTime.MAX : LocalTime.parse(end);
  }

  /**
   * Lifetimes are given to Redis relative to the server's clock (PEXPIRE, not PEXPIREAT): the
   * clock that decided the day decides when it ends, whatever Redis's own clock says.
   */
  private static String ttl(Instant now, Instant until) {
    return Long.toString(Math.max(1000, Duration.between(now, until).toMillis()));
  }

  private static String millis(Instant instant) {
    return Long.toString(instant.toEpochMilli());
  }
}
