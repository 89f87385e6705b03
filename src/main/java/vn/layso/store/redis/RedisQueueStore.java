package vn.layso.store.redis;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import vn.layso.common.ApiException;
import vn.layso.office.domain.Counter;
import vn.layso.office.domain.Office;
import vn.layso.office.domain.ServiceDef;
import vn.layso.office.domain.WalkInIssuing;
import vn.layso.queue.QueueLimits;
import vn.layso.queue.QueueStore;
import vn.layso.queue.domain.CallNextPolicy;
import vn.layso.queue.domain.CallPolicy;
import vn.layso.queue.domain.FieldWait;
import vn.layso.queue.domain.ServiceDay;
import vn.layso.queue.domain.TicketAction;

/** The queue on Redis: each operation is one Lua script (see src/main/resources/lua). */
public final class RedisQueueStore implements QueueStore {

  private static final long IDEMPOTENCY_TTL_SECONDS = LuaSource.IDEMPOTENCY_TTL_SECONDS;
  private static final int RECENT_CALLS = 12;
  private static final long WALK_IN_TTL_SECONDS = LuaSource.WALK_IN_TTL_SECONDS;

  private final RedisStore redis;
  private final long historySeconds;

  /** @param history how long a ticket's full record (and its day's index and sequences) is kept */
  public RedisQueueStore(RedisStore redis, Duration history) {
    this.redis = redis;
    this.historySeconds = history.toSeconds();
  }

  @Override
  public Future<Placed> issue(NewTicket r) {
    return issue(r, null).recover(failure ->
        Future.failedFuture(failure instanceof ApiException e && "too_many_open_tickets".equals(e.code())
            ? new ApiException(ApiException.Kind.TOO_MANY, e.code(), r.walkInCap().limit()) : failure));
  }

  /**
   * issue_ticket.lua, the one issuing script: KEYS 1..6, ARGV 1..11; then, only when one of the
   * optional keys is passed (idempotency, the address's walk-ins, the citizen's day), those keys and
   * ARGV 12..19 (each key's KEYS index, '' when absent, and its values); then the places foretold.
   * The channel and the lifetimes are the server's constants, written into the script (LuaSource).
   */
  private Future<Placed> issue(NewTicket r, CitizenCount citizen) {
    String office = r.office().id();
    String day = ServiceDay.key(r.serviceDate());
    ServiceDef s = r.service();
    List<String> keys = new ArrayList<>(8);
    keys.add(Keys.sequence(office, s.code(), day));
    keys.add(Keys.ticket(office, r.ticketId()));
    keys.add(Keys.queue(office, day, s.code()));
    keys.add(Keys.version(office));
    keys.add(Keys.dayTickets(office, day));
    keys.add(Keys.openDays(office));
    List<String> args = new ArrayList<>(24);
    args.addAll(List.of(office, r.ticketId(), s.code(),
        r.priority() == null ? "" : r.priority(), millis(r.now()), day, s.prefix(), Integer.toString(s.numberStart()),
        Integer.toString(s.capacityPerDay()), Integer.toString(s.digits()), r.by()));
    boolean capped = citizen == null && r.office().walkInIssuing() == WalkInIssuing.OPEN && r.walkInCap() != null;
    if (r.idempotencyKey() != null || capped || citizen != null) {
      args.add(optional(keys, r.idempotencyKey() == null ? null
          : Keys.idempotency(office, day, r.scope(), r.idempotencyKey())));
      args.add(optional(keys, capped
          ? Keys.walkInsOfAddress(office, day, s.code(), r.walkInCap().client()) : null));
      args.add(capped ? Integer.toString(r.walkInCap().limit()) : "");
      args.add(optional(keys, citizen == null ? null
          : Keys.citizenDay(office, r.serviceDate().toString(), "c", citizen.citizenHash())));
      if (citizen == null) {
        args.addAll(List.of("", "", "", ""));
      } else {
        args.addAll(List.of(Integer.toString(citizen.maxPerDay()), Integer.toString(citizen.maxPerField()),
            Long.toString(Math.max(1, citizen.countExpiresAt().toEpochMilli() - r.now().toEpochMilli())),
            citizen.last4()));
      }
    }
    RedisPredictionStore.foretold(s.code(), r.predictions(), args); // ARGV 12 (20) on
    return redis.script("issue_ticket", keys, args).map(raw -> {
      TicketCodec.Answer answer = TicketCodec.answer(office, raw);
      if ("limit_reached".equals(answer.error())) {
        throw ApiException.conflict("limit_reached").with("limit", answer.status());
      }
      if (answer.error() != null) {
        throw refusal(answer.error(), answer.status());
      }
      return placed(answer);
    });
  }

