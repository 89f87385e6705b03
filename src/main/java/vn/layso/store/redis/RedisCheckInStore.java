package vn.layso.store.redis;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import vn.layso.checkin.CheckInStore;
import vn.layso.common.ApiException;
import vn.layso.office.domain.ServiceDef;
import vn.layso.queue.domain.ServiceDay;
import vn.layso.store.redis.Keys.AppointmentFields;

/** Check-in and the no-show sweep on Redis: check_in.lua and no_show_sweep.lua. */
public final class RedisCheckInStore implements CheckInStore {

  private final RedisStore redis;

  /** The history's lifetime is the server's, written into check_in.lua (LuaSource.constants). */
  public RedisCheckInStore(RedisStore redis) {
    this.redis = redis;
  }

  @Override
  public Future<Optional<Booked>> find(String office, String code) {
    return redis.call(c -> c.hgetall(Keys.appointment(office, code))).map(Map.class::cast).map(raw -> {
      @SuppressWarnings("unchecked")
      Map<String, String> h = raw;
      if (h.isEmpty() || h.get(AppointmentFields.STATUS) == null) {
        return Optional.<Booked>empty();
      }
      return Optional.of(new Booked(h.get(AppointmentFields.SERVICE), LocalDate.parse(h.get(AppointmentFields.DATE)),
          LocalTime.parse(h.get(AppointmentFields.START)), h.get(AppointmentFields.STATUS)));
    });
  }

  @Override
  public Future<Optional<String>> officeOf(String code) {
    return redis.call(c -> c.get(Keys.appointmentOffice(code))).map(Optional::ofNullable);
  }

  @Override
  public Future<Result> checkIn(Request r) {
    String office = r.office().id();
    ServiceDef s = r.service();
    String date = r.booked().date().toString();
    String day = ServiceDay.key(r.booked().date());
    String start = r.booked().start().toString();
    List<String> keys = new ArrayList<>(List.of(Keys.appointment(office, r.code()), Keys.sequence(office, s.code(), day),
        Keys.ticket(office, r.ticketId()), Keys.queue(office, day, s.code()), Keys.version(office),
        Keys.dayTickets(office, day), Keys.openDays(office), Keys.slotLedger(office, s.code(), date),
        Keys.appointmentsDue(office)));
    List<String> args = new ArrayList<>(List.of(office, r.ticketId(), s.code(), date, start, millis(r.now()),
        millis(r.window().slotStart()), millis(r.window().opensAt()), millis(r.window().closesAt()),
        r.lateAsWalkIn() ? "walk-in" : "refuse", s.prefix(), Integer.toString(s.numberStart()),
        Integer.toString(s.capacityPerDay()), Integer.toString(s.digits()), r.by(), r.code(), day));
    RedisPredictionStore.foretold(s.code(), r.predictions(), args); // ARGV 18 on
    return redis.script("check_in", keys, args).map(raw -> {
      JsonObject json = new JsonObject(raw);
      String error = json.getString("error");
      if (error != null) {
        throw "appointment_not_found".equals(error) ? ApiException.notFound("check_in_code_unknown")
            : ApiException.conflict(error);
      }
      return new Result(TicketCodec.read(office, json.getJsonObject("ticket")), json.getInteger("position"),
          json.getBoolean("replayed", false), json.getBoolean("late", false),
          RedisPredictionStore.estimate(json.getString("given")));
    });
  }

  @Override
  public Future<Sweep> sweepNoShows(String office, long endedBy, Instant now, int batch) {
    return redis.script("no_show_sweep", List.of(Keys.appointmentsDue(office)),
            List.of(Long.toString(endedBy), Keys.appointmentPrefix(office), Keys.slotLedgerPrefix(office),
                millis(now), Integer.toString(batch)))
        .map(raw -> {
          JsonObject json = new JsonObject(raw);
          return new Sweep(json.getInteger("marked", 0), json.getBoolean("more", false));
        });
  }

  private static String millis(Instant instant) {
    return Long.toString(instant.toEpochMilli());
  }
}
