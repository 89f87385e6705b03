package vn.layso.store.redis;

/**
 * The whole key schema. Every key that belongs to an office carries the hash tag {office}, so all
 * of an office's data lives in one Redis Cluster slot and one Lua script may touch any of it
 * (scripts that derive a ticket key from an id do so with {@link #ticketPrefix}, inside the slot).
 * Accounts and tokens carry the tag {auth}; rate windows are single keys without a tag.
 */
public final class Keys {

  /**
   * Pub/sub channel on which every state change of every office is published as JSON, as it is
   * appended to the office's {@link #eventLog} (docs/live.md).
   */
  public static final String EVENTS_CHANNEL = "layso:events";
  /**
   * Pub/sub channel of staff-only events (balance.advice): unversioned, never written to a public
   * live socket, only to sockets a staff token of the office has authenticated.
   */
  public static final String STAFF_EVENTS_CHANNEL = "layso:staff-events";
  /** Pub/sub channel of token revocations ("token:<sha-256>" or "user:<username>") for in-memory caches. */
  public static final String AUTH_CHANNEL = "layso:auth";
  public static final String OFFICES = "layso:offices";
  /** Pub/sub channel carrying the id of an office whose settings were saved (every server reloads it). */
  public static final String CONFIG_CHANNEL = "layso:config";

  private Keys() {
  }

  private static String office(String office) {
    return "layso:{" + office + "}:";
  }

  /** The office's configuration (JSON). */
  public static String officeConfig(String office) {
    return office(office) + "config";
  }

  /** The revision of the office's settings: 1 at creation, +1 per saved change (a missing key reads as 1). */
  public static String officeRevision(String office) {
    return office(office) + "config:revision";
  }

  /** Settings saved for the office's next day (hash: from, settings, reasons), absent when none. */
  public static String officePending(String office) {
    return office(office) + "config:pending";
  }

  /** Version of the office's live state, bumped by every event. */
  public static String version(String office) {
    return office(office) + "version";
  }

  /**
   * The office's epoch: one unbroken history of versions, named by the store's time in
   * microseconds when it began. Created by the first event or snapshot (emit in lib.lua,
   * snapshot.lua), replaced when a server sees the version go backwards (renew_epoch.lua).
   * Scripts derive it from the version key, in the same slot.
   */
  public static String epoch(String office) {
    return version(office) + ":epoch";
  }

  /**
   * The office's event log: a Redis Stream of its live events, capped at about
   * {@link #EVENT_LOG_CAP} entries, whose entry ids are {@code 0-<version>} (emit in lib.lua).
   * The recent calls are read from it (snapshot.lua) and sockets that missed deltas are repaired
   * from it (live_replay.lua). Scripts derive it from the version key, in the same slot.
   */
  public static String eventLog(String office) {
    return version(office) + ":log";
  }

  /** Entries the event log keeps at least (EVENT_LOG_CAP in lib.lua, which trims it; KeysTest checks both). */
  public static final int EVENT_LOG_CAP = 2000;

  /** Daily ticket sequence of one service; kept as long as the day's history. */
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

  /** A ticket's state: a hash of TicketFields (docs/storage.md). */
  public static String ticket(String office, String ticketId) {
    return ticketPrefix(office) + ticketId;
  }

  /** Suffix of a ticket's steps list on its key (scripts derive it: STEPS_SUFFIX in TicketFields' preamble). */
  public static final String TICKET_STEPS = ":steps";

  /** A ticket's steps, one compact entry per step, appended (TicketCodec.step reads one). */
  public static String ticketSteps(String office, String ticketId) {
    return ticket(office, ticketId) + TICKET_STEPS;
  }

  /** Suffix of a queue's walk-in index on the queue's key (WALK_INS_SUFFIX in the scripts). */
  public static final String QUEUE_WALK_INS = ":walk-ins";