  /** Adds an optional key and answers its KEYS index (1-based) for the script, or '' when absent. */
  private static String optional(List<String> keys, String key) {
    if (key == null) {
      return "";
    }
    keys.add(key);
    return Integer.toString(keys.size());
  }

  @Override
  public Future<Void> addIssued(String office, LocalDate day, Map<String, Integer> perFieldMinute) {
    if (perFieldMinute.isEmpty()) {
      return Future.succeededFuture();
    }
    String key = Keys.issuedPerMinute(office, ServiceDay.key(day));
    return redis.call(c -> {
      var all = new java.util.ArrayList<io.lettuce.core.RedisFuture<?>>();
      perFieldMinute.forEach((field, n) -> all.add(c.hincrby(key, field, n)));
      all.add(c.expire(key, WALK_IN_TTL_SECONDS));
      return all.get(all.size() - 1);
    }).mapEmpty();
  }

  @Override
  public Future<Map<String, Integer>> issuedPerField(Office office, LocalDate day, long fromMinute, long toMinute) {
    List<String> fields = new ArrayList<>();
    for (ServiceDef s : office.services()) {
      for (long minute = fromMinute; minute <= toMinute; minute++) {
        fields.add(s.code() + ":" + minute);
      }
    }
    String key = Keys.issuedPerMinute(office.id(), ServiceDay.key(day));
    return redis.call(c -> c.hmget(key, fields.toArray(String[]::new))).map(values -> {
      Map<String, Integer> issued = new LinkedHashMap<>();
      values.stream().filter(kv -> kv.hasValue()).forEach(kv -> issued.merge(
          kv.getKey().substring(0, kv.getKey().lastIndexOf(':')), Integer.parseInt(kv.getValue()), Integer::sum));
      return issued;
    });
  }

  /** A card's walk-in: issue_ticket.lua with the citizen's day count and the card's last four digits. */
  @Override
  public Future<Placed> issueCounted(NewTicket r, CitizenCount citizen) {
    return issue(r, citizen);
  }

  /** call_next.lua's ARGV after the field pairs: the turn-near places (left off when not asked). */
  @Override
  public Future<Called> callNext(Office office, Counter counter, Press press, int turnNearPlaces) {
    String id = office.id();
    String day = ServiceDay.key(press.serviceDate());
    CallNextPolicy.Rules rules = QueueLimits.rules(office);
    List<String> keys = new ArrayList<>(5 + counter.weights().size() + counter.backup().size());
    keys.add(Keys.counter(id, counter.id()));
    keys.add(Keys.version(id));
    keys.add(idempotencyKey(id, counter, press));
    keys.add(Keys.servedCounts(id, day));
    keys.add(Keys.predictionOutcomes(id, day));
    List<String> args = new ArrayList<>(6 + 2 * (counter.weights().size() + counter.backup().size()));
    args.add(counter.id());
    args.add(millis(press.now()));
    args.add(day);
    args.add(press.by());
    args.add(keyGiven(press));
    counter.weights().forEach((service, weight) -> addField(office, day, service, weight, keys, args));
    counter.backup().forEach(service -> addField(office, day, service, 0, keys, args));
    if (turnNearPlaces >= 0) {
      args.add(Integer.toString(turnNearPlaces));
    }
    return redis.script("call_next", id, rules, () -> callNextConstants(id, rules), keys, args)
        .map(raw -> answer(id, raw)).map(a -> new Called(a.ticket(), a.closed(), a.replayed(), a.near()));
  }

  /**
   * call_next.lua's constants of its office (its header names them), as Lua literals: a text of its
   * own per office, rewritten when the office's policy changes (RedisStore.script). The server's own
   * (EVENTS_CHANNEL, HISTORY_TTL, IDEMPOTENCY_TTL) come from LuaSource.constants.
   */
  Map<String, String> callNextConstants(String office, CallNextPolicy.Rules rules) {
    return Map.ofEntries(
        Map.entry("OFFICE_JSON", LuaSource.literal("\"" + office + "\"")),
        Map.entry("TICKET_PREFIX", LuaSource.literal(Keys.ticketPrefix(office))),
        Map.entry("MAX_PRIORITY_IN_ROW", Integer.toString(rules.maxPriorityInRow())),
        Map.entry("RATIO", Boolean.toString(rules.priorityMode() == CallPolicy.PriorityMode.RATIO)),
        Map.entry("NORMALS_PER_PRIORITY", Integer.toString(rules.normalsPerPriority())),
        Map.entry("MAX_APPOINTMENTS_IN_ROW", Integer.toString(rules.maxAppointmentsInRow())),
        Map.entry("WALK_IN_MAX_WAIT", Long.toString(rules.walkInMaxWaitMillis())),
        Map.entry("AGING_PER_HOUR", Integer.toString(rules.agingPerHour())),
        Map.entry("ESCALATION", Boolean.toString(rules.escalation())));
  }

