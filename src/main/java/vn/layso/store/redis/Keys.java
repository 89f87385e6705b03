package vn.layso.store.redis;

/**
 * The whole key schema. Every key that belongs to an office carries the hash tag {office}, so all
 * of an office's data lives in one Redis Cluster slot and one Lua script may touch any of it
 * (scripts that derive a ticket key from an id do so with {@link #ticketPrefix}, inside the slot).
 * Accounts and tokens carry the tag {auth}; rate windows are single keys without a tag.
 */
public final class Keys {

  /** Pub/sub channel on which every state change of every office is published as JSON. */
  public static final String EVENTS_CHANNEL = "layso:events";
  /** Pub/sub channel of token revocations ("token:<sha-256>" or "user:<username>") for in-memory caches. */
  public static final String AUTH_CHANNEL = "layso:auth";
  public static final String OFFICES = "layso:offices";

  private Keys() {
  }

  private static String office(String office) {
    return "layso:{" + office + "}:";
  }

  /** The office's configuration (JSON). */
  public static String officeConfig(String office) {
    return office(office) + "config";
  }

  /** Version of the office's live state, bumped by every event. */
  public static String version(String office) {
    return office(office) + "version";
  }

  /** Daily ticket sequence of one service; expires two days after its day. */
  public static String sequence(String office, String service, String serviceDate) {
    return office(office) + "seq:" + serviceDate + ":" + service;
  }

  /**
   * Waiting tickets of one service on one day. Score: arrival (ms x 1000 + sequence), shifted below
   * zero for priority tickets so they come first (see queue_score in lib.lua).
   */
  public static String queue(String office, String serviceDate, String service) {
    return office(office) + "queue:" + serviceDate + ":" + service;
  }

  /** Prefix of queue keys, for scripts that rebuild a ticket's own queue key from its fields. */
  public static String queuePrefix(String office) {
    return office(office) + "queue:";
  }

  public static String ticket(String office, String ticketId) {
    return ticketPrefix(office) + ticketId;
  }

  public static String ticketPrefix(String office) {
    return office(office) + "ticket:";
  }

  public static String idempotency(String office, String key) {
    return office(office) + "idem:" + key;
  }

  /** A counter's live state: current ticket, paused flag, priority streak. */
  public static String counter(String office, String counter) {
    return office(office) + "counter:" + counter;
  }

  /** The most recent calls (JSON), newest first, for the lobby screen's snapshot. */
  public static String recentCalls(String office) {
    return office(office) + "calls";
  }

  /** Accounts and tokens share the hash tag {auth}, so account scripts stay in one cluster slot. */
  public static String user(String username) {
    return "layso:{auth}:user:" + username;
  }

  public static final String USERS = "layso:{auth}:users";

  public static String token(String tokenHash) {
    return tokenPrefix() + tokenHash;
  }

  public static String tokenPrefix() {
    return "layso:{auth}:token:";
  }

  public static String userTokens(String username) {
    return "layso:{auth}:user-tokens:" + username;
  }

  public static String rateWindow(String client, long window) {
    return "layso:rate:" + client + ":" + window;
  }
}
