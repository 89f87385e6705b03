// The booking page's hold: the one place kept while the form is filled, and the session that owns
// it (a token the server mints), both in sessionStorage. The server keeps one live hold per
// session, so a reload that picks a slot again replaces the old hold instead of leaking it; another
// slot names the previous hold in `replaces`; "Đổi" and leaving the page give it back at once
// (DELETE, with fetch keepalive when the page goes away); a booking converts it.
import { api, newKey } from '../assets/api.js';

const STORE = 'layso.book.hold';

function read() {
  try {
    return JSON.parse(sessionStorage.getItem(STORE)) || {};
  } catch (unavailable) {
    return {};
  }
}

function write(value) {
  try {
    sessionStorage.setItem(STORE, JSON.stringify(value));
  } catch (unavailable) { /* private mode: the session lives as long as the page */ }
}

function path(office, hold) {
  return '/api/v1/offices/' + encodeURIComponent(office) + '/holds' + (hold ? '/' + encodeURIComponent(hold) : '');
}

/** The session to send with a booking, or null. */
export function holdSession() {
  return read().session || null;
}

/** Holds a place of office; the previous hold of this page (a reload's too) is given back in the same step. */
export async function takeHold(office, service, date, start) {
  const saved = read();
  const body = { service, date, start };
  if (saved.session) body.session = saved.session;
  if (saved.hold && saved.office === office) body.replaces = saved.hold;
  const held = await api(path(office), { method: 'POST', body, idempotencyKey: newKey() });
  write({ office, session: held.session, hold: held.hold });
  return held;
}

/** Forgets the hold without a request: a booking converted it. */
export function holdUsed() {
  const saved = read();
  write({ session: saved.session });
}

/**
 * Gives the held place back now. keepalive: the page is going away, so the request must outlive
 * it and nobody waits for the answer.
 */
export function releaseHold(keepalive) {
  const saved = read();
  if (!saved.hold || !saved.office) return Promise.resolve();
  write({ session: saved.session });
  if (keepalive) {
    try {
      fetch(path(saved.office, saved.hold), { method: 'DELETE', keepalive: true });
    } catch (old) { /* a WebView without keepalive: the session's next hold replaces it */ }
    return Promise.resolve();
  }
  return api(path(saved.office, saved.hold), { method: 'DELETE' }).catch(() => null);
}
