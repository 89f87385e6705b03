package vn.layso.live.domain;

import java.util.Objects;

/**
 * The rules of one socket's versioned stream, apart from any I/O. A socket starts with a
 * snapshot at some epoch and version; after it, a delta is sent only if it belongs to the same
 * epoch and its version is exactly one more than the last one sent. An older delta is dropped; a
 * gap means a lost delivery, and a delta of another epoch means the store's history was replaced
 * (restore, failover): both call for a fresh snapshot. A reader whose write queue is full is
 * "stale": it is sent nothing more until its queue drains (or a heartbeat finds it idle), and then
 * gets a snapshot instead of the deltas it missed.
 */
public final class DeltaGate {

  /** What to do with one delta. */
  public enum Decision { SEND, DROP, SKIP, RESYNC }

  private long lastSent = -1;
  private String epoch;
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

  /** The snapshot at {@code epoch} and {@code version} was written; deltas after it may follow. */
  public void snapshotSent(long version, String epoch) {
    lastSent = version;
    this.epoch = epoch;
    syncing = false;
  }

  /** The snapshot arrived while the write queue was full: it was not written; send one after the drain. */
  public void snapshotNotWritten() {
    syncing = false;
    stale = true;
  }

  /** While a snapshot is being fetched, deltas wait in a buffer instead of being judged. */
  public boolean syncing() {
    return syncing;
  }

  public Decision onDelta(long version, String epoch, boolean writeQueueFull) {
    boolean sameEpoch = Objects.equals(epoch, this.epoch);
    if (sameEpoch && version <= lastSent) {
      return Decision.DROP;
    }
    if (stale || writeQueueFull) {
      stale = true;
      return Decision.SKIP;
    }
    if (!sameEpoch || version != lastSent + 1) {
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
   * The store's state, sent every few seconds: {@code settledVersion} is a version every delivery
   * up to which has had time to arrive. True when this socket can take a snapshot now and needs
   * one: its last delta was lost, it skipped deltas, or the store's epoch is not the one it shows.
   */
  public boolean onHeartbeat(long settledVersion, String storedEpoch, boolean writeQueueFull) {
    return !syncing && !writeQueueFull
        && (stale || !Objects.equals(storedEpoch, epoch) || settledVersion > lastSent);
  }

  public long lastSent() {
    return lastSent;
  }
}