  /**
   * The normal (neither priority nor appointment) walk-in tickets of one field's queue, with the
   * queue's scores: call_next.lua reads the first walk-in here instead of paging the queue. Every
   * script that adds to or removes from a queue keeps it in step.
   */
  public static String walkIns(String office, String serviceDate, String service) {
    return queue(office, serviceDate, service) + QUEUE_WALK_INS;
  }

  /** Set once every ticket stored as JSON by an earlier release is a hash (TicketMigration). */
  public static final String TICKET_HASH_MIGRATED = "layso:migrations:ticket-hash";

  public static String ticketPrefix(String office) {
    return office(office) + "ticket:";
  }

  /**
   * An issuing Idempotency-Key: per service day and per caller ({@code scope}: the account, or the
   * anonymous client's address), so yesterday's key or another caller's never returns a ticket.
   */
  public static String idempotency(String office, String serviceDate, String scope, String key) {
    return office(office) + "idem:" + serviceDate + ":" + scope + ":" + key;
  }

  /** A counter action's Idempotency-Key: per day, counter and account; holds the first answer. */
  public static String counterIdempotency(String office, String serviceDate, String counter, String scope,
                                          String key) {
    return office(office) + "cidem:" + serviceDate + ":" + counter + ":" + scope + ":" + key;
  }

  /** Every ticket issued on one service day (score: issue time), the day closer's and history's index. */
  public static String dayTickets(String office, String serviceDate) {
    return office(office) + "day:" + serviceDate + ":tickets";
  }

  /** A service day's closing state (hash): closedAt, expired count, and the history's archive marks. */
  public static String dayState(String office, String serviceDate) {
    return office(office) + "day:" + serviceDate + ":state";
  }

  /** A closed day's summary (JSON, see SummaryJson; stored gzip + base64); never expires. */
  public static String daySummary(String office, String serviceDate) {
    return office(office) + "day:" + serviceDate + ":summary";
  }

  /** The days (yyyyMMdd) that have a summary, scored by the same number, for date-range reads. */
  public static String summaryDays(String office) {
    return office(office) + "summary-days";
  }

  /** Held (SET NX, a few minutes) by the server archiving a closed day, so two do not both do it. */
  public static String archiveClaim(String office, String serviceDate) {
    return office(office) + "day:" + serviceDate + ":archiving";
  }

  /** The service days (yyyyMMdd) that have tickets and are not closed yet. */
  public static String openDays(String office) {
    return office(office) + "open-days";
  }

  /**
   * A counter's live state: current ticket, paused flag (with its reason, note and time), its
   * streaks, and its service-time statistics per field ('t:<field>' an exponentially weighted mean
   * in ms, 'n:<field>' completions: service_time_fields in lib.lua) and the id of the ticket it
   * completed last ('lastDone', for its rating tablet: rating_prompt.lua), kept by the steps that
   * complete.
   */
  public static String counter(String office, String counter) {
    return office(office) + "counter:" + counter;
  }

  /**
   * Completed tickets of one service day per counter (hash, field: counter id), counted by the
   * script that completes a ticket; lives as long as the day's history from a counter's first count.
   */
  public static String servedCounts(String office, String serviceDate) {
    return office(office) + "day:" + serviceDate + ":served";
  }

  /**
   * Every pause and resume of one service day (JSON, oldest first: counter, act, at, by, reason,
   * note); lives as long as the day's history from its first entry.
   */
  public static String counterLog(String office, String serviceDate) {
    return office(office) + "day:" + serviceDate + ":counter-log";
  }

  /**
   * Appointments of one day (the appointment's date, yyyyMMdd) per field (hash
   * {@code <field>|booked}, {@code <field>|checkedIn}, {@code <field>|noShow} -> count), counted by the
   * booking, cancel, reschedule, check-in and no-show scripts (HINCRBY) for the reports; never expires
   * (a few fields a day), unlike the appointments themselves.
   */
  public static String appointmentCounts(String office, String serviceDate) {
    return office(office) + "day:" + serviceDate + ":appointment-counts";
  }