  /** One field for call_next.lua: its queue, its weight (0: a backup field) and its target in seconds. */
  private static void addField(Office office, String day, String service, int weight, List<String> keys,
                               List<String> args) {
    keys.add(Keys.queue(office.id(), day, service));
    args.add(Integer.toString(weight));
    args.add(Long.toString(office.service(service).map(s -> s.targetWaitMillis() / 1000).orElse(0L)));
  }

  @Override
  public Future<Placed> transition(Office office, Counter counter, TicketAction action, Press press) {
    String id = office.id();
    String day = ServiceDay.key(press.serviceDate());
    List<String> keys = List.of(Keys.counter(id, counter.id()), Keys.version(id),
        idempotencyKey(id, counter, press), Keys.servedCounts(id, day));
    List<String> args = List.of(id, counter.id(), millis(press.now()), Keys.EVENTS_CHANNEL, Keys.ticketPrefix(id),
        action.name(), action.fromList(), action.to().name(), action.eventType(), action.timestampField(),
        action.releasesCounter() ? "1" : "0", day, press.by(), keyGiven(press),
        Long.toString(IDEMPOTENCY_TTL_SECONDS), Long.toString(historySeconds));
    return tickets(id, "counter_transition", keys, args).map(RedisQueueStore::placed);
  }

  @Override
  public Future<Placed> transfer(Office office, Counter counter, ServiceDef target, Press press) {
    String id = office.id();
    String day = ServiceDay.key(press.serviceDate());
    List<String> keys = List.of(Keys.counter(id, counter.id()), Keys.version(id),
        Keys.queue(id, day, target.code()), idempotencyKey(id, counter, press));
    List<String> args = List.of(id, counter.id(), millis(press.now()), Keys.EVENTS_CHANNEL, Keys.ticketPrefix(id),
        TicketAction.TRANSFER.fromList(), target.code(), day, press.by(), keyGiven(press),
        Long.toString(IDEMPOTENCY_TTL_SECONDS));
    return tickets(id, "transfer", keys, args).map(RedisQueueStore::placed);
  }

  @Override
  public Future<Paused> setPaused(Office office, Counter counter, boolean paused, PauseRequest why, Press press) {
    String id = office.id();
    String day = ServiceDay.key(press.serviceDate());
    return run("counter_pause", List.of(Keys.counter(id, counter.id()), Keys.version(id),
            idempotencyKey(id, counter, press), Keys.counterLog(id, day)),
        List.of(id, counter.id(), paused ? "1" : "0", Keys.EVENTS_CHANNEL, millis(press.now()), press.by(),
            keyGiven(press), Long.toString(IDEMPOTENCY_TTL_SECONDS), orEmpty(why.reason()), orEmpty(why.note()),
            Long.toString(historySeconds)))
        .map(json -> new Paused(json.getBoolean("paused"), json.getString("reason"), json.getString("note"),
            instant(json.getLong("pausedAt")), json.getBoolean("replayed", false)));
  }

  @Override
  public Future<Session> setSession(Office office, Counter counter, boolean open, Press press) {
    String id = office.id();
    String day = ServiceDay.key(press.serviceDate());
    List<String> keys = List.of(Keys.counter(id, counter.id()), Keys.version(id), idempotencyKey(id, counter, press),
        Keys.counterLog(id, day));
    List<String> args = List.of(id, counter.id(), open ? "1" : "0", Keys.EVENTS_CHANNEL, millis(press.now()),
        press.by(), keyGiven(press), Long.toString(IDEMPOTENCY_TTL_SECONDS), Keys.ticketPrefix(id), day,
        Long.toString(historySeconds));
    return redis.script("counter_session", keys, args).map(raw -> {
      JsonObject json = new JsonObject(raw);
      String error = json.getString("error");
      if ("counter_has_ticket".equals(error)) {
        throw ApiException.conflict(error, counter.name(), json.getString("number"))
            .with("ticket", new JsonObject().put("number", json.getString("number"))
                .put("status", json.getString("status")));
      }
      if (error != null) {
        throw refusal(error, json.getString("status", ""));
      }
      return new Session(json.getBoolean("open"), json.getString("by"), instant(json.getLong("since")),
          json.getString("tookOverFrom"), json.getBoolean("replayed", false));
    });
  }

