// The ticket kiosk: a citizen chooses a field (and, on a paired kiosk, a priority group) and gets a
// number with a QR code to follow it. Pairing: the kiosk shows a short code (assets/pairing.js) that a
// manager types in the console; nobody types a password into the kiosk, and it holds only its own
// device token. Business rules (numbering, waits, who may set a priority) are the server's.
import { loadLang, applyText, langSwitch, t } from '/static/assets/i18n.js';
import { api, newKey } from '/static/assets/api.js';
import { formatDate, formatTime } from '/static/assets/format.js';
import { pairDevice, storedDevice, followFreshTokens, DEVICE_CHECK_MS } from '/static/assets/pairing.js';
import { setupCard } from '/static/kiosk/card.js';

const params = new URLSearchParams(location.search);
const officeId = params.get('office') || '';
const idleSeconds = boundedInt(params.get('idle'), 30, 3, 600);
const PRINT_MODES = ['auto', 'server', 'browser', 'none'];
const printMode = PRINT_MODES.includes(params.get('print')) ? params.get('print') : 'auto';
const STORE_KEY = `layso.kiosk.device.${officeId}`;
/** Taps this soon after a screen changes are the second half of a double tap, not a choice. */
const SETTLE_MS = 400;
const LONG_PRESS_MS = 1500;
const PAIR_IDLE_SECONDS = 120;

const $ = id => document.getElementById(id);
let office = null;
let device = loadDevice();
let current = 'loading';
let shownAt = -Infinity;
let busy = false;
let chosen = null;
/** The request in flight or to retry: the same Idempotency-Key until it has an answer. */
let pending = null;
let code = '';
let idle = null;
/** The pairing code on screen, while the pairing screen is open. */
let pairing = null;
/** The pairing screen says "Thiết bị chưa ghép nối": this kiosk's token was refused (revoked, unpaired, expired). */
let unpairedMode = false;
/** The CCCD card prompt (off unless the office's citizenCard.atKiosk says optional or required). */
let card = null;

function boundedInt(text, fallback, min, max) {
  const n = Number.parseInt(text, 10);
  return Number.isFinite(n) ? Math.min(max, Math.max(min, n)) : fallback;
}

function loadDevice() {
  return storedDevice(STORE_KEY);
}

function saveDevice(value) {
  device = value;
  try {
    if (value) localStorage.setItem(STORE_KEY, JSON.stringify(value));
    else localStorage.removeItem(STORE_KEY);
  } catch (ignored) { /* storage off: paired until the page reloads */ }
  renderDeviceState();
}

