package vn.layso.live.domain;

/**
 * The rules of one socket's versioned stream, apart from any I/O. A socket starts with a
 * snapshot; after it, a delta is sent only if its version is exactly one more than the last one
 * sent. An older delta is dropped; a gap means a lost delivery and calls for a fresh snapshot; a
 * reader whose write queue is full is "stale": it is sent nothing more until its queue drains (or a
 * heartbeat finds it idle), and then gets a snapshot instead of the deltas it missed.
 */
public final class DeltaGate {

  /** What to do with one delta. */
  public enum Decision { SEND, DROP, SKIP, RESYNC }

  private long lastSent = -1;
  private boolean syncing;
  private boolean stale;

  /** Before a snapshot is fetched: false when one is on its way already (do not fetch twice). */
  public boolean beginSnapshot() {
    if (syncing) {
      return false;
    }
    syncing = true;
    stale = false;
    return true;
  }

  /** The snapshot at {@code version} was written; deltas after it may follow. */
  public void snapshotSent(long version) {
    lastSent = version;
    syncing = false;
  }

  /** While a snapshot is being fetched, deltas wait in a buffer instead of being judged. */
  public boolean syncing() {
    return syncing;
  }

  public Decision onDelta(long version, boolean writeQueueFull) {
    if (version <= lastSent) {
      return Decision.DROP;
    }
    if (stale || writeQueueFull) {
      stale = true;
      return Decision.SKIP;
    }
    if (version != lastSent + 1) {
      return Decision.RESYNC;
    }
    lastSent = version;
    return Decision.SEND;
  }

  /** The socket's write queue drained: true when a snapshot should now replace what was skipped. */
  public boolean onDrain() {
    return stale && !syncing;
  }

  /**
   * The store's current version, sent every few seconds: true when this socket is behind (its last
   * delta was lost, or it skipped deltas) and can take a snapshot now.
   */
  public boolean onHeartbeat(long storedVersion, boolean writeQueueFull) {
    return !syncing && !writeQueueFull && (stale || storedVersion > lastSent);
  }

  public long lastSent() {
    return lastSent;
  }
}
