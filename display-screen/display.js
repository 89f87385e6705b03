// The lobby screen: /display?office=<id>[&counters=1,2][&services=dat-dai,...][&voice=<pack>][&sound=off][&lang=en]
// Driven only by the shared live stream (snapshot, deltas, resync, reconnect). It keeps only what
// it shows: the latest calls (bounded), the queue counts and the counters' names.
import { loadLang, applyText, t, currentLang } from '/static/assets/i18n.js';
import { api } from '/static/assets/api.js';
import { LiveStream, LiveStatus } from '/static/assets/live.js';
import { formatDate, formatTime, formatWeekday } from '/static/assets/format.js';
import { Voice, Sound } from './voice.js';
import { pairDevice, storedDevice, followFreshTokens, DEVICE_CHECK_MS } from '/static/assets/pairing.js';

const ROWS = 7;                 // earlier calls listed beside (or under) the latest one
const KEEP = ROWS + 1;
const FRESH_MS = 8000;          // a new call flashes this long
const MISSED_CALL_MS = 60000;   // a call a resync reveals is still announced when this recent
const PACK_NAME = /^[a-z0-9][a-z0-9_-]{0,39}$/;

const $ = (id) => document.getElementById(id);
const params = new URLSearchParams(location.search);
const list = (name) => new Set((params.get(name) || '').split(',').map(s => s.trim()).filter(Boolean));

const view = {
  office: null,
  zone: 'Asia/Ho_Chi_Minh',
  counters: new Map(),      // id -> name
  queues: new Map(),        // service code -> { name, prefix, waiting }
  calls: [],                // newest first, at most KEEP
  lastCallAt: null,         // server time of the newest call seen, to find calls missed in a gap
  onlyCounters: list('counters'),
  onlyServices: list('services'),
  shownServices: null,      // the fields this screen shows (filters applied)
};

function shows(call) {
  return (view.onlyCounters.size === 0 || view.onlyCounters.has(String(call.counter)))
    && (view.onlyServices.size === 0 || view.onlyServices.has(call.service));
}

function counterName(id) {
  return view.counters.get(String(id)) || `${t('common.counter')} ${id}`;
}

// ---- rendering: fixed elements filled in place, so the layout never jumps ----

const rows = [];
function buildRows() {
  const ol = $('recent');
  for (let i = 0; i < ROWS; i++) {
    const li = document.createElement('li');
    li.className = 'row empty';
    const number = document.createElement('span');
    number.className = 'row-number ticket-number';
    const counter = document.createElement('span');
    counter.className = 'row-counter';
    const mark = document.createElement('span');
    mark.className = 'row-mark';
    li.append(number, counter, mark);
    ol.append(li);
    rows.push({ li, number, counter, mark });
  }
}

function renderCalls() {
  const latest = view.calls[0];
  $('now').classList.toggle('idle', !latest);
  $('now-number').textContent = latest ? latest.number : '—';
  $('now-counter').textContent = latest ? counterName(latest.counter) : t('display.waitingFirst');
  $('now-field').textContent = latest ? fieldName(latest.service) : '';
  $('now-recall').hidden = !(latest && latest.recalls > 0);
  rows.forEach((row, i) => {
    const call = view.calls[i + 1];
    row.li.classList.toggle('empty', !call);
    row.li.classList.toggle('recall', !!call && call.recalls > 0);
    row.number.textContent = call ? call.number : '';
    row.counter.textContent = call ? counterName(call.counter) : '';
    row.mark.textContent = call && call.recalls > 0 ? t('display.recalled') : call && call.priority ? t('common.priority')
      : call && call.appointment ? `${t('checkin.badge')} ${call.slot || ''}`.trim() : '';
    row.mark.className = 'row-mark' + (call && call.recalls > 0 ? ' badge recall' : call && call.priority ? ' badge priority'
      : call && call.appointment ? ' badge appointment' : '');
  });
}

function fieldName(code) {
  const q = view.queues.get(code);
  return q ? q.name : '';
}

