// Today's live board, the console's home: per field the waiting count and the oldest wait
// against the field's target (red past it, with an alert), each counter's state (paused with its
// reason, calling or serving a number, idle), the balancing advice, and the fields issuing walk-in
// numbers far faster than normal (the server's surge alerts, GET .../board). The live stream drives it
// (snapshot, then deltas); the details come from the staff reads the counter console uses.
import { t, currentLang } from '../assets/i18n.js';
import { LiveStream, LiveStatus } from '../assets/live.js';
import { formatTime } from '../assets/format.js';
import { $, el, session, adminApi, officePath } from './common.js';

const DETAILS_DEBOUNCE_MS = 700;
const WAITS_DEBOUNCE_MS = 2500;
const TICK_MS = 15000;

let board = null;

export function mount(main) {
  board = {
    queues: [], counters: [], views: {}, balance: null, waits: {}, timers: {}, live: null, stopped: false,
  };
  main.append(
    el('h1.sr-only', {}, t('admin.tabs.live')),
    el('div#alerts.alerts', { role: 'alert', 'aria-live': 'assertive' }),
    el('div.board', {},
      el('section.card.board-fields', { 'aria-labelledby': 'fields-title' },
        el('div.card-head', {}, el('h2#fields-title', {}, t('admin.live.fields')),
          el('span#live-updated.muted-small', {})),
        el('table.data', {},
          el('thead', {}, el('tr', {},
            el('th', { scope: 'col' }, t('admin.live.field')),
            el('th.num', { scope: 'col' }, t('admin.live.waiting')),
            el('th.num', { scope: 'col' }, t('admin.live.oldest')),
            el('th.num', { scope: 'col' }, t('admin.live.target')),
            el('th.num', { scope: 'col' }, t('admin.live.predicted')),
            el('th.num', { scope: 'col' }, t('admin.live.countersOpen')))),
          el('tbody#field-rows', {}))),
      el('section.card.board-side', { 'aria-labelledby': 'advice-title' },
        el('h2#advice-title', {}, t('balance.title')),
        el('p#advice-none.muted-small', {}, t('balance.none')),
        el('ul#advice-list.advice-list', { 'aria-live': 'polite' }))),
    el('section.card.board-counters', { 'aria-labelledby': 'counters-title' },
      el('div.card-head', {}, el('h2#counters-title', {}, t('admin.live.counters')),
        el('span#counter-summary.counter-summary', {})),
      el('ul#counter-cards.counter-cards', {})));
  board.live = new LiveStream({
    office: session.office,
    onSnapshot: snapshot,
    onEvent: liveEvent,
    onStatus: status => { $('live-badge').hidden = status !== LiveStatus.OFFLINE; },
    // the advice is staff-only: the console's token opens the socket's staff channel
    token: () => session.token,
    onStaffEvent: staffEvent,
  }).start();
  // the longest waits grow while nothing happens: the board is asked again every TICK_MS
  board.timers.tick = setInterval(() => schedule('waits', loadWaits, 0), TICK_MS);
}

export function unmount() {
  if (!board) return;
  board.stopped = true;
  if (board.live) board.live.stop();
  Object.values(board.timers).forEach(id => { clearTimeout(id); clearInterval(id); });
  $('live-badge').hidden = true;
  board = null;
}

function snapshot(message) {
  board.queues = (message.queues || []).map(q => ({ ...q }));
  board.counters = (message.counters || []).map(c => ({ ...c }));
  render();
  schedule('details', loadDetails, 0);
  schedule('waits', loadWaits, 0);
}

/** The advice comes on the socket's staff channel (after every snapshot and on each change). */
function staffEvent(event) {
  if (!board || event.type !== 'balance.advice') return;
  if (board.balance) board.balance.advice = Array.isArray(event.advice) ? event.advice : [];
  render();
}

function liveEvent(event) {
  const queue = event.queue;
  if (queue && queue.service) {
    const entry = board.queues.find(q => q.service === queue.service);
    if (entry && typeof queue.waiting === 'number') entry.waiting = queue.waiting;
  }
  render();
  schedule('details', loadDetails, DETAILS_DEBOUNCE_MS);
  schedule('waits', loadWaits, WAITS_DEBOUNCE_MS);
}

function schedule(name, job, delay) {
  clearTimeout(board.timers[name]);
  board.timers[name] = setTimeout(() => {
    if (board && !board.stopped) job().catch(() => { /* the next event or tick tries again */ });
  }, delay);
}

/** Each counter's own view (pause reason, current ticket) and the office's balance view. */
async function loadDetails() {
  const mine = board;
  const [balance, ...views] = await Promise.all([
    adminApi(officePath('/balance')).catch(() => null),
    ...mine.counters.map(c => adminApi(officePath(`/counters/${encodeURIComponent(c.id)}`)).catch(() => null)),
  ]);
  if (mine.stopped) return;
  mine.balance = balance;
  mine.counters.forEach((c, i) => { if (views[i]) mine.views[c.id] = views[i]; });
  mine.updatedAt = new Date();
  render();
}

