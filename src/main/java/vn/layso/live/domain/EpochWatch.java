package vn.layso.live.domain;

import java.util.Objects;

/**
 * What one server knows of an office's stream of versions, to notice when the store's version
 * went backwards (a failover to a replica that lagged, a restore, a lost append-only file tail).
 * Versions only compare within one epoch. Two proofs of a step back, both free of races between
 * the event stream and direct reads:
 * <ul>
 *   <li>an event whose version is not above the last event of the same epoch (events arrive in
 *       the order the store wrote them);</li>
 *   <li>a read of the store that answers less than what was known before the read was sent.</li>
 * </ul>
 * When either holds, the server replaces the epoch in the store, so that every server and every
 * screen starts again from a snapshot. Not thread-safe: the hub uses it on one context.
 */
public final class EpochWatch {

  private String epoch;
  private long lastEvent = -1;
  private long known = -1;
  private long lastRead = -1;
  private long settled = -1;

  /** What this server knew at one moment: taken before a read of the store is sent. */
  public record Mark(String epoch, long known) {
  }

  public Mark mark() {
    return new Mark(epoch, known);
  }

  public String epoch() {
    return epoch;
  }

  /** The highest version of the current epoch known to this server (events, snapshots, reads). */
  public long known() {
    return known;
  }

  /** An event arrived: true when it proves that the version went backwards. */
  public boolean onEvent(String eventEpoch, long version) {
    if (adopt(eventEpoch, version)) {
      lastEvent = version;
      return false;
    }
    boolean backwards = version <= lastEvent;
    if (backwards) {
      restartAt(version);
    }
    lastEvent = version;
    known = Math.max(known, version);
    return backwards;
  }

  /** A snapshot of this epoch and version was read. */
  public void onSnapshot(String snapshotEpoch, long version) {
    if (!adopt(snapshotEpoch, version)) {
      known = Math.max(known, version);
    }
  }

  /**
   * A read of the store answered {@code storedEpoch} and {@code version}; {@code before} was taken
   * just before the read was sent. True when the version went backwards.
   */
  public boolean onRead(String storedEpoch, long version, Mark before) {
    if (adopt(storedEpoch, version)) {
      lastRead = version;
      return false;
    }
    if (Objects.equals(storedEpoch, before.epoch()) && version < before.known()) {
      restartAt(version);
      lastRead = version;
      return true;
    }
    settled = lastRead;
    lastRead = version;
    known = Math.max(known, version);
    return false;
  }

  /**
   * The version read the time before the last read, in this epoch (-1 if none): every event up to
   * it has had a whole heartbeat period to arrive, so a screen still behind it lost a delivery.
   */
  public long settled() {
    return settled;
  }

  /** The store's epoch was replaced (by this server or another) while it held {@code version}. */
  public void renewed(String newEpoch, long version) {
    adopt(newEpoch, version);
  }

  private boolean adopt(String newEpoch, long version) {
    if (Objects.equals(newEpoch, epoch)) {
      return false;
    }
    epoch = newEpoch;
    lastEvent = -1;
    restartAt(version);
    return true;
  }

  private void restartAt(long version) {
    known = version;
    lastRead = -1;
    settled = -1;
  }
}
