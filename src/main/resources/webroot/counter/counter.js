// The counter console: staff log in, choose their counter, and call, recall, start, complete,
// mark no-shows, transfer and pause with big buttons, F-keys or a USB numpad. Every press carries an
// Idempotency-Key; the server decides, the page shows what GET .../counters/{counter} says.
// Choosing a counter opens its session (POST .../open); switching counters, "Đổi quầy" and logging
// out close it (POST .../close), never while a citizen is called or served there: the console asks
// to finish (complete, no-show) or transfer that ticket first, or to stay.
import { loadLang, applyText, langSwitch, t, currentLang } from '../assets/i18n.js';
import { api, newKey } from '../assets/api.js';
import { LiveStream, LiveStatus } from '../assets/live.js';
import { formatTime } from '../assets/format.js';

const AUTH_KEY = 'layso.counter.auth';
const COUNTER_KEY = 'layso.counter.last.';
const PAUSE_REASONS = ['nghi-giai-lao', 'hop', 'ho-tro-quay-khac', 'su-co-ky-thuat', 'khac'];
const PRINT_POLL_MS = 30000;
// the advice's numbers move without an event (only a change of the advice is published)
const ADVICE_POLL_MS = 60000;

// Which actions make sense in which state of the current ticket (the server checks again).
const ENABLED = {
  'call-next': s => !s.paused,
  recall: s => s.status === 'CALLED',
  start: s => s.status === 'CALLED',
  complete: s => s.status === 'CALLED' || s.status === 'SERVING',
  'no-show': s => s.status === 'CALLED',
  transfer: s => s.status === 'CALLED' || s.status === 'SERVING',
  pause: () => true,
};

// The key map (documented in the help panel and the README): F-keys, and a USB numpad by code,
// with keyCode fallbacks for old WebViews that have no KeyboardEvent.code.
const KEYS_BY_CODE = {
  F1: 'call-next', NumpadAdd: 'call-next', NumpadEnter: 'call-next',
  F2: 'recall', NumpadMultiply: 'recall',
  F3: 'start', Numpad1: 'start',
  F4: 'complete', Numpad2: 'complete',
  F5: 'no-show', Numpad3: 'no-show',
  F6: 'transfer', Numpad4: 'transfer',
  F7: 'pause', Numpad0: 'pause',
  F8: 'help', NumpadDivide: 'help',
  Escape: 'cancel', NumpadSubtract: 'cancel',
};
const KEYS_BY_KEYCODE = {
  112: 'call-next', 107: 'call-next', 113: 'recall', 106: 'recall', 114: 'start', 97: 'start',
  115: 'complete', 98: 'complete', 116: 'no-show', 99: 'no-show', 117: 'transfer', 100: 'transfer',
  118: 'pause', 96: 'pause', 119: 'help', 111: 'help', 27: 'cancel', 109: 'cancel',
};
const DIGIT_CODES = { Numpad1: 1, Numpad2: 2, Numpad3: 3, Numpad4: 4, Numpad5: 5, Numpad6: 6, Numpad7: 7, Numpad8: 8, Numpad9: 9 };

const $ = id => document.getElementById(id);
const state = {
  auth: null, office: null, counter: null, view: null, busy: false, live: null,
  pendingKeys: {}, refreshTimer: null, printTimer: null, expiryTimer: null, adviceTimer: null,
  // what to do once the counter is left (after its ticket is finished), while the leave dialog is open
  leaving: null,
};

function storage(kind) {
  try { return kind === 'session' ? window.sessionStorage : window.localStorage; } catch (off) { return null; }
}

function readAuth() {
  const store = storage('session');
  if (!store) return null;
  try {
    const auth = JSON.parse(store.getItem(AUTH_KEY) || 'null');
    if (!auth || !auth.token || (auth.deadline && auth.deadline <= Date.now())) return null;
    return auth;
  } catch (broken) {
    return null;
  }
}

function saveAuth(auth) {
  const store = storage('session');
  if (store) { try { store.setItem(AUTH_KEY, JSON.stringify(auth)); } catch (full) { /* kept in memory */ } }
}

