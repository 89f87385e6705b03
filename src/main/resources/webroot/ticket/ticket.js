// A citizen's ticket page, opened from the QR on the printed ticket: no log-in, the ticket id in
// the path is its only key (never shown, never sent anywhere but GET /api/v1/tickets/{id}). It
// follows the office's live stream and keeps its place from the events (place.js: the rule, and
// when it asks the server again: rarely, with jitter, so a lobby full of phones costs the server
// O(calls), not O(calls x phones)), and turns to "Đến lượt bạn" when its number is called.
// Plain JS for old Android WebViews (Zalo): every newer API is guarded.
import { loadLang, applyText, langSwitch, t } from '../assets/i18n.js';
import { api } from '../assets/api.js';
import { LiveStream, LiveStatus } from '../assets/live.js';
import { formatDate, formatTime } from '../assets/format.js';
import { initRating, updateRating } from './rating.js';
import { PlaceFollower, estimateAt } from './place.js';

// 'later' asks (a gap, a pause, a delta without a place: not per call) are spread over 1-5 s
const REFRESH_MIN_MS = 1000;
const REFRESH_JITTER_MS = 4000;
// the estimate's slow refresh while waiting: every 4-6 minutes
const ESTIMATE_MIN_MS = 240000;
const ESTIMATE_JITTER_MS = 120000;
const OPEN = ['WAITING', 'CALLED', 'SERVING'];

const $ = id => document.getElementById(id);
const state = { id: null, ticket: null, basis: null, office: null, live: null, timer: null, due: 0, poll: null,
  failures: 0, audio: null, alerted: null, follower: null };

function ticketId() {
  const parts = location.pathname.split('/t/');
  let id = '';
  try { id = decodeURIComponent(parts[1] || ''); } catch (bad) { id = ''; }
  return /^[A-Za-z0-9._-]{1,100}$/.test(id) ? id : null;
}

function show(section) {
  $('loading').hidden = section !== 'loading';
  $('ticket').hidden = section !== 'ticket';
  $('not-found').hidden = section !== 'not-found';
  $('page').dataset.state = section;
}

function serviceName(code) {
  const s = state.office && state.office.services.find(x => x.code === code);
  return s ? s.name : code;
}

function counterName(id) {
  const c = state.office && state.office.counters.find(x => x.id === id);
  return c ? c.name : t('common.counter') + ' ' + id;
}

// ---- loading and refreshing the ticket ----

async function load() {
  let ticket;
  try {
    ticket = await api(`/api/v1/tickets/${encodeURIComponent(state.id)}`);
  } catch (error) {
    if (error.status === 404) {
      notFound();
      return;
    }
    state.failures += 1;
    $('load-error').textContent = t('ticket.loadError');
    $('load-error').hidden = false;
    schedule(Math.min(60000, 2000 * 2 ** Math.min(state.failures, 5)));
    return;
  }
  state.failures = 0;
  $('load-error').hidden = true;
  if (!state.office) {
    state.office = await api(`/api/v1/offices/${encodeURIComponent(ticket.office)}`).catch(() => null);
    if (state.office) $('office-name').textContent = state.office.name;
  }
  const before = state.ticket;
  state.basis = basisOf(ticket);
  state.follower.read(ticket);
  state.ticket = state.follower.ticket;
  render();
  if (ticket.status === 'CALLED' && (!before || before.status !== 'CALLED')) alertCalled(String(Date.parse(ticket.calledAt)));
  if (!state.live && OPEN.indexOf(ticket.status) >= 0) startLive(ticket.office);
  if (state.live && OPEN.indexOf(ticket.status) < 0) stopLive();
  if (ticket.status === 'WAITING') schedule(ESTIMATE_MIN_MS + Math.random() * ESTIMATE_JITTER_MS);
  updateRating(state.id, ticket, zone());
}

/** The server's estimate at the place it was given for: the page follows the place from it. */
function basisOf(tk) {
  if (tk.status !== 'WAITING' || typeof tk.position !== 'number') return null;
  const range = tk.estimatedWait;
  const p50 = range ? range.p50Minutes : (tk.estimatedWaitMinutes || 0);
  return { position: tk.position, p50Minutes: p50, p90Minutes: range ? range.p90Minutes : p50 };
}