function renderQueues() {
  const box = $('queues');
  const codes = view.shownServices.filter(code => view.queues.has(code));
  if (box.children.length !== codes.length || [...box.children].some((el, i) => el.dataset.service !== codes[i])) {
    box.replaceChildren(...codes.map(code => {
      const item = document.createElement('div');
      item.className = 'queue';
      item.dataset.service = code;
      const name = document.createElement('span');
      name.className = 'queue-name';
      const count = document.createElement('span');
      count.className = 'queue-count';
      const unit = document.createElement('span');
      unit.className = 'queue-unit';
      item.append(name, count, unit);
      return item;
    }));
    box.classList.toggle('many', codes.length > 4);
  }
  [...box.children].forEach(item => {
    const q = view.queues.get(item.dataset.service);
    item.children[0].textContent = q.name;
    item.children[1].textContent = String(q.waiting);
    item.children[2].textContent = t('display.waiting');
  });
}

let freshTimer = null;
function flash() {
  const now = $('now');
  now.classList.remove('fresh');
  void now.offsetWidth; // restart the animation
  now.classList.add('fresh');
  clearTimeout(freshTimer);
  freshTimer = setTimeout(() => now.classList.remove('fresh'), FRESH_MS);
}

// ---- live state ----

function callOf(c) {
  return { number: c.number, counter: String(c.counter), service: c.service, at: c.at, recalls: c.recalls || 0,
    priority: !!c.priority, appointment: !!c.appointment, slot: c.slot || null, announcement: c.announcement || null };
}

function onSnapshot(snapshot) {
  view.counters = new Map((snapshot.counters || []).map(c => [String(c.id), c.name]));
  view.queues = new Map((snapshot.queues || []).map(q => [q.service, { name: q.name, prefix: q.prefix, waiting: q.waiting }]));
  if (!view.shownServices) view.shownServices = [...view.queues.keys()].filter(servedHere);
  const calls = (snapshot.recentCalls || []).map(callOf).filter(shows);
  // calls made while this screen was cut off are still said if they are recent
  if (view.lastCallAt !== null) {
    const now = Date.now();
    calls.filter(c => c.at > view.lastCallAt && now - c.at < MISSED_CALL_MS).reverse().forEach(c => voice.say(c));
  }
  if (calls.length) view.lastCallAt = Math.max(view.lastCallAt || 0, calls[0].at);
  else if (view.lastCallAt === null) view.lastCallAt = 0;
  view.calls = calls.slice(0, KEEP);
  renderCalls();
  renderQueues();
}

function onEvent(event, replayed = false) {
  if (event.queue && view.queues.has(event.queue.service)) {
    view.queues.get(event.queue.service).waiting = event.queue.waiting;
    renderQueues();
  }
  if (event.type === 'ticket.called' || event.type === 'ticket.recalled') {
    const call = callOf({ ...event.ticket, counter: event.counter, at: event.at, announcement: event.announcement });
    view.lastCallAt = Math.max(view.lastCallAt || 0, call.at);
    if (!shows(call)) return;
    view.calls = [call, ...view.calls.filter(c => !(c.number === call.number && c.counter === call.counter))]
      .slice(0, KEEP);
    renderCalls();
    // a call made while this screen was cut off (replayed after its reconnect) is shown; said and
    // flashed only if it is still recent, as a snapshot's calls are
    if (replayed && Date.now() - call.at >= MISSED_CALL_MS) return;
    flash();
    voice.say(call);
  } else if (event.type === 'day.closed') {
    stream.resync();
  }
}

/** With a counters filter, the fields those counters serve; with a services filter, those. */
function servedHere(code) {
  if (view.onlyServices.size > 0 && !view.onlyServices.has(code)) return false;
  if (view.onlyCounters.size === 0) return true;
  return view.office.counters.some(c => view.onlyCounters.has(String(c.id)) && c.services.includes(code));
}

// ---- status: connection and sound ----

function onStatus(status) {
  $('offline').hidden = status !== LiveStatus.OFFLINE;
  document.body.classList.toggle('is-offline', status === LiveStatus.OFFLINE);
}