function forgetAuth() {
  const store = storage('session');
  if (store) { try { store.removeItem(AUTH_KEY); } catch (off) { /* nothing kept */ } }
  state.auth = null;
}

function show(screen) {
  ['login', 'setup', 'console'].forEach(id => { $(id).hidden = id !== screen; });
}

function notice(el, text, kind) {
  el.textContent = text || '';
  el.className = 'notice' + (kind ? ' ' + kind : '');
  el.hidden = !text;
}

/** A call with the staff token; a 401 ends the session and brings back the log-in screen. */
async function staffApi(path, options = {}) {
  try {
    return await api(path, { ...options, token: state.auth && state.auth.token });
  } catch (error) {
    if (error.status === 401) sessionEnded(error.message);
    throw error;
  }
}

function sessionEnded(message) {
  forgetAuth();
  stopConsole();
  showLogin(message || t('counter.sessionEnded'));
}

function showLogin(message) {
  show('login');
  notice($('login-error'), message, 'error');
  $('username').focus();
}

// ---- log-in and choosing the counter ----

async function login(event) {
  event.preventDefault();
  const button = event.target.querySelector('button[type=submit]');
  button.disabled = true;
  try {
    const answer = await api('/api/v1/auth/login', {
      method: 'POST', body: { username: $('username').value.trim(), password: $('password').value },
    });
    state.auth = { token: answer.token, role: answer.role, office: answer.office || null,
      deadline: localDeadline(answer.expiresAt), username: $('username').value.trim().toLowerCase() };
    if (state.auth.role === 'DEVICE') {
      forgetAuth();
      showLogin(t('counter.notStaff'));
      return;
    }
    saveAuth(state.auth);
    $('password').value = '';
    await afterLogin();
  } catch (error) {
    notice($('login-error'), error.message, 'error');
  } finally {
    button.disabled = false;
  }
}

/**
 * When the token ends, on this PC's clock. A counter PC's clock may be off: an expiry that looks
 * past or more than a week away says the clocks disagree, and then only the server's 401 ends it.
 */
function localDeadline(expiresAt) {
  const left = Date.parse(expiresAt) - Date.now();
  return left > 0 && left < 7 * 24 * 3600 * 1000 ? Date.now() + left : null;
}

async function afterLogin() {
  clearTimeout(state.expiryTimer);
  if (state.auth.deadline) {
    state.expiryTimer = setTimeout(() => sessionEnded(t('counter.sessionEnded')), state.auth.deadline - Date.now());
  }
  const me = await staffApi('/api/v1/auth/me');
  state.auth.office = me.office || null;
  state.auth.username = me.username;
  const asked = new URLSearchParams(location.search).get('office');
  await showSetup(asked || state.auth.office);
}

async function showSetup(officeId) {
  stopConsole();
  show('setup');
  notice($('setup-error'), '');
  const select = $('office-select');
  const offices = state.auth.role === 'ADMIN' ? await api('/api/v1/offices')
    : [{ id: state.auth.office, name: state.auth.office }];
  const chosen = officeId && offices.some(o => o.id === officeId) ? officeId : offices[0] && offices[0].id;
  select.replaceChildren(...offices.map(o => new Option(o.name, o.id, false, o.id === chosen)));
  select.disabled = offices.length < 2;
  select.onchange = () => showSetup(select.value);
  if (officeId && state.auth.role !== 'ADMIN' && officeId !== state.auth.office) {
    notice($('setup-error'), t('counter.otherOffice'), 'error');
  }
  if (!chosen) return;
  try {
    state.office = await api(`/api/v1/offices/${encodeURIComponent(chosen)}`);
  } catch (error) {
    notice($('setup-error'), error.message, 'error');
    return;
  }
  if (select.options[select.selectedIndex]) select.options[select.selectedIndex].text = state.office.name;
  const remembered = readRemembered(chosen);
  const choices = $('counter-choices');
  choices.replaceChildren(...state.office.counters.map(c => {
    const b = document.createElement('button');
    b.type = 'button';
    b.className = 'btn choice' + (c.id === remembered ? '' : ' secondary');
    const name = document.createElement('strong');
    name.textContent = c.name;
    const fields = document.createElement('small');
    fields.textContent = c.services.map(code => serviceName(code)).join(', ');
    b.append(name, fields);
    b.addEventListener('click', () => startConsole(c.id));
    return b;
  }));
}