  /**
   * Tickets of one service day whose last print failed (zset, score: when), until a later print of
   * the ticket succeeds; lives two days from its first entry.
   */
  public static String printFailures(String office, String serviceDate) {
    return office(office) + "print-failures:" + serviceDate;
  }

  /** Each printer's last known state (hash: printer id -> JSON status, reason, at, number); no expiry. */
  public static String printerStates(String office) {
    return office(office) + "printers";
  }

  /**
   * The audit log of one office and day (list of JSON entries, oldest first; see RedisAuditLog),
   * or with a null office the province-wide one (admins' own changes); lives as long as the history.
   */
  public static String audit(String office, String serviceDate) {
    return (office == null ? "layso:{auth}:" : office(office)) + "audit:" + serviceDate;
  }

  /**
   * An account (hash): username, passwordHash, role, office (its first office, kept for older
   * readers), offices (comma-separated), fullName, disabled ("1"), mustChange ("1"). An account
   * stored before offices existed has only office. Accounts and tokens share the hash tag {auth},
   * so account scripts stay in one cluster slot.
   */
  public static String user(String username) {
    return "layso:{auth}:user:" + username;
  }

  public static final String USERS = "layso:{auth}:users";

  /**
   * Set once the built-in admin has been created (or the store was found holding accounts): the
   * admin is bootstrapped only on a truly empty store, never silently re-created after a deletion.
   */
  public static final String ADMIN_BOOTSTRAPPED = "layso:{auth}:admin-bootstrapped";

  public static String token(String tokenHash) {
    return tokenPrefix() + tokenHash;
  }

  public static String tokenPrefix() {
    return "layso:{auth}:token:";
  }

  public static String userTokens(String username) {
    return "layso:{auth}:user-tokens:" + username;
  }

  /**
   * A paired device's record (hash): office, kind (kiosk, display, rating), counter, pairedAt (ms) and
   * lastSeenAt (ms, written at most once a minute); beside its DEVICE account.
   */
  public static String device(String username) {
    return "layso:{auth}:device:" + username;
  }

  /**
   * A pairing code shown on an unpaired device (e.g. "K7P4QX", stored without its dash): holds the
   * SHA-256 of the device's secret; lives as long as the code (10 minutes).
   */
  public static String pairingCode(String code) {
    return "layso:{auth}:pairing-code:" + code;
  }

  /**
   * A pairing in progress, under the SHA-256 of the device's secret (hash): code, expiresAt (ms),
   * status (waiting, paired) and, once claimed, the device's token, name, office, kind, counter
   * until the device has fetched them once.
   */
  public static String pairing(String secretHash) {
    return "layso:{auth}:pairing:" + secretHash;
  }

  /** The device names paired to one office (entries whose account is gone are skipped when read). */
  public static String officeDevices(String office) {
    return "layso:{auth}:office-devices:" + office;
  }

  public static String rateWindow(String client, long window) {
    return "layso:rate:" + client + ":" + window;
  }

  /**
   * Look-ups by booking code of one client address in one window (lookup_limit.lua); tagged with
   * the address so the failures key below shares its slot.
   */
  public static String lookups(String client, long window) {
    return "layso:lookup:{" + client + "}:" + window;
  }

  /** Look-ups of one client address that found nothing in one window (with the refusals once over budget). */
  public static String lookupFailures(String client, long window) {
    return lookups(client, window) + ":failed";
  }

  /** Look-ups of one booking code, named by its keyed hash (never the code), in one window. */
  public static String codeLookups(String codeHash, long window) {
    return "layso:lookup:code:" + codeHash + ":" + window;
  }

  // ---- booking (vn.layso.booking). Every booking key of an office carries its {office} tag, so
  // the reservation, cancel, reschedule and check-in scripts touch one cluster slot.

  /**
   * One appointment (hash), field names in {@link AppointmentFields}. Expires (PEXPIREAT) at the end
   * of the appointment's day plus the office's retention days: personal data goes with it.
   */
  public static String appointment(String office, String code) {
    return office(office) + "appt:" + code;
  }