function onSound(state) {
  $('sound-on').hidden = state !== Sound.BLOCKED;
  $('sound-off').hidden = !(state === Sound.BLOCKED || state === Sound.OFF);
  document.body.classList.toggle('sound-off', state === Sound.BLOCKED || state === Sound.OFF);
}

function onSpeaking(item) {
  const cue = $('announcing');
  cue.hidden = !item;
  $('announcing-text').textContent = item ? t('display.announcing', { number: item.number }) : '';
  const latest = view.calls[0];
  $('now').classList.toggle('speaking', !!item && !!latest && latest.number === item.number);
}

// ---- clock and ticker ----

function tick() {
  const now = new Date();
  $('time').textContent = formatTime(now, view.zone);
  const weekday = formatWeekday(now, view.zone, currentLang());
  $('date').textContent = `${weekday.charAt(0).toUpperCase()}${weekday.slice(1)}, ${formatDate(now, view.zone)}`;
}

function ticker(text) {
  const bar = $('ticker');
  bar.hidden = !text;
  if (!text) return;
  const span = $('ticker-text');
  span.textContent = text;
  // about 9 characters a second whatever the line's length: calm, readable from afar
  span.style.setProperty('--ticker-seconds', `${Math.max(20, Math.round(text.length / 9))}s`);
}

// ---- start ----

function problem(key) {
  $('problem').textContent = t(key);
  $('problem').hidden = false;
}

await loadLang();
applyText();
buildRows();
const officeId = params.get('office');
let voice = { say() {} };
let stream = null;
if (!officeId) {
  problem('common.missingOffice');
} else {
  try {
    view.office = await api(`/api/v1/offices/${encodeURIComponent(officeId)}`);
  } catch (failed) {
    problem(failed.status === 404 ? 'common.unknownOffice' : 'common.networkError');
  }
}
if (view.office) {
  const settings = view.office.display || {};
  view.zone = view.office.timezone || view.zone;
  $('office-name').textContent = view.office.name;
  document.title = `${view.office.name} — ${t('display.title')}`;
  ticker(settings.ticker);
  tick();
  setInterval(tick, 1000);
  const asked = params.get('voice');
  const pack = PACK_NAME.test(asked || '') ? asked : (settings.voicePack || 'vi-espeak');
  voice = new Voice({
    pack: `/voice/${pack}/`, clipsOnly: settings.voice === 'clips', muted: params.get('sound') === 'off',
    onSound, onSpeaking,
  });
  $('sound-on').addEventListener('click', () => voice.unlock());
  voice.start();
  stream = new LiveStream({ office: officeId, onSnapshot, onEvent, onStatus }).start();
}

// ---- pairing (optional: the live stream is public) ------------------------------------------------
// A screen is paired only when asked (?pair=1), so that it shows in the office's device list with its
// last-seen time and can be revoked. A screen that was paired and whose token was revoked shows its
// code again: someone meant it to be paired, and a manager should see it is no longer.
// A paired screen asks every DEVICE_CHECK_MS whether it still is (a revoked one says so within seconds).
const deviceKey = `layso.display.device.${officeId}`;
// a rotated token (X-Layso-Token, at most once a day) is kept where the screen keeps its device
followFreshTokens(deviceKey);

/** unpaired: the screen was paired and its token was refused: "Thiết bị chưa ghép nối" above the code. */
function showPairing(unpaired = false) {
  $('pairing').hidden = false;
  pairDevice({ storageKey: deviceKey, container: $('pairing-box'), unpaired,
    onPaired: () => { $('pairing').hidden = true; } });
}

async function checkDevice() {
  const device = storedDevice(deviceKey);
  if (!device || !$('pairing').hidden) return;
  try {
    await api('/api/v1/devices/me', { token: device.token });
  } catch (failed) {
    if (failed.status === 401 || failed.status === 403) {
      try { localStorage.removeItem(deviceKey); } catch (ignored) { /* storage off */ }
      showPairing(true);
    }
  }
}

if (view.office) {
  if (storedDevice(deviceKey)) checkDevice();
  else if (params.get('pair') === '1') showPairing();
  setInterval(checkDevice, DEVICE_CHECK_MS);
}