function readRemembered(officeId) {
  const store = storage('local');
  try { return store ? store.getItem(COUNTER_KEY + officeId) : null; } catch (off) { return null; }
}

function remember(officeId, counterId) {
  const store = storage('local');
  try { if (store) store.setItem(COUNTER_KEY + officeId, counterId); } catch (off) { /* not kept */ }
}

function serviceName(code) {
  const s = state.office && state.office.services.find(x => x.code === code);
  return s ? s.name : code;
}

function priorityName(code) {
  const groups = (state.office && state.office.priorityGroups) || [];
  const g = groups.find(x => x.code === code);
  return g ? g.name : code;
}

// ---- the console ----

async function startConsole(counterId) {
  const counter = state.office.counters.find(c => c.id === counterId);
  if (!counter) return;
  state.counter = counter;
  state.pendingKeys = {};
  remember(state.office.id, counter.id);
  const url = new URL(location.href);
  url.searchParams.set('office', state.office.id);
  history.replaceState(null, '', url);
  $('counter-name').textContent = counter.name;
  $('office-name').textContent = state.office.name;
  $('user-name').textContent = state.auth.username;
  show('console');
  notice($('message'), '');
  try {
    const opened = await staffApi(counterPath('open'), { method: 'POST', idempotencyKey: newKey() });
    if (opened.session && opened.session.tookOverFrom) {
      notice($('message'), t('counter.tookOver', { name: opened.session.tookOverFrom.replace(/^[a-z]+:/, '') }), 'warn');
    }
    await refresh();
  } catch (error) {
    if (error.status !== 401) { show('setup'); notice($('setup-error'), error.message, 'error'); }
    return;
  }
  state.live = new LiveStream({
    office: state.office.id,
    onSnapshot: () => scheduleRefresh(0),
    onEvent: liveEvent,
    onStatus: status => { $('live-badge').hidden = status !== LiveStatus.OFFLINE; },
    // the advice is staff-only: this socket authenticates and gets it after every snapshot and on each change
    token: () => state.auth && state.auth.token,
    onStaffEvent: event => { if (event.type === 'balance.advice') renderAdvice(Array.isArray(event.advice) ? event.advice : []); },
    onAuthFailed: () => loadAdvice(),
  }).start();
  checkPrints();
}

function counterPath(action) {
  return `/api/v1/offices/${encodeURIComponent(state.office.id)}/counters/${encodeURIComponent(state.counter.id)}`
    + (action ? '/' + action : '');
}

/**
 * Leaves the counter, then runs next(): its session is closed first. A citizen still CALLED or
 * SERVING there is never left behind silently: the leave dialog offers to finish (complete, no-show)
 * or transfer the ticket, or to stay.
 */
async function leaveCounter(next) {
  if (!state.counter || !state.office || $('console').hidden) {
    next();
    return;
  }
  try {
    await refresh();
  } catch (error) {
    if (error.status === 401) return;
  }
  // someone else took the counter over: it is theirs now, with whatever ticket it holds
  const session = state.view && state.view.open ? state.view.session : null;
  if (state.view && !(session && session.username === state.auth.username)) {
    state.counter = null;
    next();
    return;
  }
  const current = state.view && state.view.current;
  if (current) {
    openLeave(current, next);
    return;
  }
  try {
    await staffApi(counterPath('close'), { method: 'POST', idempotencyKey: newKey() });
  } catch (error) {
    if (error.status === 401) return;
    if (error.code === 'counter_has_ticket') {
      await refresh().catch(() => { /* shown below */ });
      if (state.view && state.view.current) { openLeave(state.view.current, next); return; }
    }
    // the network: the session stays open on the server until someone opens or closes the counter
  }
  state.counter = null;
  state.view = null;
  next();
}

