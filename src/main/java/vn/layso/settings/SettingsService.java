package vn.layso.settings;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.text.Normalizer;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.layso.audit.AuditLog;
import vn.layso.audit.domain.AuditEntry;
import vn.layso.auth.domain.Principal;
import vn.layso.common.ApiException;
import vn.layso.office.OfficeJson;
import vn.layso.office.OfficeRegistry;
import vn.layso.office.OfficeStore;
import vn.layso.office.SettingsValidator;
import vn.layso.office.domain.Office;
import vn.layso.office.domain.SettingsDiff;
import vn.layso.office.domain.SettingsProblem;
import vn.layso.office.domain.SettingsProblems;
import vn.layso.office.domain.SettingsSplit;
import vn.layso.queue.domain.ServiceDay;

/**
 * Reads and saves an office's settings: the whole document validated at once, saved only over the
 * revision the manager edited, with what cannot change mid-day held for the next day, the change
 * written to the audit log (changed paths only) and announced to every server.
 */
public final class SettingsService {

  private static final Logger LOG = LoggerFactory.getLogger(SettingsService.class);
  /** A first ticket of a renumbered field arriving during a save makes the split stale; split again. */
  private static final int SPLIT_ATTEMPTS = 3;

  private final OfficeStore store;
  private final OfficeRegistry registry;
  private final AuditLog audit;
  private final Clock clock;

  public SettingsService(OfficeStore store, OfficeRegistry registry, AuditLog audit, Clock clock) {
    this.store = store;
    this.registry = registry;
    this.audit = audit;
    this.clock = clock;
  }

  /**
   * What this server can do, checked beside the document (a setting that needs a channel this
   * server lacks, such as phone verification without Zalo's OTP template or the SMS hook).
   */
  public interface ServerCheck {
    List<SettingsProblem> problems(Office office);
  }

  private ServerCheck serverCheck = office -> List.of();

  /** Adds the server's own check of saved and created settings (set once at wiring). */
  public SettingsService checking(ServerCheck check) {
    this.serverCheck = check;
    return this;
  }

  private Office serverChecked(Office office) {
    List<SettingsProblem> problems = serverCheck.problems(office);
    if (!problems.isEmpty()) {
      throw invalid(problems);
    }
    return office;
  }

  /** The stored settings, with pending settings applied first when their day has come. */
  public Future<OfficeStore.Stored> read(String office) {
    return load(office).compose(stored -> {
      if (stored.pending() == null || !stored.pending().dueOn(registry.today(stored.office()))) {
        return Future.succeededFuture(stored);
      }
      return store.applyPending(office, registry.today(stored.office()))
          .compose(applied -> registry.reload(office)).compose(v -> load(office));
    });
  }

  private Future<OfficeStore.Stored> load(String office) {
    return store.load(office).map(found -> found.orElseThrow(
        () -> ApiException.notFound("office_not_found", OfficeRegistry.safe(office))));
  }

  public Future<OfficeStore.Stored> save(String officeId, long expected, JsonObject body, Principal by) {
    Office next;
    try {
      next = serverChecked(validated(body, officeId));
    } catch (InvalidSettings refused) {
      return Future.failedFuture(refused);
    }
    return read(officeId).compose(stored -> attempt(stored, expected, next, by, SPLIT_ATTEMPTS));
  }

  private Future<OfficeStore.Stored> attempt(OfficeStore.Stored stored, long expected, Office next, Principal by,
                                             int attemptsLeft) {
    if (stored.revision() != expected) {
      return Future.failedFuture(conflict(stored.revision()));
    }
    Office current = stored.office();
    var today = registry.today(current);
    String serviceDate = ServiceDay.key(today);
    List<String> renumbered = SettingsSplit.renumbered(current, next);
    return store.issued(current.id(), serviceDate, renumbered).compose(issued -> {
      SettingsSplit.Plan plan = SettingsSplit.plan(current, next, issued, today);
      Map<String, Boolean> assumed = new LinkedHashMap<>();
      renumbered.forEach(f -> assumed.put(f, issued.contains(f)));
      return store.save(new OfficeStore.Change(current.id(), expected, plan.now(), plan.pending(),
          SettingsSplit.removed(current, next), assumed, serviceDate));
    }).compose(outcome -> switch (outcome.kind()) {
      case SAVED -> registry.reload(current.id())
          .compose(v -> record(by, "settings.update", current, next, changedPaths(current, next)))
          .compose(v -> load(current.id()));
      case CONFLICT -> Future.failedFuture(conflict(outcome.revision()));
      case WAITING -> Future.failedFuture(invalid(stillWaiting(current, outcome.waiting())));
      case STALE -> attemptsLeft > 1 ? read(current.id()).compose(s -> attempt(s, expected, next, by, attemptsLeft - 1))
          : Future.failedFuture(conflict(outcome.revision()));
      case MISSING -> Future.failedFuture(ApiException.notFound("office_not_found", current.id()));
    });
  }

