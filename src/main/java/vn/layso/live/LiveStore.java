package vn.layso.live;

import io.vertx.core.Future;

/** What the live hub reads and writes in the store, besides the snapshot itself. */
public interface LiveStore {

  /** An office's current version and epoch (version 0 and a null epoch before any). */
  record Stored(long version, String epoch) {
  }

  Future<Stored> stored(String office);

  /**
   * Replaces the office's epoch with a new one if it is still {@code seen} (so that two servers
   * that notice the same step back replace it once), and answers the epoch now in force.
   */
  Future<String> renewEpoch(String office, String seen);
}