function openLeave(ticket, next) {
  state.leaving = next;
  const status = t('counter.status.' + ticket.status).toLowerCase();
  const text = $('leave-text');
  const number = document.createElement('strong');
  number.textContent = ticket.number;
  const parts = t('counter.leaveText', { counter: state.counter.name, number: '\u0000', status }).split('\u0000');
  text.replaceChildren(parts[0], number, parts[1] || '');
  const choices = [numberedChoice(1, t('counter.leaveComplete'), () => finishThenLeave('complete'))];
  if (ticket.status === 'CALLED') choices.push(numberedChoice(2, t('counter.leaveNoShow'), () => finishThenLeave('no-show')));
  choices.push(numberedChoice(choices.length + 1, t('counter.leaveTransfer'), () => {
    $('leave-dialog').hidden = true;
    openTransfer();
  }));
  $('leave-choices').replaceChildren(...choices);
  openDialog('leave-dialog');
}

async function finishThenLeave(action) {
  $('leave-dialog').hidden = true;
  if (await press(action)) continueLeaving();
}

/** After the leave dialog's finish or transfer succeeded: leave as asked. */
function continueLeaving() {
  const next = state.leaving;
  state.leaving = null;
  if (next) leaveCounter(next);
}

function stayAtCounter() {
  state.leaving = null;
  closeDialogs();
}

function stopConsole() {
  if (state.live) state.live.stop();
  state.live = null;
  clearTimeout(state.refreshTimer);
  clearTimeout(state.printTimer);
  clearTimeout(state.adviceTimer);
  closeDialogs();
}

function liveEvent(event) {
  if (!state.view) return;
  const mine = new Set(state.view.services.map(s => s.code));
  const queue = event.queue;
  if (queue && mine.has(queue.service)) {
    const entry = state.view.services.find(s => s.code === queue.service);
    entry.waiting = queue.waiting;
    renderQueues();
  }
  const touchesMe = event.counter === state.counter.id || (queue && mine.has(queue.service))
    || (event.ticket && mine.has(event.ticket.service)) || (event.closed && mine.has(event.closed.service))
    || event.type === 'day.closed';
  if (touchesMe) scheduleRefresh(event.counter === state.counter.id ? 0 : 400);
}

function scheduleRefresh(delay) {
  clearTimeout(state.refreshTimer);
  state.refreshTimer = setTimeout(() => refresh().catch(() => { /* shown on the next press */ }), delay);
}

async function refresh() {
  const view = await staffApi(`/api/v1/offices/${encodeURIComponent(state.office.id)}/counters/${encodeURIComponent(state.counter.id)}`);
  state.view = view;
  render();
}

function render() {
  const view = state.view;
  const ticket = view.current;
  $('current-empty').hidden = !!ticket;
  $('current-ticket').hidden = !ticket;
  const status = $('current-status');
  status.textContent = ticket ? t('counter.status.' + ticket.status) : '';
  status.className = 'status' + (ticket ? ' s-' + ticket.status.toLowerCase() : '');
  if (ticket) {
    $('current-number').textContent = ticket.number;
    $('current-service').textContent = serviceName(ticket.service);
    const priority = $('current-priority');
    priority.hidden = !ticket.priority;
    priority.textContent = ticket.priority ? t('common.priority') + ': ' + priorityName(ticket.priority) : '';
    const appointment = $('current-appointment');
    appointment.hidden = !ticket.appointment;
    appointment.textContent = ticket.appointment ? t('checkin.appointmentAt', { time: ticket.slot }) : '';
    const zone = state.office.timezone;
    $('current-called').textContent = ticket.calledAt ? formatTime(new Date(ticket.calledAt), zone) : '—';
    $('current-issued').textContent = formatTime(new Date(ticket.issuedAt), zone);
    $('current-recalls').textContent = String(ticket.recalls || 0);
    const why = ticket.why;
    $('current-why').hidden = !why;
    $('current-why-text').textContent = why ? (currentLang() === 'en' ? why.textEn : why.text) : '';
  }
  $('served').textContent = String(view.servedToday);
  const banner = $('paused-banner');
  banner.hidden = !view.paused;
  if (view.paused) {
    const pause = view.pause || {};
    const reason = pause.reason ? t('counter.reasons.' + pause.reason) : t('counter.noReason');
    const since = pause.since ? ' · ' + t('counter.since', { time: formatTime(new Date(pause.since), state.office.timezone) }) : '';
    banner.textContent = t('counter.pausedBanner', { reason }) + (pause.note ? ' — ' + pause.note : '') + since;
  }
  renderSession(view);
  $('pause-label').textContent = view.paused ? t('counter.resume') : t('counter.pause');
  $('pause-button').classList.toggle('ok', view.paused);
  $('pause-button').classList.toggle('warn', !view.paused);
  renderQueues();
  updateButtons();
}