  /** An admin creates an office from a settings document: revision 1 on every server. */
  public Future<OfficeStore.Stored> create(JsonObject body, Principal by) {
    Office office;
    try {
      office = serverChecked(validated(body, null));
    } catch (InvalidSettings refused) {
      return Future.failedFuture(refused);
    }
    return store.createIfAbsent(office).compose(created -> {
      if (!created) {
        return Future.failedFuture(ApiException.conflict("office_exists", office.id()));
      }
      return registry.reload(office.id())
          .compose(v -> audit.record(office.id(), office.timezone(), new AuditEntry(clock.instant(), by.source(),
              "office.create", "office:" + office.id(), null, OfficeJson.write(office).encode())))
          .compose(v -> load(office.id()));
    });
  }

  /** The office the document describes, or 400 invalid_settings listing every problem. */
  private static Office validated(JsonObject body, String pathId) {
    JsonObject doc = (JsonObject) nfc(body);
    doc.remove("revision");
    doc.remove("pending");
    if (pathId != null) {
      Object id = doc.getValue("id");
      if (id == null) {
        doc.put("id", pathId);
      } else if (!pathId.equals(id)) {
        SettingsProblems mismatch = new SettingsProblems();
        mismatch.add("id", "id_mismatch", pathId);
        throw invalid(mismatch.list());
      }
    }
    SettingsValidator.Result result = SettingsValidator.check(doc);
    if (!result.valid()) {
      throw invalid(result.problems().list());
    }
    return result.office();
  }

  private static List<SettingsProblem> stillWaiting(Office current, Map<String, Long> waiting) {
    List<SettingsProblem> problems = new ArrayList<>();
    for (int i = 0; i < current.services().size(); i++) {
      String code = current.services().get(i).code();
      if (waiting.containsKey(code)) {
        problems.add(new SettingsProblem("services[" + i + "]", "field_has_waiting",
            List.of(code, String.valueOf(waiting.get(code)))));
      }
    }
    return problems;
  }

  private Future<Void> record(Principal by, String action, Office before, Office after, JsonObject[] changes) {
    if (changes[0].isEmpty() && changes[1].isEmpty()) {
      return Future.succeededFuture();
    }
    // the change is saved: a failed audit write is logged, not answered as a failed save
    return audit.record(before.id(), before.timezone(), new AuditEntry(clock.instant(), by.source(), action,
        "office:" + before.id(), changes[0].encode(), changes[1].encode()))
        .recover(t -> {
          LOG.atError().addKeyValue("office", before.id()).addKeyValue("error", t.toString())
              .log("settings saved but not audited");
          return Future.succeededFuture();
        });
  }

  /** Before and after of the changed paths only: {"services[1].prefix": "B"} and {"services[1].prefix": "K"}. */
  static JsonObject[] changedPaths(Office before, Office after) {
    JsonObject was = new JsonObject();
    JsonObject is = new JsonObject();
    for (SettingsDiff.Change c : SettingsDiff.between(plain(OfficeJson.write(before)), plain(OfficeJson.write(after)))) {
      was.put(c.path(), c.before());
      is.put(c.path(), c.after());
    }
    return new JsonObject[] {was, is};
  }

  /** A copy with every text (keys too) in NFC, as names are stored and compared. */
  static Object nfc(Object value) {
    if (value instanceof JsonObject o) {
      JsonObject copy = new JsonObject();
      o.forEach(e -> copy.put(Normalizer.normalize(e.getKey(), Normalizer.Form.NFC), nfc(e.getValue())));
      return copy;
    }
    if (value instanceof JsonArray a) {
      JsonArray copy = new JsonArray();
      a.forEach(v -> copy.add(nfc(v)));
      return copy;
    }
    return value instanceof String text ? Normalizer.normalize(text, Normalizer.Form.NFC) : value;
  }

  /** JSON as plain Java maps and lists, for the pure diff. */
  static Object plain(Object value) {
    if (value instanceof JsonObject o) {
      Map<String, Object> map = new LinkedHashMap<>();
      o.forEach(e -> map.put(e.getKey(), plain(e.getValue())));
      return map;
    }
    if (value instanceof JsonArray a) {
      List<Object> list = new ArrayList<>();
      a.forEach(v -> list.add(plain(v)));
      return list;
    }
    return value;
  }

  private static ApiException conflict(long revision) {
    return new ApiException(ApiException.Kind.PRECONDITION_FAILED, "revision_conflict", revision)
        .with("revision", revision);
  }

  private static InvalidSettings invalid(List<SettingsProblem> problems) {
    return new InvalidSettings(problems);
  }
}