  /** Prefix of appointment keys, for scripts that derive one from a code. */
  public static String appointmentPrefix(String office) {
    return office(office) + "appt:";
  }

  /**
   * Which office a booking code belongs to (string: the office id), written SET NX before the
   * reservation (so a code is unique across offices) and expiring with the appointment.
   */
  public static String appointmentOffice(String code) {
    return "layso:appt-office:" + code;
  }

  /**
   * The slot ledger of one field and day (hash: slot start "HH:mm" -> appointments holding a place,
   * i.e. BOOKED or CHECKED_IN; a cancel or a no-show gives the place back). Expires 2 days after the day.
   */
  public static String slotLedger(String office, String service, String date) {
    return office(office) + "slots:" + date + ":" + service;
  }

  /** Live holds of one slot (zset: hold id -> expiry ms); expired members are dropped by the scripts that read it. */
  public static String slotHolds(String office, String service, String date, String start) {
    return office(office) + "holds:" + date + ":" + service + ":" + start.replace(":", "");
  }

  /**
   * One hold (hash: service, date, start, expiresAt, session, address); lives an hour past the hold.
   * lib_booking.lua's drop_hold derives the hold's slot holds, address holds and session keys from
   * this key's office prefix: change them together. With phone verification (otp_send/otp_confirm.lua)
   * also: verified (the keyed hash of the phone proven for this hold), otpPhone (the keyed hash the
   * pending code was sent to), otpCode (HMAC of the pending code, bound to the office and hold),
   * otpExpiresAt (ms), otpTries (wrong tries of the pending code), otpSends, otpNextAt (ms, no new
   * code before) and otpMasked (the masked phone, 091****678).
   */
  public static String hold(String office, String holdId) {
    return office(office) + "hold:" + holdId;
  }

  /** Verification codes sent to one phone (by its keyed hash) on one day at one office (counter). */
  public static String otpPhoneDay(String office, String date, String phoneHash) {
    return office(office) + "otp:" + date + ":" + phoneHash;
  }

  /**
   * A booking page's session (hash: since ms, hold: the session's one live hold id), minted by
   * hold.lua when a hold names no known session; lives a few hours from its last hold.
   */
  public static String holdSession(String office, String session) {
    return office(office) + "hold-session:" + session;
  }

  /** Live holds taken from one client address (zset: hold id -> expiry ms), capped by booking.holdsPerAddress. */
  public static String addressHolds(String office, String address) {
    return office(office) + "hold-address:" + address;
  }

  /** A hold's Idempotency-Key (the first answer), per caller: its session, or its address without one. */
  public static String holdIdempotency(String office, String scope, String key) {
    return office(office) + "hold-idem:" + scope + ":" + key;
  }

  /**
   * A citizen's live bookings on one day at one office (hash: code -> field), by a keyed hash
   * (HMAC-SHA256, see PersonalDataKey) of the normalised phone ({@code kind} "p") or of the CCCD
   * ("c"): the per-citizen limits. Expires 2 days after the day.
   */
  public static String citizenDay(String office, String date, String kind, String keyedHash) {
    return office(office) + "citizen:" + date + ":" + kind + ":" + keyedHash;
  }

  /** The office's holiday calendar of one year (JSON, see HolidayJson); absent: the fixed-date holidays. */
  public static String holidays(String office, int year) {
    return office(office) + "holidays:" + year;
  }