/** Who works at the counter: the header names the session's holder; another holder is a warning. */
function renderSession(view) {
  const session = view.open ? view.session : null;
  const name = session ? (session.fullName || session.username) : '';
  const since = session && session.since ? formatTime(new Date(session.since), state.office.timezone) : '';
  const mine = session && session.username === state.auth.username;
  $('user-name').textContent = mine ? t('counter.sessionBy', { name, time: since }) : state.auth.username;
  const banner = $('session-banner');
  banner.hidden = !!mine;
  if (!mine) banner.textContent = session ? t('counter.sessionOther', { name, time: since }) : t('counter.sessionNone');
}

function renderQueues() {
  const list = $('queues');
  list.replaceChildren(...state.view.services.map(s => {
    const li = document.createElement('li');
    const name = document.createElement('span');
    name.className = 'queue-name';
    name.textContent = s.name;
    const count = document.createElement('span');
    count.className = 'queue-count';
    count.textContent = String(s.waiting);
    li.append(name);
    if (s.backup) {
      const b = document.createElement('span');
      b.className = 'badge backup';
      b.textContent = t('counter.backupField');
      li.append(b);
    }
    if (s.priorityWaiting > 0) {
      const p = document.createElement('span');
      p.className = 'badge priority';
      p.textContent = t('counter.priorityWaiting', { n: s.priorityWaiting });
      li.append(p);
    }
    li.append(count);
    return li;
  }));
}

function currentState() {
  const view = state.view || {};
  return { paused: !!view.paused, status: view.current ? view.current.status : null };
}

function updateButtons() {
  const s = currentState();
  document.querySelectorAll('#actions [data-action]').forEach(b => {
    b.disabled = state.busy || !state.view || !ENABLED[b.dataset.action](s);
  });
}

// ---- presses ----

/**
 * One press. A press whose answer never came (network, timeout, 5xx) keeps its key, so pressing
 * the same action again retries it safely; any answer the server gave ends the key, and a success
 * ends every kept key (the counter moved on, an old retry must not replay).
 */
async function press(action, { body, slot = action, path = action } = {}) {
  if (state.busy) return false;
  let done = false;
  state.busy = true;
  updateButtons();
  const key = state.pendingKeys[slot] || newKey();
  state.pendingKeys[slot] = key;
  try {
    const answer = await staffApi(
      `/api/v1/offices/${encodeURIComponent(state.office.id)}/counters/${encodeURIComponent(state.counter.id)}/${path}`,
      { method: 'POST', body, idempotencyKey: key });
    state.pendingKeys = {};
    pressed(action, answer);
    done = true;
  } catch (error) {
    if (error.status >= 400 && error.status < 500) delete state.pendingKeys[slot];
    if (error.status !== 401) notice($('message'), error.message, 'error');
  } finally {
    state.busy = false;
    updateButtons();
  }
  if (state.auth) await refresh().catch(() => { /* the live stream refreshes later */ });
  return done;
}