function el(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

// ---- screens and the idle timer -------------------------------------------------------------

/** {@code tapped}: the change answers a tap, so the next SETTLE_MS of taps are that tap's echo. */
function show(name, tapped = false) {
  document.querySelectorAll('.screen').forEach(s => { s.hidden = s.id !== `screen-${name}`; });
  current = name;
  shownAt = tapped ? performance.now() : -Infinity;
  document.body.dataset.screen = name;
  if (name !== 'pair' && pairing) { pairing.stop(); pairing = null; }
  if (name !== 'pair') unpairedMode = false;
  // an unpaired kiosk keeps saying so until it is paired again or someone taps "Huỷ"
  if (name === (card ? card.resting : 'start') || name === 'loading' || (name === 'pair' && unpairedMode)) stopIdle();
  else startIdle(name === 'pair' ? PAIR_IDLE_SECONDS : idleSeconds);
}

function settled() {
  return performance.now() - shownAt >= SETTLE_MS;
}

function startIdle(seconds) {
  stopIdle();
  idle = { seconds, deadline: Date.now() + seconds * 1000, timer: setInterval(tickIdle, 250) };
  tickIdle();
}

function stopIdle() {
  if (idle) clearInterval(idle.timer);
  idle = null;
  $('countdown').textContent = '';
  $('notice-countdown').textContent = '';
}

function touchIdle() {
  if (idle) idle.deadline = Date.now() + idle.seconds * 1000;
}

function tickIdle() {
  const left = Math.max(0, Math.ceil((idle.deadline - Date.now()) / 1000));
  const text = t('kiosk.backIn', { n: left });
  $('countdown').textContent = current === 'ticket' ? text : '';
  $('notice-countdown').textContent = current === 'notice' ? text : '';
  if (left === 0 && !busy) goStart();
}

function goStart(tapped = false) {
  chosen = null;
  pending = null;
  code = '';
  if (card && card.on) card.forget(false);
  if (!(card && card.start())) show('start', tapped);
}

// ---- start: fields, priority groups ----------------------------------------------------------

function renderServices() {
  $('services').replaceChildren(...office.services.map(service => {
    const button = el('button', 'service');
    button.type = 'button';
    button.dataset.issue = service.code;
    const tile = el('span', 'prefix', service.prefix);
    tile.setAttribute('aria-hidden', 'true');
    const words = el('span', 'words');
    words.append(el('span', 'name', service.name));
    if (service.description) words.append(el('span', 'desc', service.description));
    button.append(tile, words);
    button.addEventListener('click', () => chooseService(service));
    return button;
  }));
  $('groups').replaceChildren(...(office.priorityGroups || []).map(group => {
    const button = el('button', 'btn secondary group', group.name);
    button.type = 'button';
    button.dataset.issue = group.code;
    button.addEventListener('click', () => { if (settled()) issue(chosen, group.code); });
    return button;
  }));
}

function renderDeviceState() {
  const paired = Boolean(device);
  $('pair-open').hidden = paired;
  $('priority-note').hidden = paired || !(office && office.priorityGroups && office.priorityGroups.length);
  $('device-badge').hidden = !paired;
  $('device-badge').textContent = paired ? device.device : '';
}

function chooseService(service) {
  if (busy || !settled()) return;
  chosen = service.code;
  if (device && office.priorityGroups && office.priorityGroups.length) {
    $('priority-service').textContent = t('kiosk.forService', { service: service.name });
    show('priority', true);
  } else {
    issue(service.code, null);
  }
}

// ---- issuing ---------------------------------------------------------------------------------

function issue(service, priority) {
  if (busy) return;
  pending = { kind: 'issue', key: newKey(), body: { service, priority, ...(card ? card.body() : {}) } };
  send();
}

async function send() {
  if (busy || !pending) return;
  const request = pending;
  setBusy(true);
  try {
    const path = request.kind === 'issue' ? `/api/v1/offices/${encodeURIComponent(officeId)}/tickets`
      : `/api/v1/offices/${encodeURIComponent(officeId)}/check-in`;
    const ticket = await api(path, {
      method: 'POST', body: request.body, token: device && device.token, idempotencyKey: request.key,
    });
    pending = null;
    showTicket(ticket);
  } catch (error) {
    failed(error, request);
  } finally {
    setBusy(false);
  }
}

function setBusy(on) {
  busy = on;
  document.body.classList.toggle('busy', on);
  document.querySelectorAll('[data-issue], #checkin-submit, #no-priority').forEach(b => { b.disabled = on; });
}

function serviceName(code) {
  const found = office.services.find(s => s.code === code);
  return found ? found.name : code;
}

function showTicket(ticket) {
  const tz = office.timezone;
  const issued = new Date(ticket.issuedAt);
  const ahead = Math.max(0, (ticket.position || 1) - 1);
  const wait = ticket.estimatedWaitMinutes;
  const group = ticket.priority && (office.priorityGroups || []).find(g => g.code === ticket.priority);
  $('t-number').textContent = ticket.number;
  $('t-service').textContent = serviceName(ticket.service);
  $('t-priority').hidden = !group;
  $('t-priority').textContent = group ? `${t('common.priority')}: ${group.name}` : '';
  const slot = ticket.appointment ? t('checkin.appointmentAt', { time: ticket.slot }) : '';
  $('t-appointment').hidden = !slot;
  $('t-appointment').textContent = slot;
  $('t-late').hidden = !ticket.lateArrival;
  $('p-appointment').hidden = !slot;
  $('p-appointment').textContent = slot;
  $('t-ahead').textContent = String(ahead);
  $('t-wait').textContent = wait ? t('kiosk.aboutMinutes', { n: wait }) : t('kiosk.noWait');
  $('t-issued').textContent = `${formatTime(issued, tz)} · ${formatDate(issued, tz)}`;
  const qr = `/api/v1/tickets/${encodeURIComponent(ticket.id)}/qr.svg`;
  $('t-qr').src = qr;
  $('p-office').textContent = office.name;
  $('p-number').textContent = ticket.number;
  $('p-service').textContent = serviceName(ticket.service) + (group ? ` · ${group.name}` : '');
  $('p-ahead').textContent = `${t('kiosk.ahead')}: ${ahead}`;
  $('p-time').textContent = `${formatTime(issued, tz)} ${formatDate(issued, tz)}`;
  $('p-qr').src = qr;
  $('print-status').hidden = true;
  show('ticket', true);
  printTicket(ticket);
}

// ---- printing ----------------------------------------------------------------------------------

async function printTicket(ticket) {
  if (printMode === 'none') return;
  if (printMode === 'browser' || (!device && printMode === 'auto')) return browserPrint();
  if (!device) return;
  try {
    const answer = await api(`/api/v1/tickets/${encodeURIComponent(ticket.id)}/print`, {
      method: 'POST', body: {}, token: device.token,
    });
    if (answer && answer.status === 'PRINTED') printStatus('ok', t('kiosk.printed'));
    else printFailed(answer && answer.message);
  } catch (error) {
    if (error.status === 409 || error.status === 404) {
      if (printMode === 'auto') browserPrint();
    } else if (error.status === 401) {
      revoked();
    } else {
      printFailed(error.message);
    }
  }
}

function printStatus(kind, text, detail) {
  const box = $('print-status');
  box.className = `print-status notice ${kind}`;
  box.replaceChildren(el('strong', '', text));
  if (detail) box.append(el('span', 'detail', detail));
  box.hidden = false;
}

function printFailed(reason) {
  printStatus('warn', t('kiosk.printFailed'), [t('kiosk.printFailedWhat'), reason].filter(Boolean).join(' '));
  touchIdle();
}

async function browserPrint() {
  const image = $('p-qr');
  try { await image.decode(); } catch (notYet) { /* print without waiting longer */ }
  window.print();
}

// ---- errors ------------------------------------------------------------------------------------

function notice({ icon = '!', title, text, retry = false, tone = 'error' }) {
  $('notice-card').className = `notice-card card ${tone}`;
  $('notice-icon').textContent = icon;
  $('notice-title').textContent = title;
  $('notice-text').textContent = text || '';
  $('notice-retry').hidden = !retry;
  show('notice', true);
}

function failed(error, request) {
  if (error.status === 401 && device) return revoked();
  // an office where only its paired kiosks issue: this kiosk shows its pairing code
  if (error.code === 'kiosk_only' && !device) {
    pending = null;
    return openPairing();
  }
  if (request.kind === 'checkin' && (error.code === 'not_found' || error.status === 405)) {
    pending = null;
    return notice({ icon: 'i', tone: 'info', title: t('kiosk.checkinUnavailableTitle'),
      text: t('kiosk.checkinUnavailable') });
  }
  if (error.status === 0 || error.status >= 500) {
    // the same key goes out again: a ticket issued before the network failed comes back, not a second one
    return notice({ title: t('kiosk.networkTitle'), retry: true,
      text: error.status === 0 ? t('kiosk.networkText') : error.message });
  }
  pending = null;
  if (card && card.failed(error)) return;
  if (request.kind === 'checkin') {
    const checkinTitles = { check_in_too_early: 'checkin.tooEarlyTitle', check_in_closed: 'checkin.closedTitle',
      check_in_code_unknown: 'checkin.unknownTitle', check_in_code_invalid: 'checkin.unknownTitle' };
    return notice({ icon: 'i', tone: 'info', title: t(checkinTitles[error.code] || 'checkin.otherTitle'),
      text: error.message });
  }
  const titles = { 429: 'kiosk.busyTitle', 409: 'kiosk.closedTitle', 404: 'kiosk.errorTitle' };
  const title = error.code === 'rate_limited' ? 'kiosk.busyTitle'
    : /closed/.test(error.code || '') ? 'kiosk.closedTitle' : titles[error.status] || 'kiosk.errorTitle';
  notice({ title: t(title), text: error.message, tone: error.status === 409 ? 'info' : 'error' });
}

/** The kiosk's token was refused (revoked, unpaired or expired): "Thiết bị chưa ghép nối" with a new code. */
function revoked() {
  saveDevice(null);
  pending = null;
  openPairing(true);
}

// ---- appointment check-in -------------------------------------------------------------------

const KEY_ROWS = ['1234567890', 'QWERTYUIOP', 'ASDFGHJKL', 'ZXCVBNM'];

function renderKeypad() {
  const rows = KEY_ROWS.map(row => {
    const line = el('div', 'keys');
    for (const ch of row) {
      const key = el('button', 'key', ch);
      key.type = 'button';
      key.addEventListener('click', () => typeCode(ch));
      line.append(key);
    }
    return line;
  });
  const erase = el('button', 'key wide', '⌫');
  erase.type = 'button';
  erase.setAttribute('aria-label', t('kiosk.erase'));
  erase.addEventListener('click', () => { code = code.slice(0, -1); renderCode(); });
  rows[rows.length - 1].append(erase);
  $('keypad').replaceChildren(...rows);
}

function typeCode(ch) {
  if (code.length < 64) code += ch;
  renderCode();
  touchIdle();
}

function renderCode() {
  $('code-display').textContent = code || '—';
  $('checkin-submit').disabled = busy || !code;
}

function openCheckin(first = '') {
  code = first;
  renderCode();
  show('checkin', true);
}

/** A scanned QR may carry a link: the code is its last part. */
function appointmentCode(raw) {
  return raw.trim().split(/[/?#=&]/).filter(Boolean).pop() || '';
}

function submitCheckin() {
  const value = appointmentCode(code);
  if (busy || !value) return;
  pending = { kind: 'checkin', key: newKey(), body: { code: value } };
  send();
}

// ---- pairing -----------------------------------------------------------------------------------

function openPairing(unpaired = false) {
  $('pair-state').textContent = device ? t('kiosk.pairedAs', { device: device.device }) : t('kiosk.pairHint');
  $('pair-forget').hidden = !device;
  // unpaired: the pairing helper's own "Thiết bị chưa ghép nối" heading and text replace the kiosk's
  $('pair-title').hidden = unpaired;
  $('pair-state').hidden = unpaired;
  unpairedMode = unpaired;
  show('pair');
  if (pairing) pairing.stop();
  pairing = pairDevice({ storageKey: STORE_KEY, container: $('pair-code-box'), onPaired: paired, unpaired });
}

/** The code was claimed: the kiosk now holds its own token (a display's or tablet's is no kiosk's). */
function paired(value) {
  pairing = null;
  if (value.kind && value.kind !== 'kiosk') {
    saveDevice(null);
    notice({ title: t('kiosk.errorTitle'), text: t('kiosk.notAKiosk', { kind: value.kind }) });
    return;
  }
  saveDevice({ token: value.token, device: value.device, expiresAt: value.expiresAt });
  notice({ icon: '✓', tone: 'ok', title: t('kiosk.pairedTitle'), text: t('kiosk.pairedText', { device: value.device }) });
}

function forget() {
  saveDevice(null);
  goStart();
}

function longPress(target, action) {
  let timer = null;
  const cancel = () => { clearTimeout(timer); timer = null; };
  target.addEventListener('pointerdown', () => { cancel(); timer = setTimeout(action, LONG_PRESS_MS); });
  ['pointerup', 'pointerleave', 'pointercancel'].forEach(type => target.addEventListener(type, cancel));
}

// a rotated token (X-Layso-Token, at most once a day) replaces the one in memory and in storage
followFreshTokens(STORE_KEY, (old, fresh) => { if (device && device.token === old) saveDevice({ ...device, token: fresh }); });

async function checkDevice() {
  if (!device) return;
  try {
    const me = await api('/api/v1/devices/me', { token: device.token });
    if (me.office !== officeId) saveDevice(null);
    else saveDevice({ ...device, device: me.device, expiresAt: me.expiresAt });
  } catch (error) {
    if (error.status === 401 || error.status === 403) revoked();
  }
}

// ---- kiosk mode: no keyboard, no selection, no menus, no zoom ---------------------------------

function lockDown() {
  document.addEventListener('contextmenu', e => e.preventDefault());
  document.addEventListener('dragstart', e => e.preventDefault());
  document.addEventListener('gesturestart', e => e.preventDefault());
  document.addEventListener('dblclick', e => e.preventDefault());
  document.addEventListener('wheel', e => { if (e.ctrlKey) e.preventDefault(); }, { passive: false });
  document.addEventListener('touchmove', e => { if (e.touches.length > 1) e.preventDefault(); }, { passive: false });
  document.addEventListener('pointerdown', touchIdle, { passive: true });
  document.addEventListener('keydown', onKey);
}

/** Keys come from a QR scanner (a code then Enter); the pairing screen takes none. */
function onKey(event) {
  if ((event.ctrlKey || event.metaKey) && ['+', '-', '=', '0'].includes(event.key)) {
    event.preventDefault();
    return;
  }
  if (current === 'pair') return;
  touchIdle();
  const printable = event.key.length === 1 && /[\x21-\x7e]/.test(event.key);
  if (current === 'start' && printable && /[A-Za-z0-9]/.test(event.key)) {
    openCheckin(event.key.toUpperCase());
  } else if (current === 'checkin') {
    if (printable) typeCode(event.key.toUpperCase());
    else if (event.key === 'Backspace') { code = code.slice(0, -1); renderCode(); }
    else if (event.key === 'Enter') submitCheckin();
    else return;
  } else {
    return;
  }
  event.preventDefault();
}

function tickClock() {
  if (!office) return;
  const now = new Date();
  $('clock').textContent = `${formatTime(now, office.timezone)} · ${formatDate(now, office.timezone)}`;
}

// ---- start ---------------------------------------------------------------------------------------

async function main() {
  await loadLang();
  applyText();
  langSwitch($('lang'));
  lockDown();
  $('done').addEventListener('click', () => { if (settled()) goStart(true); });
  $('notice-back').addEventListener('click', () => { if (settled()) goStart(true); });
  $('notice-retry').addEventListener('click', () => { if (settled()) send(); });
  $('no-priority').addEventListener('click', () => { if (settled()) issue(chosen, null); });
  document.querySelectorAll('[data-back]').forEach(b => b.addEventListener('click', () => goStart(true)));
  $('checkin-open').addEventListener('click', () => { if (settled()) openCheckin(); });
  $('checkin-submit').addEventListener('click', submitCheckin);
  $('pair-open').addEventListener('click', openPairing);
  $('pair-forget').addEventListener('click', forget);
  longPress($('brand'), openPairing);
  renderKeypad();
  if (!officeId) {
    notice({ title: t('kiosk.errorTitle'), text: t('common.missingOffice') });
    $('notice-back').hidden = true;
    stopIdle();
    return;
  }
  try {
    office = await api(`/api/v1/offices/${encodeURIComponent(officeId)}`);
  } catch (error) {
    notice({ title: t('kiosk.errorTitle'), text: error.status === 404 ? t('common.unknownOffice') : error.message });
    stopIdle();
    setTimeout(() => location.reload(), 30000);
    return;
  }
  $('office-name').textContent = office.name;
  document.title = `${office.name} — ${t('index.kiosk')}`;
  renderServices();
  renderDeviceState();
  card = setupCard(office, { current: () => current, show, goStart, settled, t, officeId, touchIdle,
    paired: () => Boolean(device),
    openCheckin: (value, submit) => { openCheckin(value); if (submit) submitCheckin(); } });
  tickClock();
  setInterval(tickClock, 1000);
  await checkDevice();
  if (current === 'loading') goStart();
  // an unpaired (or replaced) kiosk finds out while idle, not only at its next ticket
  setInterval(() => { if (current === (card ? card.resting : 'start')) checkDevice(); }, DEVICE_CHECK_MS);
}

main();
