package vn.layso.office;

import io.vertx.core.Future;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import vn.layso.common.ApiException;
import vn.layso.office.domain.Office;

/** The offices this process serves, read from the store at start and held in memory. */
public final class OfficeRegistry {

  private final OfficeStore store;
  private final Map<String, Office> offices = new ConcurrentHashMap<>();

  public OfficeRegistry(OfficeStore store) {
    this.store = store;
  }

  public Future<Void> reload() {
    return store.loadAll().map(all -> {
      all.forEach(o -> offices.put(o.id(), o));
      return null;
    });
  }

  public Future<Boolean> seed(Office office) {
    return store.createIfAbsent(office).compose(created -> reload().map(created));
  }

  public Collection<Office> all() {
    return offices.values().stream().sorted(java.util.Comparator.comparing(Office::id)).toList();
  }

  public Optional<Office> find(String id) {
    return id == null ? Optional.empty() : Optional.ofNullable(offices.get(id));
  }

  public Office require(String id) {
    return find(id).orElseThrow(() -> ApiException.notFound("office_not_found", safe(id)));
  }

  /** Cuts an untrusted identifier down before it goes into a message. */
  public static String safe(String value) {
    if (value == null) {
      return "";
    }
    String s = value.replaceAll("[^\\p{L}\\p{N}_.-]", "?");
    return s.length() > 40 ? s.substring(0, 40) + "…" : s;
  }
}
