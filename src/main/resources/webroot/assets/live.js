// The one live-stream client every page uses: the snapshot on connect, then versioned deltas;
// a dropped connection, a server restart or a silent socket reconnects with capped exponential
// backoff and jitter, and asks for the deltas it missed (?since=<version>&epoch=<epoch>): the
// server answers {"type":"replay","epoch","from","to"} and replays them from the office's event log,
// or sends a snapshot when it cannot (the gap is gone from the log, or the epoch changed). A
// version gap asks for the missing deltas the same way ({"type":"resync","since"}); a delta of
// another epoch asks for a fresh snapshot. It keeps no history of its own, so a screen that runs
// for weeks holds only what it shows.

const PING_EVERY_MS = 15000;
const SILENT_AFTER_MS = 40000;
const RESYNC_ANSWER_MS = 10000;

export const LiveStatus = Object.freeze({ CONNECTING: 'connecting', LIVE: 'live', OFFLINE: 'offline' });

export class LiveStream {
  /**
   * office: the office id. onSnapshot(snapshot): the whole state, on connect and whenever the
   * deltas missed cannot be replayed (a reconnect or resync then gets a snapshot).
   * onEvent(event, replayed): each delta, in version order, exactly once per version; replayed is
   * true for the deltas a reconnect or resync asked for (they happened while this client was away).
   * onStatus(status): connecting | live | offline.
   * token: a staff page's bearer token (or a function giving it): sent as the socket's first message
   * ({"type":"auth"}), so this socket also gets the office's staff-only events (balance.advice,
   * unversioned), each passed to onStaffEvent(event). onAuthFailed(error): the token was refused.
   */
  constructor({ office, onSnapshot, onEvent, onStatus = () => {}, minDelayMs = 500, maxDelayMs = 15000,
    token = null, onStaffEvent = () => {}, onAuthFailed = () => {} }) {
    this.office = office;
    this.token = token;
    this.onStaffEvent = onStaffEvent;
    this.onAuthFailed = onAuthFailed;
    this.onSnapshot = onSnapshot;
    this.onEvent = onEvent;
    this.onStatus = onStatus;
    this.minDelayMs = minDelayMs;
    this.maxDelayMs = maxDelayMs;
    this.version = null;
    this.epoch = null;
    this.failures = 0;
    this.socket = null;
    this.timers = {};
    this.stopped = true;
    this.status = null;
    this.lastMessageAt = 0;
    this.awaitingSnapshot = false;
    this.replayedTo = -1;
    this.wake = () => { if (!this.stopped && this.status === LiveStatus.OFFLINE) this.connectNow(); };
  }

  url() {
    const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
    const base = `${scheme}//${location.host}/api/v1/offices/${encodeURIComponent(this.office)}/live`;
    // a reconnect asks for the gap instead of a whole snapshot
    if (this.version !== null && this.epoch) {
      return `${base}?since=${encodeURIComponent(this.version)}&epoch=${encodeURIComponent(this.epoch)}`;
    }
    return base;
  }

  start() {
    this.stopped = false;
    window.addEventListener('online', this.wake);
    document.addEventListener('visibilitychange', this.wake);
    this.connectNow();
    return this;
  }

  stop() {
    this.stopped = true;
    window.removeEventListener('online', this.wake);
    document.removeEventListener('visibilitychange', this.wake);
    this.clearTimers();
    if (this.socket) this.socket.close(1000, 'bye');
    this.socket = null;
  }

  setStatus(status) {
    if (this.status !== status) {
      this.status = status;
      this.onStatus(status);
    }
  }

  clearTimers() {
    Object.values(this.timers).forEach(id => { clearTimeout(id); clearInterval(id); });
    this.timers = {};
  }