  @Override
  public Future<List<FieldWait>> fieldWaits(Office office, LocalDate serviceDate) {
    String day = ServiceDay.key(serviceDate);
    List<ServiceDef> fields = office.services();
    List<String> keys = fields.stream().map(s -> Keys.queue(office.id(), day, s.code())).toList();
    return redis.script("field_waits", keys, List.of()).map(raw -> {
      JsonArray all = new JsonArray(raw);
      List<FieldWait> out = new ArrayList<>(fields.size());
      for (int i = 0; i < fields.size(); i++) {
        JsonObject f = all.getJsonObject(i);
        Long oldest = f.getLong("oldest");
        out.add(new FieldWait(fields.get(i).code(), f.getInteger("waiting"),
            oldest == null ? null : Instant.ofEpochMilli(oldest), fields.get(i).targetWaitMinutes()));
      }
      return out;
    });
  }

  @Override
  public Future<CounterView> counterView(Office office, Counter counter, LocalDate serviceDate) {
    String id = office.id();
    String day = ServiceDay.key(serviceDate);
    List<String> keys = new ArrayList<>(List.of(Keys.counter(id, counter.id()), Keys.servedCounts(id, day)));
    List<String> args = new ArrayList<>(List.of(counter.id(), Keys.ticketPrefix(id), day,
        Integer.toString(counter.fields().size())));
    counter.fields().forEach(service -> {
      keys.add(Keys.queue(id, day, service));
      args.add(service);
    });
    return run("counter_view", keys, args).compose(this::withHolderName).map(json -> {
      JsonObject queues = json.getValue("queues") instanceof JsonObject q ? q : new JsonObject();
      Map<String, Waiting> waiting = new LinkedHashMap<>();
      counter.fields().forEach(service -> {
        JsonObject q = queues.getJsonObject(service, new JsonObject());
        waiting.put(service, new Waiting(q.getInteger("waiting", 0), q.getInteger("priority", 0)));
      });
      return new CounterView(json.getBoolean("paused", false), json.getString("reason"), json.getString("note"),
          instant(json.getLong("pausedAt")), json.getString("pausedBy"), TicketCodec.read(id, json.getJsonObject("ticket")),
          json.getInteger("served", 0), waiting, new Session(json.getString("sessionBy") != null,
              json.getString("sessionBy"), instant(json.getLong("sessionSince")), null, false),
          json.getString("sessionName"));
    });
  }

  /** The counter view with its session holder's full name (the account's user hash: another slot). */
  private Future<JsonObject> withHolderName(JsonObject view) {
    String by = view.getString("sessionBy");
    int colon = by == null ? -1 : by.indexOf(':');
    if (colon < 0) {
      return Future.succeededFuture(view);
    }
    return redis.call(c -> c.hget(Keys.user(by.substring(colon + 1)), "fullName"))
        .map(name -> view.put("sessionName", name))
        .otherwise(failed -> view);
  }

  @Override
  public Future<Placed> find(String office, String ticketId) {
    // the live version read in the same step as the place: the ticket page's deltas start after it
    return redis.script("ticket_view", List.of(Keys.ticket(office, ticketId), Keys.version(office)),
        List.of(Keys.queuePrefix(office), ticketId)).map(raw -> {
          TicketCodec.Answer answer = TicketCodec.answer(office, raw);
          if (answer.error() != null) {
            throw refusal(answer.error(), answer.status());
          }
          JsonObject live = new JsonObject(raw).getJsonObject("live");
          return new Placed(answer.ticket(), answer.position(), false, null,
              live == null || live.getLong("version") == null ? null
                  : new LiveMark(live.getLong("version"), live.getString("epoch")));
        });
  }

