package vn.layso.store.redis;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Objects;
import vn.layso.office.OfficeJson;
import vn.layso.office.OfficeStore;
import vn.layso.office.domain.Office;

/** Office configurations as JSON, with a set of known office ids. */
public final class RedisOfficeStore implements OfficeStore {

  private final RedisStore redis;

  public RedisOfficeStore(RedisStore redis) {
    this.redis = redis;
  }

  @Override
  public Future<List<Office>> loadAll() {
    return redis.call(c -> c.smembers(Keys.OFFICES)).compose(ids -> Future.all(ids.stream()
            .map(id -> redis.call(c -> c.get(Keys.officeConfig(id)))).toList())
        .map(all -> all.<String>list().stream().filter(Objects::nonNull)
            .map(raw -> OfficeJson.read(new JsonObject(raw))).toList()));
  }

  @Override
  public Future<Boolean> createIfAbsent(Office office) {
    String json = OfficeJson.write(office).encode();
    return redis.call(c -> c.setnx(Keys.officeConfig(office.id()), json))
        .compose(created -> redis.call(c -> c.sadd(Keys.OFFICES, office.id())).map(created));
  }
}
