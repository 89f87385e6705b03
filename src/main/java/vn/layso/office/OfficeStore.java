package vn.layso.office;

import io.vertx.core.Future;
import java.util.List;
import vn.layso.office.domain.Office;

/** Where office configurations live. */
public interface OfficeStore {

  Future<List<Office>> loadAll();

  /** Saves the office only if none with its id exists yet; true when it was saved. */
  Future<Boolean> createIfAbsent(Office office);
}
