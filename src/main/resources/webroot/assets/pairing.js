// Pairing by code, for devices nobody types a password into (kiosk, lobby display, rating tablet):
// the device asks for a short code, shows it in very large type and polls every 2 s with the secret
// that came with it; a manager types the code in the console (Thiết bị), choosing the device's
// kind, name and counter, and the next poll hands the device its own token, once. An expired code is
// replaced by a fresh one. The token is stored under storageKey; codes and secrets are never logged.
import { api, onFreshToken } from './api.js';
import { t } from './i18n.js';

const POLL_MS = 2000;
const RETRY_MS = 10000;

function el(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

function styles() {
  if (document.querySelector('link[data-pairing]')) return;
  const link = document.createElement('link');
  link.rel = 'stylesheet';
  link.href = '/static/assets/pairing.css';
  link.dataset.pairing = '';
  document.head.append(link);
}

/** The device stored under the key ({token, device, office, kind, counter, expiresAt}), or null. */
export function storedDevice(storageKey) {
  try { return JSON.parse(localStorage.getItem(storageKey)) || null; } catch (ignored) { return null; }
}

/**
 * Shows a pairing code in {@code container} until a manager claims it; then stores the device
 * ({token, device, office, kind, counter, expiresAt}) under {@code storageKey} and calls
 * {@code onPaired} with it. With {@code unpaired}, the code comes under "Thiết bị chưa ghép nối" and
 * what to do (a device whose token was revoked, unpaired or expired, or that never was paired).
 * Returns {stop()} to end it early (e.g. the page leaves the screen).
 */
export function pairDevice({ storageKey, onPaired, container, unpaired = false }) {
  styles();
  const code = el('p', 'pairing-code', '···-···');
  code.setAttribute('aria-live', 'polite');
  code.setAttribute('aria-atomic', 'true');
  const status = el('p', 'pairing-status', t('pairing.waiting'));
  status.setAttribute('role', 'status');
  const box = el('div', 'pairing');
  if (unpaired) {
    // a device that was paired (revoked, unpaired, expired) or is not: says so before the code
    box.classList.add('unpaired');
    box.append(el('div', 'unpaired-mark', '!'), el('h1', 'unpaired-title', t('pairing.unpairedTitle')),
      el('p', 'unpaired-text', t('pairing.unpairedText')));
  } else {
    box.append(el('p', 'pairing-title', t('pairing.title')));
  }
  box.append(code, el('p', 'pairing-how', t('pairing.instruction')), status);
  container.replaceChildren(box);

  let secret = null;
  let timer = null;
  let stopped = false;

  const later = (fn, ms) => { if (!stopped) timer = setTimeout(fn, ms); };

  async function fresh() {
    try {
      const answer = await api('/api/v1/devices/pairing-codes', { method: 'POST' });
      secret = answer.secret;
      code.textContent = answer.code;
      status.textContent = t('pairing.waiting');
      later(poll, POLL_MS);
    } catch (error) {
      code.textContent = '···-···';
      status.textContent = error.status === 429 ? t('pairing.tooMany') : t('pairing.offline');
      later(fresh, RETRY_MS);
    }
  }

  async function poll() {
    try {
      const answer = await api(`/api/v1/devices/pairing-codes/${encodeURIComponent(secret)}`);
      if (answer.status !== 'paired') {
        later(poll, POLL_MS);
        return;
      }
      const device = { token: answer.token, device: answer.device, office: answer.office, kind: answer.kind,
        counter: answer.counter, expiresAt: answer.expiresAt };
      try { localStorage.setItem(storageKey, JSON.stringify(device)); } catch (ignored) { /* kept in memory */ }
      stopped = true;
      status.textContent = t('pairing.paired', { device: answer.device });
      onPaired(device);
    } catch (error) {
      if (error.status === 404) {
        status.textContent = t('pairing.renewing');
        fresh();
      } else {
        status.textContent = t('pairing.offline');
        later(poll, POLL_MS);
      }
    }
  }

  fresh();
  return {
    stop() {
      stopped = true;
      clearTimeout(timer);
    },
  };
}

/** How often a paired device page asks whether it is still paired (a revoked device shows so within seconds). */
export const DEVICE_CHECK_MS = 10000;

/**
 * Keeps the device stored under storageKey current when its token rotates: the stored
 * {token, ...} (or an older page's bare token) gets the fresh token, then onFresh(oldToken,
 * freshToken) lets the page update what it holds in memory.
 */
export function followFreshTokens(storageKey, onFresh = () => {}) {
  onFreshToken((old, fresh) => {
    try {
      const raw = localStorage.getItem(storageKey);
      const device = storedDevice(storageKey);
      if (device && typeof device === 'object' && device.token === old) {
        localStorage.setItem(storageKey, JSON.stringify({ ...device, token: fresh }));
      } else if (raw === old) {
        localStorage.setItem(storageKey, fresh);
      } else if (device === old) {
        localStorage.setItem(storageKey, JSON.stringify(fresh));
      }
    } catch (ignored) { /* storage off: the page keeps it in memory */ }
    onFresh(old, fresh);
  });
}

/**
 * Asks every DEVICE_CHECK_MS whether the device whose token token() gives is still paired
 * (GET /api/v1/devices/me, which also rotates an old token); a 401 (revoked, unpaired, expired)
 * calls onRevoked once. Offline or busy answers change nothing. Returns {stop()}.
 */
export function watchDevice({ token, onRevoked, everyMs = DEVICE_CHECK_MS, when = () => true }) {
  let stopped = false;
  const timer = setInterval(async () => {
    const current = token();
    if (stopped || !current || !when()) return;
    try {
      await api('/api/v1/devices/me', { token: current });
    } catch (error) {
      if (error.status === 401 && !stopped && token() === current) {
        stopped = true;
        clearInterval(timer);
        onRevoked(error);
      }
    }
  }, everyMs);
  return { stop() { stopped = true; clearInterval(timer); } };
}