function pressed(action, answer) {
  const ticket = answer && answer.ticket;
  if (action === 'call-next' && !ticket) notice($('message'), t('counter.nobodyWaiting'), 'warn');
  else if (action === 'call-next' && answer.skipped) {
    notice($('message'), t('counter.calledSkipped', { number: ticket.number, skipped: answer.skipped.number }), 'ok');
  } else if (action === 'call-next') notice($('message'), t('counter.called', { number: ticket.number }), 'ok');
  else if (action === 'transfer') notice($('message'), t('counter.transferred', { number: ticket.number, service: serviceName(ticket.service) }), 'ok');
  else if (action === 'complete') notice($('message'), t('counter.completed', { number: ticket.number }), 'ok');
  else if (action === 'no-show') notice($('message'), t('counter.markedNoShow', { number: ticket.number }), 'ok');
  else if (action === 'pause' || action === 'resume') notice($('message'), t(answer.paused ? 'counter.nowPaused' : 'counter.nowOpen'), 'ok');
  else notice($('message'), '');
}

function act(action) {
  if (!state.view || state.busy || dialogOpen()) return;
  const button = document.querySelector(`#actions [data-action="${action}"]`);
  if (button && button.disabled) return;
  if (action === 'transfer') openTransfer();
  else if (action === 'pause') {
    if (state.view.paused) press('resume');
    else openPause();
  } else press(action);
}

// ---- dialogs ----

const DIALOGS = { 'transfer-dialog': 'transfer-choices', 'pause-dialog': 'pause-reasons', 'leave-dialog': 'leave-choices' };

function dialogOpen() {
  return Object.keys(DIALOGS).some(id => !$(id).hidden);
}

function openDialog(id) {
  $(id).hidden = false;
  const first = $(id).querySelector('button, input');
  if (first) first.focus();
}

function closeDialogs() {
  Object.keys(DIALOGS).forEach(id => { $(id).hidden = true; });
  state.leaving = null;
}

function numberedChoice(n, label, onChoose, extraClass = '') {
  const b = document.createElement('button');
  b.type = 'button';
  b.className = 'btn choice secondary ' + extraClass;
  const k = document.createElement('kbd');
  k.textContent = String(n);
  const span = document.createElement('span');
  span.textContent = label;
  b.append(k, span);
  b.addEventListener('click', onChoose);
  return b;
}

function openTransfer() {
  const current = state.view.current;
  if (!current) return;
  const targets = state.office.services.filter(s => s.code !== current.service);
  $('transfer-choices').replaceChildren(...targets.map((s, i) => numberedChoice(i + 1, s.name, async () => {
    const leaving = state.leaving;
    closeDialogs();
    state.leaving = leaving;
    if (await press('transfer', { body: { service: s.code }, slot: 'transfer:' + s.code })) continueLeaving();
    else state.leaving = null;
  })));
  openDialog('transfer-dialog');
}

let chosenReason = null;

function openPause() {
  chosenReason = null;
  $('pause-note').value = '';
  $('pause-reasons').replaceChildren(...PAUSE_REASONS.map((code, i) => {
    const b = numberedChoice(i + 1, t('counter.reasons.' + code), () => chooseReason(code), 'reason');
    b.dataset.reason = code;
    b.setAttribute('aria-pressed', 'false');
    return b;
  }));
  openDialog('pause-dialog');
}

function chooseReason(code) {
  chosenReason = code;
  document.querySelectorAll('#pause-reasons [data-reason]').forEach(b => {
    b.setAttribute('aria-pressed', String(b.dataset.reason === code));
  });
}

function submitPause(event) {
  event.preventDefault();
  if (!chosenReason) {
    chosenReason = 'khac';
    chooseReason(chosenReason);
  }
  const note = $('pause-note').value.trim();
  closeDialogs();
  const body = note ? { reason: chosenReason, note } : { reason: chosenReason };
  press('pause', { body, slot: 'pause:' + chosenReason + ':' + note });
}

// ---- keyboard and USB keypad ----

function keyAction(event) {
  if (event.code && KEYS_BY_CODE[event.code]) return KEYS_BY_CODE[event.code];
  if (!event.code && KEYS_BY_KEYCODE[event.keyCode]) return KEYS_BY_KEYCODE[event.keyCode];
  if (!event.code && event.keyCode === 13 && event.location === 3) return 'call-next';
  return null;
}

