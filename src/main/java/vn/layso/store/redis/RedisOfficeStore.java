package vn.layso.store.redis;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import vn.layso.office.OfficeJson;
import vn.layso.office.OfficeStore;
import vn.layso.office.domain.Office;
import vn.layso.office.domain.PendingSettings;
import vn.layso.office.domain.SettingsProblem;

/**
 * Office settings as JSON under the office's hash tag, with their revision and pending settings
 * beside them; a set of known office ids. Every save publishes the office id on
 * {@link Keys#CONFIG_CHANNEL} from within its script.
 */
public final class RedisOfficeStore implements OfficeStore {

  private final RedisStore redis;

  public RedisOfficeStore(RedisStore redis) {
    this.redis = redis;
  }

  private static List<String> keys(String office) {
    return List.of(Keys.officeConfig(office), Keys.officeRevision(office), Keys.officePending(office));
  }

  @Override
  public Future<List<Stored>> loadAll() {
    return redis.call(c -> c.smembers(Keys.OFFICES)).compose(ids -> Future.all(ids.stream().map(this::load).toList())
        .map(all -> all.<Optional<Stored>>list().stream().flatMap(Optional::stream).toList()));
  }

  @Override
  public Future<Optional<Stored>> load(String office) {
    return redis.script("load_office", keys(office), List.of()).map(raw -> {
      JsonObject json = new JsonObject(raw);
      if (!json.containsKey("config")) {
        return Optional.empty();
      }
      PendingSettings pending = null;
      if (json.getString("from") != null) {
        pending = new PendingSettings(LocalDate.parse(json.getString("from")),
            OfficeJson.read(new JsonObject(json.getString("settings"))), reasons(json.getString("reasons")));
      }
      return Optional.of(new Stored(OfficeJson.read(new JsonObject(json.getString("config"))),
          json.getLong("revision"), pending));
    });
  }

  @Override
  public Future<Boolean> createIfAbsent(Office office) {
    return redis.script("create_office", keys(office.id()),
            List.of(OfficeJson.write(office).encode(), office.id(), Keys.CONFIG_CHANNEL))
        .compose(created -> redis.call(c -> c.sadd(Keys.OFFICES, office.id())).map("1".equals(created)));
  }

  @Override
  public Future<Map<String, Long>> revisions() {
    return redis.call(c -> c.smembers(Keys.OFFICES)).compose(ids -> {
      if (ids.isEmpty()) {
        return Future.succeededFuture(Map.of());
      }
      List<String> order = new ArrayList<>(ids);
      String[] keys = order.stream().map(Keys::officeRevision).toArray(String[]::new);
      return redis.call(c -> c.mget(keys)).map(values -> {
        Map<String, Long> revisions = new LinkedHashMap<>();
        for (int i = 0; i < order.size(); i++) {
          var v = values.get(i);
          revisions.put(order.get(i), v.hasValue() ? Long.parseLong(v.getValue()) : 1L);
        }
        return revisions;
      });
    });
  }

  @Override
  public Future<Set<String>> issued(String office, String serviceDate, List<String> fields) {
    if (fields.isEmpty()) {
      return Future.succeededFuture(Set.of());
    }
    String[] keys = fields.stream().map(f -> Keys.sequence(office, f, serviceDate)).toArray(String[]::new);
    return redis.call(c -> c.mget(keys)).map(values -> {
      Set<String> issued = new HashSet<>();
      for (int i = 0; i < fields.size(); i++) {
        if (values.get(i).hasValue()) {
          issued.add(fields.get(i));
        }
      }
      return issued;
    });
  }

  @Override
  public Future<Outcome> save(Change change) {
    String office = change.office();
    List<String> keys = new ArrayList<>(keys(office));
    change.removedFields().forEach(f -> keys.add(Keys.queue(office, change.serviceDate(), f)));
    change.renumbered().keySet().forEach(f -> keys.add(Keys.sequence(office, f, change.serviceDate())));
    PendingSettings p = change.pending();
    List<String> args = new ArrayList<>(List.of(String.valueOf(change.expectedRevision()),
        OfficeJson.write(change.now()).encode(), p == null ? "" : p.from().toString(),
        p == null ? "" : OfficeJson.write(p.office()).encode(), p == null ? "" : reasons(p.reasons()).encode(),
        office, Keys.CONFIG_CHANNEL, String.valueOf(change.removedFields().size()),
        String.valueOf(change.renumbered().size())));
    args.addAll(change.removedFields());
    change.renumbered().values().forEach(issued -> args.add(issued ? "1" : "0"));
    return redis.script("save_settings", keys, args).map(raw -> {
      JsonObject answer = new JsonObject(raw);
      return switch (answer.getString("result")) {
        case "saved" -> new Outcome(Outcome.Kind.SAVED, answer.getLong("revision"), Map.of());
        case "conflict" -> new Outcome(Outcome.Kind.CONFLICT, answer.getLong("revision"), Map.of());
        case "waiting" -> {
          Map<String, Long> waiting = new LinkedHashMap<>();
          answer.getJsonArray("fields").forEach(f -> waiting.put(((JsonObject) f).getString("field"),
              ((JsonObject) f).getLong("waiting")));
          yield new Outcome(Outcome.Kind.WAITING, change.expectedRevision(), waiting);
        }
        case "stale" -> new Outcome(Outcome.Kind.STALE, change.expectedRevision(), Map.of());
        default -> new Outcome(Outcome.Kind.MISSING, 0, Map.of());
      };
    });
  }

  @Override
  public Future<Long> applyPending(String office, LocalDate today) {
    return redis.script("apply_pending", keys(office), List.of(today.toString(), office, Keys.CONFIG_CHANNEL))
        .map(Long::parseLong);
  }

  private static JsonArray reasons(List<SettingsProblem> reasons) {
    return new JsonArray(reasons.stream().map(r -> new JsonObject().put("path", r.path()).put("code", r.code())
        .put("args", new JsonArray(r.args()))).toList());
  }

  private static List<SettingsProblem> reasons(String raw) {
    List<SettingsProblem> out = new ArrayList<>();
    if (raw != null && !raw.isEmpty()) {
      new JsonArray(raw).forEach(o -> {
        JsonObject r = (JsonObject) o;
        out.add(new SettingsProblem(r.getString("path"), r.getString("code"),
            r.getJsonArray("args", new JsonArray()).stream().map(String::valueOf).toList()));
      });
    }
    return out;
  }
}
