package vn.layso.notify;

import io.vertx.core.Future;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import vn.layso.notify.domain.Notification;

/** The durable outbox: one record per tracking id, claimed with a lease, completed once. */
public interface NotificationStore {

  /** A notification claimed for sending: what to send and which attempt this is (1-based). */
  record Claimed(String trackingId, String phone, String template, Map<String, String> data, int attempts) {
  }

  /** A notification as an admin sees it (the phone masked by the caller). */
  record Entry(String trackingId, String group, String phone, String template, String status, int attempts,
               Instant notBefore, Instant createdAt, Instant updatedAt, String lastError, String msgId) {
  }

  /** How a send ended. */
  enum Outcome { SENT, RETRY, FAILED, NO_ZALO }

  /** True when queued now, false when the tracking id was already there (nothing changes then). */
  Future<Boolean> enqueue(Notification n, Map<String, String> fittedData, Instant now, long retentionSeconds);

  Future<List<Claimed>> claim(String owner, Instant now, Instant leaseUntil, int limit);

  /** False when the lease was lost to another worker (the outcome was not recorded). */
  Future<Boolean> complete(String trackingId, String owner, Outcome outcome, Instant now, Instant nextDue,
                           String error, String msgId);

  Future<Integer> cancelGroup(String group, Instant now);

  /** Dead letters (status FAILED) or NO_ZALO ones, newest first. */
  Future<List<Entry>> list(String status, int limit);

  Future<Entry> find(String trackingId);

  Future<Void> retry(String trackingId, Instant now);
}