  connectNow() {
    this.clearTimers();
    if (this.socket) {
      const old = this.socket;
      this.socket = null;
      old.onclose = old.onmessage = old.onerror = null;
      try { old.close(); } catch (ignored) { /* already closed */ }
    }
    this.setStatus(this.failures === 0 && this.version === null ? LiveStatus.CONNECTING : LiveStatus.OFFLINE);
    let socket;
    try {
      socket = new WebSocket(this.url());
    } catch (refused) {
      this.scheduleReconnect();
      return;
    }
    this.socket = socket;
    this.awaitingSnapshot = true;
    socket.onmessage = (message) => this.received(message.data);
    socket.onclose = () => { if (this.socket === socket) { this.socket = null; this.scheduleReconnect(); } };
    socket.onerror = () => { /* onclose follows and reconnects */ };
    socket.onopen = () => {
      this.lastMessageAt = Date.now();
      const token = typeof this.token === 'function' ? this.token() : this.token;
      if (token) socket.send(JSON.stringify({ type: 'auth', token }));
      this.timers.ping = setInterval(() => this.keepAlive(), PING_EVERY_MS);
    };
  }

  scheduleReconnect() {
    this.clearTimers();
    if (this.stopped) return;
    this.setStatus(LiveStatus.OFFLINE);
    const ceiling = Math.min(this.maxDelayMs, this.minDelayMs * 2 ** Math.min(this.failures, 10));
    this.failures += 1;
    const delay = ceiling / 2 + Math.random() * ceiling / 2;
    this.timers.reconnect = setTimeout(() => this.connectNow(), delay);
  }

  keepAlive() {
    if (!this.socket || this.socket.readyState !== WebSocket.OPEN) return;
    if (Date.now() - this.lastMessageAt > SILENT_AFTER_MS) {
      this.socket.close(4000, 'silent');
      return;
    }
    this.send({ type: 'ping' });
  }

  send(message) {
    if (this.socket && this.socket.readyState === WebSocket.OPEN) this.socket.send(JSON.stringify(message));
  }

  /** Asks for what this client lacks: the deltas after its version (gap), or a fresh snapshot. */
  resync(gap = false) {
    if (this.awaitingSnapshot) return;
    this.awaitingSnapshot = true;
    this.send(gap && this.version !== null ? { type: 'resync', since: this.version } : { type: 'resync' });
    clearTimeout(this.timers.resync);
    this.timers.resync = setTimeout(() => { if (this.awaitingSnapshot && this.socket) this.socket.close(4001, 'no snapshot'); },
      RESYNC_ANSWER_MS);
  }

  received(text) {
    this.lastMessageAt = Date.now();
    let message;
    try {
      message = JSON.parse(text);
    } catch (notJson) {
      return;
    }
    if (message.type === 'replay') {
      // the deltas after `from` follow, in order; a replay of another history is refused
      if (message.epoch === this.epoch && message.from === this.version) {
        this.replayedTo = typeof message.to === 'number' ? message.to : -1;
        clearTimeout(this.timers.resync);
        this.awaitingSnapshot = false;
        this.failures = 0;
        this.setStatus(LiveStatus.LIVE);
      } else {
        this.awaitingSnapshot = false;
        this.resync();
      }
      return;
    }
    if (message.type === 'snapshot') {
      clearTimeout(this.timers.resync);
      this.awaitingSnapshot = false;
      this.version = message.version;
      this.epoch = message.epoch;
      this.replayedTo = -1;
      this.failures = 0;
      this.setStatus(LiveStatus.LIVE);
      this.onSnapshot(message);
      return;
    }
    if (typeof message.version !== 'number') {
      // unversioned: the answers to auth, ping and unknown messages, and staff-only events
      if (message.type === 'error' && (message.code === 'invalid_token' || message.code === 'forbidden')) {
        this.onAuthFailed(message);
      } else if (message.type !== 'pong' && message.type !== 'auth' && message.type !== 'error' && this.token) {
        this.onStaffEvent(message);
      }
      return;
    }
    if (this.awaitingSnapshot) return;
    if (message.epoch && this.epoch && message.epoch !== this.epoch) {
      this.resync();
    } else if (message.version === this.version + 1) {
      this.version = message.version;
      this.onEvent(message, message.version <= this.replayedTo);
    } else if (message.version > this.version + 1) {
      this.resync(true);
    }
  }
}
