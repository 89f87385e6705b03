package vn.layso.office;

import io.vertx.core.Future;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import vn.layso.common.ApiException;
import vn.layso.office.domain.Office;
import vn.layso.office.domain.PendingSettings;

/**
 * The offices this process serves, held in memory and reloaded when their settings change (see
 * {@link ConfigWatcher}). Settings pending for a later day are resolved at read time: from the
 * office's midnight on, every server answers with them, whether or not the store applied them yet.
 */
public final class OfficeRegistry {

  private final OfficeStore store;
  private final Clock clock;
  private final Map<String, OfficeStore.Stored> offices = new ConcurrentHashMap<>();

  public OfficeRegistry(OfficeStore store, Clock clock) {
    this.store = store;
    this.clock = clock;
  }

  public Future<Void> reload() {
    return store.loadAll().map(all -> {
      all.forEach(this::keep);
      return null;
    });
  }

  /** Reloads one office (new or changed). */
  public Future<Void> reload(String id) {
    return store.load(id).map(found -> {
      found.ifPresent(this::keep);
      return null;
    });
  }

  /**
   * The store is the truth, even when its revision went down (a restored backup); two loads
   * finishing out of order are set right by the watcher's next comparison.
   */
  private void keep(OfficeStore.Stored stored) {
    offices.put(stored.office().id(), stored);
  }

  public Future<Boolean> seed(Office office) {
    return store.createIfAbsent(office).compose(created -> reload().map(created));
  }

  /** The revision held for each office (for the watcher's comparison with the store). */
  public Map<String, Long> revisions() {
    Map<String, Long> revisions = new java.util.HashMap<>();
    offices.forEach((id, stored) -> revisions.put(id, stored.revision()));
    return revisions;
  }

  /** Offices whose pending settings are due today but still stored as pending. */
  public Collection<OfficeStore.Stored> duePending() {
    return offices.values().stream().filter(s -> s.pending() != null && s.pending().dueOn(today(s.office())))
        .toList();
  }

  public Collection<Office> all() {
    return offices.values().stream().map(this::effective).sorted(Comparator.comparing(Office::id)).toList();
  }

  public Optional<Office> find(String id) {
    OfficeStore.Stored stored = id == null ? null : offices.get(id);
    return stored == null ? Optional.empty() : Optional.of(effective(stored));
  }

  public Office require(String id) {
    return find(id).orElseThrow(() -> ApiException.notFound("office_not_found", safe(id)));
  }

  private Office effective(OfficeStore.Stored stored) {
    PendingSettings pending = stored.pending();
    return pending != null && pending.dueOn(today(stored.office())) ? pending.office() : stored.office();
  }

  /** The office's calendar day now, in its time zone. */
  public LocalDate today(Office office) {
    return LocalDate.ofInstant(clock.instant(), office.timezone());
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