/** What the page shows changed by a live event (the follower moved the place or read a status). */
function followed(ticket, alert) {
  state.ticket = ticket;
  render();
  if (alert) alertCalled(alert);
}

function notFound() {
  stopLive();
  show('not-found');
  document.title = t('ticket.notFound');
}

/** Asks again after delay, or sooner when an ask is already due later (one request per window). */
function schedule(delay) {
  const due = Date.now() + delay;
  if (state.timer && state.due <= due) return;
  clearTimeout(state.timer);
  state.due = due;
  state.timer = setTimeout(() => {
    state.timer = null;
    load();
  }, delay);
}

function ask(when) {
  schedule(when === 'soon' ? Math.random() * 300 : REFRESH_MIN_MS + Math.random() * REFRESH_JITTER_MS);
}

function startLive(office) {
  state.live = new LiveStream({
    office,
    onSnapshot: snapshot => state.follower.snapshot(snapshot),
    onEvent: liveEvent,
    onStatus: status => { $('live-badge').hidden = status !== LiveStatus.OFFLINE; },
  }).start();
}

function stopLive() {
  if (state.live) state.live.stop();
  state.live = null;
  $('live-badge').hidden = true;
}

function liveEvent(event) {
  state.follower.delta(event);
  const mine = state.ticket;
  // a counter of my field pausing or resuming changes the predicted wait, not the place
  if (mine && mine.status === 'WAITING' && (event.type === 'counter.paused' || event.type === 'counter.resumed')
    && servesField(event.counter, mine.service)) ask('later');
}

function servesField(counterId, service) {
  const c = state.office && state.office.counters.find(x => x.id === counterId);
  return !!c && c.services.indexOf(service) >= 0;
}

// ---- showing it ----

function zone() {
  return (state.office && state.office.timezone) || 'Asia/Ho_Chi_Minh';
}

function render() {
  const tk = state.ticket;
  show('ticket');
  $('number').textContent = tk.number;
  $('service').textContent = serviceName(tk.service);
  const issued = new Date(tk.issuedAt);
  $('issued').textContent = formatTime(issued, zone()) + ', ' + formatDate(issued, zone());
  const waiting = tk.status === 'WAITING';
  $('waiting').hidden = !waiting || typeof tk.position !== 'number';
  if (waiting && typeof tk.position === 'number') {
    const ahead = Math.max(0, tk.position - 1);
    $('ahead').textContent = ahead === 0 ? t('ticket.aheadNone') : String(ahead);
    $('ahead').classList.toggle('small', ahead === 0);
    const wait = state.basis && state.basis.position > 0 ? estimateAt(state.basis, tk.position) : null;
    if (wait) {
      $('wait').textContent = waitText(wait);
      $('wait').classList.toggle('small', wait.p50Minutes === 0);
    }
  }
  const transferred = $('transferred');
  transferred.hidden = !(waiting && tk.transferredFrom);
  if (waiting && tk.transferredFrom) {
    transferred.textContent = t('ticket.transferred', { service: serviceName(tk.service) }) + '. ' + t('ticket.transferredHint');
  }
  $('called').hidden = true;
  $('serving').hidden = tk.status !== 'SERVING';
  if (tk.status === 'SERVING') $('serving-text').textContent = t('ticket.serving', { counter: counterName(tk.counter) });
  if (tk.status === 'CALLED') showCalled(tk.counter, tk.recalls > 0);
  renderEnded(tk);
  $('alerts').hidden = !waiting || state.audio !== null;
  $('hint').hidden = OPEN.indexOf(tk.status) < 0;
  document.body.dataset.status = tk.status;
  $('updated').textContent = t('ticket.updated', { time: formatTime(new Date(), zone()) });
}

/**
 * The predicted wait: the server's at its place, followed to the place now (place.js): its median
 * and, when wider, its 90th percentile ("Dự kiến chờ khoảng 12 phút (có thể đến 25 phút)").
 */