  /** The appointment hash's field names, shared by the booking and check-in scripts. */
  public static final class AppointmentFields {
    public static final String CODE = "code";
    public static final String OFFICE = "office";
    public static final String SERVICE = "service";
    /** yyyy-MM-dd, office time zone. */
    public static final String DATE = "date";
    /** HH:mm, office time zone. */
    public static final String START = "start";
    public static final String END = "end";
    /** BOOKED, CANCELLED, CHECKED_IN, NO_SHOW. */
    public static final String STATUS = "status";
    /** The ticket id, after check-in. */
    public static final String TICKET = "ticket";
    /** Epoch ms. */
    public static final String CREATED_AT = "createdAt";
    public static final String UPDATED_AT = "updatedAt";
    /** NFC, as typed; sealed at rest (pd:..., see vn.layso.booking.PersonalData). */
    public static final String NAME = "name";
    /** +84…, for notifications; sealed at rest like the name. */
    public static final String PHONE = "phone";
    /** HMAC-SHA256 (hex) of the +84 phone: the cancel/reschedule proof and the limit key. */
    public static final String PHONE_HASH = "phoneHash";
    /** HMAC-SHA256 (hex) of the 12-digit CCCD. */
    public static final String CITIZEN_HASH = "citizenHash";
    public static final String CITIZEN_LAST4 = "citizenLast4";

    private AppointmentFields() {
    }
  }

  // ---- check-in (vn.layso.checkin)

  /**
   * The office's appointments not checked in yet (zset: code -> slot start as yyyyMMddHHmm, office
   * time; see DueKey): written by booking and rescheduling, left at check-in and by the no-show
   * sweep. Members leave it within a sweep period of their window's end; no expiry needed.
   */
  public static String appointmentsDue(String office) {
    return office(office) + "appt-due";
  }

  /** Prefix of the slot ledgers: + date + ':' + service (see {@link #slotLedger}). */
  public static String slotLedgerPrefix(String office) {
    return office(office) + "slots:";
  }

  // Notifications: the outbox and Zalo's tokens share the hash tag {notify} (one cluster slot), so
  // the claim, completion and token scripts may touch any of them.

  /**
   * One notification (hash): phone, template, data, status, attempts, times, last error, lease owner.
   * The phone and the data (JSON of the template values, which name the citizen) are sealed at rest.
   */
  public static String notification(String trackingId) {
    return notificationPrefix() + trackingId;
  }

  public static String notificationPrefix() {
    return "layso:{notify}:n:";
  }

  /** PENDING notifications by when they are due (ms). */
  public static final String NOTIFY_DUE = "layso:{notify}:due";
  /** Notifications being sent, by when their lease runs out (ms); an expired lease goes back to due. */
  public static final String NOTIFY_LEASED = "layso:{notify}:leased";
  /** Dead letters (FAILED after the last attempt, or refused by Zalo), by when they failed (ms). */
  public static final String NOTIFY_FAILED = "layso:{notify}:failed";
  /** Numbers without Zalo (-118) handed to the SMS fallback, by when (ms). */
  public static final String NOTIFY_NO_ZALO = "layso:{notify}:no-zalo";

  /** The tracking ids of one group (an appointment: "appt:<code>"), so its pending ones can be cancelled. */
  public static String notificationGroup(String group) {
    return "layso:{notify}:group:" + group;
  }

  /** Zalo OA tokens (hash): access, accessExpiresAt (ms), refresh, seed (SHA-256 of ZALO_REFRESH_TOKEN). */
  public static final String ZALO_TOKENS = "layso:{notify}:zalo-tokens";
  /** Held (SET NX PX) by the server refreshing the tokens: the refresh token is single-use. */
  public static final String ZALO_REFRESH_LOCK = "layso:{notify}:zalo-refresh-lock";

  // ---- personal data at rest (vn.layso.booking.PersonalData, the CRYPTO helper's block)
  // (the tag has an underscore, which no office id has: no office's keys can collide with these)

  /** The version new names and phones are sealed with (string, absent = 1); raised by the rotation command. */
  public static final String PD_VERSION = "layso:{personal_data}:version";
  /** While a rotation runs (or was interrupted): the version it re-encrypts to (string); gone when done. */
  public static final String PD_ROTATION = "layso:{personal_data}:rotation";
  /** SCAN pattern of the appointment records (every office), for the rotation. */
  public static final String APPOINTMENTS_PATTERN = "layso:{*}:appt:*";

  // ---- balancing advice (vn.layso.balance, the ADVICE helper's block)