function onKey(event) {
  if ($('console').hidden) return;
  const typing = event.target && (event.target.tagName === 'INPUT' || event.target.tagName === 'SELECT');
  const isNumpadKey = (event.code || '').indexOf('Numpad') === 0 || (event.keyCode >= 96 && event.keyCode <= 111);
  if (typing && isNumpadKey) return;
  if (dialogOpen()) {
    const digit = DIGIT_CODES[event.code] || (!event.code && event.keyCode >= 97 && event.keyCode <= 105 ? event.keyCode - 96 : 0)
      || (!typing && /^[1-9]$/.test(event.key || '') ? Number(event.key) : 0);
    const open = DIALOGS[Object.keys(DIALOGS).find(id => !$(id).hidden)];
    if (digit) {
      const choice = $(open).querySelectorAll('button')[digit - 1];
      if (choice) { event.preventDefault(); choice.click(); }
      return;
    }
    const action = keyAction(event);
    if (action === 'cancel') { event.preventDefault(); stayAtCounter(); }
    if ((action === 'call-next' && event.code === 'NumpadEnter') && open === 'pause-reasons') {
      event.preventDefault();
      $('pause-form').requestSubmit ? $('pause-form').requestSubmit() : submitPause(event);
    }
    return;
  }
  const action = keyAction(event);
  if (!action) return;
  event.preventDefault();
  if (event.repeat) return;
  if (action === 'help') toggleHelp();
  else if (action === 'cancel') toggleHelp(false);
  else act(action);
}

function toggleHelp(force) {
  const help = $('help');
  const open = force === undefined ? help.hidden : force;
  help.hidden = !open;
  $('help-toggle').setAttribute('aria-expanded', String(open));
}

// ---- failed prints (the printing feature's endpoints; hidden while they answer 404) ----

async function checkPrints() {
  clearTimeout(state.printTimer);
  if (!state.office || $('console').hidden) return;
  let items = [];
  let again = true;
  try {
    items = await staffApi(`/api/v1/offices/${encodeURIComponent(state.office.id)}/print-failures`);
  } catch (error) {
    again = error.status !== 404 && error.status !== 401;
    items = [];
  }
  renderPrints(Array.isArray(items) ? items : []);
  if (again) state.printTimer = setTimeout(checkPrints, PRINT_POLL_MS);
}

function renderPrints(items) {
  $('prints').hidden = items.length === 0;
  $('print-list').replaceChildren(...items.map(item => {
    const li = document.createElement('li');
    const number = document.createElement('strong');
    number.className = 'ticket-number';
    number.textContent = item.number;
    const info = document.createElement('span');
    info.className = 'print-info';
    const when = item.issuedAt ? formatTime(new Date(item.issuedAt), state.office.timezone) : '';
    info.textContent = [serviceName(item.service), when, item.reason].filter(Boolean).join(' · ');
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'btn secondary';
    button.textContent = t('counter.reprint');
    const key = newKey();
    button.addEventListener('click', async () => {
      button.disabled = true;
      try {
        const answer = await staffApi(`/api/v1/tickets/${encodeURIComponent(item.id)}/print`,
          { method: 'POST', body: item.printer ? { printer: item.printer } : {}, idempotencyKey: key });
        const ok = answer && answer.status === 'PRINTED';
        notice($('message'), (answer && answer.message) || t(ok ? 'counter.reprinted' : 'counter.reprintFailed', { number: item.number }), ok ? 'ok' : 'error');
      } catch (error) {
        notice($('message'), error.message, 'error');
      } finally {
        button.disabled = false;
        checkPrints();
      }
    });
    li.append(number, info, button);
    return li;
  }));
}

// ---- balancing advice (decided on the server: balance.advice on the live socket's staff channel; GET .../balance) ----