/** Each field's wait against its target, as the server judges it (GET .../board). */
async function loadWaits() {
  const mine = board;
  const answer = await adminApi(officePath('/board'));
  if (mine.stopped) return;
  mine.waits = {};
  (answer.fields || []).forEach(f => { mine.waits[f.service] = f; });
  mine.surges = Array.isArray(answer.surges) ? answer.surges : [];
  render();
}

function fieldFacts(queue) {
  const balanceField = board.balance && (board.balance.fields || []).find(f => f.service === queue.service);
  const wait = board.waits[queue.service];
  const target = wait ? wait.targetWaitMinutes : balanceField ? balanceField.targetMinutes : null;
  const oldestMinutes = wait && queue.waiting > 0 && wait.oldestWaitMinutes != null ? wait.oldestWaitMinutes : null;
  const over = Boolean(wait && wait.overTarget && queue.waiting > 0);
  return { balanceField, target, oldestMinutes, over };
}

function render() {
  if (!board || !$('field-rows')) return;
  const alerts = [];
  $('field-rows').replaceChildren(...board.queues.map(queue => {
    const f = fieldFacts(queue);
    if (f.over) alerts.push(queue.name);
    const row = el('tr' + (f.over ? '.over' : ''), { dataset: { service: queue.service } },
      el('th', { scope: 'row' }, queue.name, queue.priority > 0
        ? el('span.badge.priority', {}, t('admin.live.priorityWaiting', { n: queue.priority })) : null),
      el('td.num.waiting', {}, String(queue.waiting)),
      el('td.num.oldest', {}, f.oldestMinutes == null ? '—' : t('common.minutes', { n: f.oldestMinutes }),
        f.over ? el('span.over-mark', {}, ' ' + t('admin.live.overTarget')) : null),
      el('td.num', {}, f.target == null ? '—' : t('common.minutes', { n: f.target })),
      el('td.num', {}, f.balanceField && queue.waiting > 0 ? t('common.minutes', { n: f.balanceField.predictedMinutes }) : '—'),
      el('td.num', {}, f.balanceField ? String(f.balanceField.countersOpen) : '—'));
    return row;
  }));
  $('alerts').replaceChildren(...alerts.map(name => el('p.notice.error.alert', {}, t('admin.live.alert', { field: name }))),
    ...(board.surges || []).map(surge => el('p.notice.warn.alert.surge', { dataset: { service: surge.service } },
      t('admin.live.surge', { field: surge.name, n: surge.times }),
      el('span.surge-detail', {}, ' ' + t('admin.live.surgeDetail', { issued: surge.issued, minutes: surge.windowMinutes })))));
  renderCounters();
  renderAdvice();
  $('live-updated').textContent = board.updatedAt
    ? t('admin.live.updated', { time: formatTime(board.updatedAt, session.zone) }) : '';
}

function counterState(counter) {
  const view = board.views[counter.id];
  const current = (view && view.current) || counter.current;
  const paused = view ? view.paused : counter.paused;
  if (paused) {
    const pause = (view && view.pause) || {};
    const reason = pause.reason ? t('counter.reasons.' + pause.reason) : t('admin.live.noReason');
    const since = pause.since ? ' · ' + t('admin.live.since', { time: formatTime(new Date(pause.since), session.zone) }) : '';
    return { kind: 'paused', label: t('admin.live.paused'), detail: reason + (pause.note ? ' — ' + pause.note : '') + since };
  }
  if (current && current.number) {
    const serving = current.status === 'SERVING';
    return { kind: serving ? 'serving' : 'called', label: t(serving ? 'admin.live.serving' : 'admin.live.calling'),
      number: current.number };
  }
  return { kind: 'idle', label: t('admin.live.idle'), detail: '' };
}

function renderCounters() {
  const counts = { open: 0, paused: 0, serving: 0, idle: 0 };
  $('counter-cards').replaceChildren(...board.counters.map(counter => {
    const s = counterState(counter);
    if (s.kind === 'paused') counts.paused++; else counts.open++;
    if (s.kind === 'serving' || s.kind === 'called') counts.serving++;
    if (s.kind === 'idle') counts.idle++;
    const view = board.views[counter.id];
    const fields = view ? view.services.filter(f => !f.backup).map(f => f.name).join(', ') : '';
    return el('li.counter-card.s-' + s.kind, { dataset: { counter: counter.id } },
      el('div.counter-top', {}, el('strong.counter-title', {}, counter.name),
        el('span.state.s-' + s.kind, {}, s.label)),
      s.number ? el('div.ticket-number.counter-number', {}, s.number) : null,
      s.detail ? el('div.counter-detail', {}, s.detail) : null,
      fields ? el('div.counter-fields', {}, fields) : null);
  }));
  $('counter-summary').textContent = t('admin.live.counterSummary', counts);
}

function renderAdvice() {
  const items = (board.balance && Array.isArray(board.balance.advice)) ? board.balance.advice : [];
  $('advice-none').hidden = items.length > 0;
  $('advice-list').replaceChildren(...items.map(item => el('li.advice', {},
    el('strong', {}, (item.text && (item.text[currentLang()] || item.text.vi)) || ''),
    el('span.advice-detail', {}, t('balance.detail', { waiting: item.waiting, predicted: item.predictedMinutes, target: item.targetMinutes })))));
}