  @Override
  public Future<JsonObject> snapshot(Office office, LocalDate serviceDate) {
    String id = office.id();
    String day = ServiceDay.key(serviceDate);
    List<String> keys = new ArrayList<>(List.of(Keys.version(id), Keys.eventLog(id)));
    List<String> args = new ArrayList<>(List.of(Integer.toString(office.counters().size()),
        Integer.toString(office.services().size()), Keys.ticketPrefix(id)));
    office.counters().forEach(c -> {
      keys.add(Keys.counter(id, c.id()));
      args.add(c.id());
    });
    office.services().forEach(s -> {
      keys.add(Keys.queue(id, day, s.code()));
      args.add(s.code());
    });
    args.add(Integer.toString(RECENT_CALLS));
    // stream: the recent calls are the day's, read from the event log back to the day's start
    args.add(Long.toString(serviceDate.atStartOfDay(office.timezone()).toInstant().toEpochMilli()));
    return run("snapshot", keys, args).map(json -> json
        .put("counters", list(json.getValue("counters")))
        .put("recentCalls", list(json.getValue("recentCalls"))));
  }

  @Override
  public Future<Set<LocalDate>> openDays(String office) {
    return redis.call(c -> c.smembers(Keys.openDays(office))).map(days -> {
      Set<LocalDate> out = new TreeSet<>();
      days.forEach(d -> out.add(ServiceDay.parseKey(d)));
      return out;
    });
  }

  @Override
  public Future<DayClose> closeDay(Office office, LocalDate serviceDate, Instant now, int cursor, int batch) {
    String id = office.id();
    String day = ServiceDay.key(serviceDate);
    List<String> keys = new ArrayList<>(List.of(Keys.dayTickets(id, day), Keys.dayState(id, day), Keys.version(id)));
    office.counters().forEach(c -> keys.add(Keys.counter(id, c.id())));
    office.services().forEach(s -> keys.add(Keys.queue(id, day, s.code())));
    List<String> args = List.of(id, day, millis(now), Keys.EVENTS_CHANNEL, Keys.ticketPrefix(id),
        Integer.toString(batch), Integer.toString(cursor), Integer.toString(office.counters().size()),
        Integer.toString(office.services().size()));
    return run("close_day", keys, args).map(json -> new DayClose(json.getBoolean("closed"),
        json.getBoolean("already", false), json.getInteger("next", -1), json.getInteger("expired", 0)));
  }

  @Override
  public Future<Void> forgetDay(String office, LocalDate serviceDate) {
    return redis.call(c -> c.srem(Keys.openDays(office), ServiceDay.key(serviceDate))).mapEmpty();
  }

  private static String idempotencyKey(String office, Counter counter, Press press) {
    return Keys.counterIdempotency(office, ServiceDay.key(press.serviceDate()), counter.id(), press.by(),
        press.idempotencyKey() == null ? "-" : press.idempotencyKey());
  }

  private static String keyGiven(Press press) {
    return press.idempotencyKey() == null ? "0" : "1";
  }

  /** Lua's cjson writes an empty table as {}: read that back as an empty list. */
  private static JsonArray list(Object value) {
    return value instanceof JsonArray array ? array : new JsonArray();
  }

  private Future<JsonObject> run(String script, List<String> keys, List<String> args) {
    return redis.script(script, keys, args).map(raw -> {
      JsonObject json = new JsonObject(raw);
      String error = json.getString("error");
      if (error != null) {
        throw refusal(error, json.getString("status", ""));
      }
      return json;
    });
  }

  /** A script that answers with tickets, read by TicketCodec's streaming reader; refusals as in run. */
  private Future<TicketCodec.Answer> tickets(String office, String script, List<String> keys, List<String> args) {
    return redis.script(script, keys, args).map(raw -> answer(office, raw));
  }

  private static TicketCodec.Answer answer(String office, String raw) {
    TicketCodec.Answer answer = TicketCodec.answer(office, raw);
    if (answer.error() != null) {
      throw refusal(answer.error(), answer.status());
    }
    return answer;
  }

  private static ApiException refusal(String error, String status) {
    return switch (error) {
      case "ticket_not_found" -> ApiException.notFound(error);
      default -> ApiException.conflict(error, status == null ? "" : status);
    };
  }

  private static Placed placed(TicketCodec.Answer answer) {
    return new Placed(answer.ticket(), answer.position(), answer.replayed(),
        RedisPredictionStore.estimate(answer.given()), null);
  }

  private static String orEmpty(String value) {
    return value == null ? "" : value;
  }

  private static Instant instant(Long millis) {
    return millis == null ? null : Instant.ofEpochMilli(millis);
  }

  private static String millis(Instant instant) {
    return Long.toString(instant.toEpochMilli());
  }
}