async function loadAdvice() {
  clearTimeout(state.adviceTimer);
  if (!state.office || $('console').hidden) return;
  try {
    const view = await staffApi(`/api/v1/offices/${encodeURIComponent(state.office.id)}/balance`);
    renderAdvice(Array.isArray(view.advice) ? view.advice : []);
  } catch (error) {
    if (error.status === 403 || error.status === 404) $('balance').hidden = true;
  }
}

function renderAdvice(items) {
  clearTimeout(state.adviceTimer);
  if (items.length) state.adviceTimer = setTimeout(loadAdvice, ADVICE_POLL_MS);
  $('balance').hidden = false;
  $('balance').classList.toggle('active', items.length > 0);
  $('balance-none').hidden = items.length > 0;
  $('balance-list').replaceChildren(...items.map(item => {
    const mine = state.counter && item.counter === state.counter.id;
    const li = document.createElement('li');
    li.className = 'advice' + (mine ? ' mine' : '');
    const text = document.createElement('strong');
    text.className = 'advice-text';
    text.textContent = (item.text && (item.text[currentLang()] || item.text.vi)) || '';
    const detail = document.createElement('span');
    detail.className = 'advice-detail';
    detail.textContent = t('balance.detail', { waiting: item.waiting, predicted: item.predictedMinutes, target: item.targetMinutes });
    li.append(text);
    if (mine) {
      const badge = document.createElement('span');
      badge.className = 'badge advice-mine';
      badge.textContent = t('balance.mine');
      li.append(badge);
    }
    li.append(detail);
    return li;
  }));
}

// ---- appointment check-in by staff ----

/** Checks a booked citizen in by the code they read out or show: the server issues their ticket. */
async function checkIn(event) {
  event.preventDefault();
  const input = $('checkin-code');
  const code = input.value.trim();
  if (!code || !state.office) return;
  const button = $('checkin-submit');
  button.disabled = true;
  try {
    const ticket = await staffApi(`/api/v1/offices/${encodeURIComponent(state.office.id)}/check-in`,
      { method: 'POST', body: { code }, idempotencyKey: newKey() });
    const text = ticket.lateArrival ? t('checkin.consoleLate', { number: ticket.number })
      : t('checkin.consoleDone', { number: ticket.number, time: ticket.slot || '' });
    notice($('checkin-result'), text, 'ok');
    input.value = '';
  } catch (error) {
    notice($('checkin-result'), error.message, 'error');
  } finally {
    button.disabled = false;
  }
}

// ---- start ----

async function main() {
  await loadLang();
  applyText();
  document.querySelectorAll('.lang-switch').forEach(el => langSwitch(el));
  document.title = t('counter.title');
  $('login-form').addEventListener('submit', login);
  $('logout').addEventListener('click', () => leaveCounter(logout));
  $('setup-logout').addEventListener('click', logout);
  $('change-counter').addEventListener('click', () => leaveCounter(() => showSetup(state.office && state.office.id)));
  $('leave-stay').addEventListener('click', stayAtCounter);
  $('help-toggle').addEventListener('click', () => toggleHelp());
  $('help-close').addEventListener('click', () => toggleHelp(false));
  $('pause-form').addEventListener('submit', submitPause);
  $('checkin-form').addEventListener('submit', checkIn);
  document.querySelectorAll('[data-close]').forEach(b => b.addEventListener('click', closeDialogs));
  document.querySelectorAll('#actions [data-action]').forEach(b => b.addEventListener('click', () => act(b.dataset.action)));
  document.addEventListener('keydown', onKey);
  state.auth = readAuth();
  if (!state.auth) {
    showLogin();
    return;
  }
  try {
    await afterLogin();
    const remembered = readRemembered(state.office && state.office.id);
    if (remembered && state.office.counters.some(c => c.id === remembered)) await startConsole(remembered);
  } catch (error) {
    if (error.status !== 401) showLogin(error.message);
  }
}

async function logout() {
  const token = state.auth && state.auth.token;
  forgetAuth();
  stopConsole();
  clearTimeout(state.expiryTimer);
  if (token) api('/api/v1/auth/logout', { method: 'POST', token }).catch(() => { /* the token ends anyway */ });
  showLogin();
}

main();