  /**
   * The office's current balancing advice (hash): sig (what identifies it: kinds, fields, counters),
   * advice (the items as JSON, numbers of the latest round), since (ms, when it last changed).
   * Written by balance_publish.lua only; expires two days after its last write.
   */
  public static String balance(String office) {
    return office(office) + "balance";
  }

  // ---- wait prediction (vn.layso.predict; it also reads the counters' statistics above)

  /**
   * The wait predictions handed out on one service day (hash: ticket id ->
   * "ahead,p50,p90,rawP50,rawP90,field", ms, shown then the raw model's before calibration, then the
   * ticket's field; earlier releases wrote "ahead,p50,p90,rawP50,rawP90" and "ahead,p50,p90"), the
   * first one given per ticket; lives as long as the day's history. Written by dcbe586 and earlier
   * only: since issue 16b the record is the ticket hash's {@code given} field (TicketFields.GIVEN),
   * and this hash is only read, for a store written before (RedisPredictionStore.joined).
   */
  public static String predictionsGiven(String office, String serviceDate) {
    return office(office) + "predict:" + serviceDate + ":given";
  }

  /**
   * The called tickets' actual waits of one service day, in call order (list of "ticket id,actual ms",
   * written by call_next.lua; RedisPredictionStore joins each with its given prediction, a ticket's
   * first call only). Earlier releases wrote the prediction in the line itself:
   * "ahead,p50,p90,rawP50,rawP90,actual" or "ahead,p50,p90,actual" (raw = shown). Lives as long as
   * the day's history; calibration reads its last entries.
   */
  public static String predictionOutcomes(String office, String serviceDate) {
    return office(office) + "predict:" + serviceDate + ":outcomes";
  }

  /**
   * The ratings of one service day (hash: ticket id -> JSON level, levels, reasonCode, reason,
   * channel, at, field, counter, staff, hour), set once per ticket (HSETNX in rate_ticket.lua);
   * lives as long as the day's history from its first rating. Nothing personal is kept in it.
   */
  public static String ratings(String office, String serviceDate) {
    return office(office) + "day:" + serviceDate + ":ratings";
  }

  /**
   * The rating counts of one service day (hash: {@code <dim>|<key>|<level>} -> count, dim in all
   * (key *), field, counter, staff (staff:lan), hour ("07")), kept by rate_ticket.lua with the
   * ratings; lives as long as the day's history. Reports read only these.
   */
  public static String ratingCounts(String office, String serviceDate) {
    return office(office) + "day:" + serviceDate + ":rating-counts";
  }

  /**
   * A Zalo rating invitation's token (string: "office|ticket id"), so that the answer, which carries
   * the token as its tracking id, finds its ticket without the ticket id ever reaching Zalo; expires
   * with the rating window. Tagged {notify} like the outbox it travels through.
   */
  public static String ratingInvite(String token) {
    return "layso:{notify}:rating-invite:" + token;
  }

  /** The invitation token of one ticket (string), written SET NX so a ticket is invited once. */
  public static String ticketRatingInvite(String ticketId) {
    return "layso:{notify}:rating-invite-of:" + ticketId;
  }

  /**
   * Walk-in tickets issued per field and minute on one service day at an office open to anyone (hash:
   * {@code <field>:<epoch minute>} -> count), added to by every server from its own counts (QueueService.flushIssued), read by the manager's board
   * for the issuing-surge alert; expires two days after its last new minute.
   */
  public static String issuedPerMinute(String office, String serviceDate) {
    return office(office) + "day:" + serviceDate + ":issued-per-minute";
  }

  /**
   * The walk-in tickets one anonymous client address (its rate bucket) took in one field on one
   * service day at an office open to anyone (set of ticket ids): issue_ticket.lua counts the open ones
   * against {@code walkIn.openTicketsPerAddress} and drops the finished ones as it goes.
   */
  public static String walkInsOfAddress(String office, String serviceDate, String service, String client) {
    return office(office) + "day:" + serviceDate + ":walk-ins:" + service + ":" + client;
  }
}
