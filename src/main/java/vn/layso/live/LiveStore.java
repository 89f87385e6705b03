package vn.layso.live;

import io.vertx.core.Future;
import java.util.List;

/** What the live hub reads and writes in the store, besides the snapshot itself. */
public interface LiveStore {

  /** An office's current version and epoch (version 0 and a null epoch before any). */
  record Stored(long version, String epoch) {
  }

  /**
   * What the office's event log holds after a version: the epoch and version in force and, when
   * the log still holds every entry after it (and not too many), those entries' JSON in order;
   * otherwise none (a snapshot is due).
   */
  record Gap(String epoch, long version, List<String> events) {
  }

  Future<Stored> stored(String office);

  /**
   * Replaces the office's epoch with a new one if it is still {@code seen} (so that two servers
   * that notice the same step back replace it once), and answers the epoch now in force. The
   * replaced epoch's event log goes with it.
   */
  Future<String> renewEpoch(String office, String seen);

  /** The office's logged events after version {@code after}, at most {@code most} of them. */
  Future<Gap> gap(String office, long after, int most);
}
