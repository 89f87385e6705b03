package vn.layso.live.domain;

import java.util.Objects;

/**
 * The rules of one socket's versioned stream, apart from any I/O. A socket starts with a
 * snapshot at some epoch and version (or, when its client said what it has, at that epoch and
 * version); after it, a delta is sent only if it belongs to the same epoch and its version is
 * exactly one more than the last one sent. An older delta is dropped; a gap means a lost delivery:
 * the missing deltas are replayed from the office's event log; a delta of another epoch means the
 * store's history was replaced (restore, failover): a fresh snapshot. A reader whose write queue
 * is full is "stale": it is sent nothing more until its queue drains (or a heartbeat finds it
 * idle), and then gets the deltas it missed replayed (a snapshot when the log no longer has them).
 * While a snapshot or a replay is on its way the socket is "syncing": deltas wait in a buffer.
 */
public final class DeltaGate {

  /** What to do with one delta. */
  public enum Decision { SEND, DROP, SKIP, REPLAY, RESYNC }

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

  /**
   * The client said it has every delta up to {@code version} of {@code epoch} (a reconnect that
   * asks for the gap): the socket's stream goes on from there once the gap is replayed.
   */
  public void resumeFrom(long version, String epoch) {
    lastSent = version;
    this.epoch = epoch;
  }

  /** Deltas up to {@code version} of {@code epoch} were written (replayed): deltas after it may follow. */
  public void caughtUp(long version, String epoch) {
    snapshotSent(version, epoch);
  }

  /** A replay stopped at a full write queue: the rest follows the drain. */
  public void replayCut(long version, String epoch) {
    snapshotSent(version, epoch);
    stale = true;
  }

  /**
   * Whether what this socket missed can be replayed from the event log of {@code storedEpoch}
   * (rather than replaced by a snapshot): it has a version of that epoch to continue from.
   */
  public boolean canReplay(String storedEpoch) {
    return lastSent >= 0 && epoch != null && epoch.equals(storedEpoch);
  }

  public String epoch() {
    return epoch;
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
    if (!sameEpoch || lastSent < 0) {
      return Decision.RESYNC;
    }
    if (version != lastSent + 1) {
      return Decision.REPLAY;
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
   * up to which has had time to arrive. True when this socket can be repaired now and needs it:
   * its last delta was lost, it skipped deltas (both: a replay, see {@link #canReplay}), or the
   * store's epoch is not the one it shows (a snapshot).
   */
  public boolean onHeartbeat(long settledVersion, String storedEpoch, boolean writeQueueFull) {
    return !syncing && !writeQueueFull
        && (stale || !Objects.equals(storedEpoch, epoch) || settledVersion > lastSent);
  }

  public long lastSent() {
    return lastSent;
  }
}