function waitText(wait) {
  const p50 = wait.p50Minutes;
  const p90 = wait.p90Minutes;
  if (p50 === 0) return p90 > 0 ? t('predict.waitSoon', { p90 }) : t('ticket.waitNone');
  return p90 > p50 ? t('predict.waitRange', { p50, p90 }) : t('predict.waitAbout', { p50 });
}

function renderEnded(tk) {
  const ended = { DONE: ['ticket.done', 'ticket.doneHint'], NO_SHOW: ['ticket.noShow', 'ticket.noShowHint'],
    CANCELLED: ['ticket.cancelled', ''], EXPIRED: ['ticket.expired', 'ticket.expiredHint'] }[tk.status];
  $('ended').hidden = !ended;
  if (!ended) return;
  $('ended').className = 'state ended s-' + tk.status.toLowerCase();
  // skipped: the counter called the next number while this one was called and had not come
  const skipped = tk.status === 'NO_SHOW' && tk.endReason === 'skipped';
  $('ended-title').textContent = t(skipped ? 'ticket.skipped' : ended[0]);
  $('ended-hint').textContent = skipped ? t('ticket.skippedHint') : (ended[1] ? t(ended[1]) : '');
}

function showCalled(counter, recalled) {
  $('called').hidden = false;
  $('waiting').hidden = true;
  $('transferred').hidden = true;
  $('alerts').hidden = true;
  $('called-title').textContent = t('ticket.yourTurn');
  $('called-counter').textContent = (recalled ? t('ticket.recalled') + ' — ' : '') + t('ticket.goTo', { counter: counterName(counter) });
  document.body.dataset.status = 'CALLED';
}

// ---- vibration and a short chime, where the phone allows ----

function unlockAudio() {
  if (state.audio) return;
  const Context = window.AudioContext || window.webkitAudioContext;
  if (!Context) {
    state.audio = false;
    return;
  }
  try {
    state.audio = new Context();
    if (state.audio.resume) state.audio.resume();
  } catch (refused) {
    state.audio = false;
  }
}

function chime() {
  const ctx = state.audio;
  if (!ctx) return;
  try {
    if (ctx.resume) ctx.resume();
    [[880, 0], [660, 0.28], [880, 0.56]].forEach(([freq, at]) => {
      const osc = ctx.createOscillator();
      const gain = ctx.createGain();
      osc.type = 'sine';
      osc.frequency.value = freq;
      const start = ctx.currentTime + at;
      gain.gain.setValueAtTime(0.0001, start);
      gain.gain.exponentialRampToValueAtTime(0.4, start + 0.03);
      gain.gain.exponentialRampToValueAtTime(0.0001, start + 0.25);
      osc.connect(gain);
      gain.connect(ctx.destination);
      osc.start(start);
      osc.stop(start + 0.27);
    });
  } catch (unsupported) { /* silent phone */ }
}

/** Vibrates and chimes once per call (a recall is a new call). */
function alertCalled(which) {
  if (state.alerted === which) return;
  state.alerted = which;
  try { if (navigator.vibrate) navigator.vibrate([400, 200, 400, 200, 800]); } catch (unsupported) { /* no motor */ }
  chime();
}

// ---- start ----

async function main() {
  await loadLang();
  applyText();
  langSwitch(document.querySelector('.lang-switch'));
  document.title = t('ticket.title');
  const unlockOnce = () => {
    unlockAudio();
    document.removeEventListener('click', unlockOnce, true);
    document.removeEventListener('touchend', unlockOnce, true);
  };
  document.addEventListener('click', unlockOnce, true);
  document.addEventListener('touchend', unlockOnce, true);
  $('alerts').addEventListener('click', () => {
    unlockAudio();
    chime();
    try { if (navigator.vibrate) navigator.vibrate(200); } catch (unsupported) { /* no motor */ }
    $('alerts').hidden = true;
  });
  initRating();
  state.follower = new PlaceFollower({ onTicket: followed, onAsk: ask });
  state.id = ticketId();
  if (!state.id) {
    notFound();
    return;
  }
  await load();
}

main();
