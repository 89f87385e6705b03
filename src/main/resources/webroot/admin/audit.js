// The audit log of the office: a date range (dd/MM/yyyy), then who did what to which setting,
// account or device, newest first, each entry's before and after shown on demand.
import { t } from '../assets/i18n.js';
import { $, el, adminApi, officePath, labelled, dateTime, isoDay, dayText, notice, changedPaths, valueAt } from './common.js';

const MAX_CHANGES = 30;
let tab = null;

export function mount(main) {
  tab = { stopped: false };
  const today = dayText(isoDay());
  const from = el('input#audit-from', { maxlength: 10, placeholder: 'dd/MM/yyyy', inputmode: 'numeric', value: today });
  const to = el('input#audit-to', { maxlength: 10, placeholder: 'dd/MM/yyyy', inputmode: 'numeric', value: today });
  main.append(
    el('div.tab-head', {}, el('h1', {}, t('admin.audit.title'))),
    el('form#audit-form.card.filter-bar', { onsubmit: event => { event.preventDefault(); load(from.value, to.value); } },
      labelled(t('admin.audit.from'), from).wrap,
      labelled(t('admin.audit.to'), to).wrap,
      el('button.btn', { type: 'submit' }, t('admin.audit.show'))),
    el('p#audit-error.notice', { role: 'alert', hidden: true }),
    el('section.card.table-card', { 'aria-labelledby': 'audit-caption' },
      el('table.data#audit-table', {},
        el('caption#audit-caption.sr-only', {}, t('admin.audit.title')),
        el('thead', {}, el('tr', {},
          el('th', { scope: 'col' }, t('admin.audit.at')),
          el('th', { scope: 'col' }, t('admin.audit.actor')),
          el('th', { scope: 'col' }, t('admin.audit.action')),
          el('th', { scope: 'col' }, t('admin.audit.target')),
          el('th', { scope: 'col' }, t('admin.audit.details')))),
        el('tbody#audit-rows', {})),
      el('p#audit-empty.muted-small', { hidden: true }, t('admin.audit.none'))));
  load(today, today);
}

export function unmount() {
  if (tab) tab.stopped = true;
  tab = null;
}

/** dd/MM/yyyy to yyyy-MM-dd, or null. */
function parseDay(text) {
  const m = /^\s*(\d{1,2})\/(\d{1,2})\/(\d{4})\s*$/.exec(text || '');
  if (!m) return null;
  return `${m[3]}-${m[2].padStart(2, '0')}-${m[1].padStart(2, '0')}`;
}

async function load(fromText, toText) {
  const mine = tab;
  const from = parseDay(fromText);
  const to = parseDay(toText);
  if (!from || !to) {
    notice($('audit-error'), t('admin.audit.badDate'), 'error');
    return;
  }
  notice($('audit-error'), '');
  try {
    const entries = await adminApi(officePath(`/audit?from=${from}&to=${to}`));
    if (mine.stopped) return;
    render(Array.isArray(entries) ? entries.slice().reverse() : []);
  } catch (error) {
    if (!mine.stopped && error.status !== 401) notice($('audit-error'), error.message, 'error');
  }
}

function actionName(action) {
  const text = t('admin.audit.actions.' + String(action).replace('.', '_'));
  return text.startsWith('admin.audit.actions.') ? action : text;
}

function render(entries) {
  $('audit-empty').hidden = entries.length > 0;
  const rows = [];
  entries.forEach((e, i) => {
    const has = e.before !== undefined || e.after !== undefined;
    const detailId = `audit-detail-${i}`;
    const toggle = has ? el('button.btn.ghost.small', { type: 'button', 'aria-expanded': 'false', 'aria-controls': detailId },
      t('admin.audit.showChange')) : null;
    const detail = has ? el('tr.audit-detail', { id: detailId, hidden: true }, el('td', { colspan: '5' },
      changes(e.before, e.after),
      el('div.before-after', {},
        el('div', {}, el('h3', {}, t('admin.audit.before')), el('pre.json', {}, show(e.before))),
        el('div', {}, el('h3', {}, t('admin.audit.after')), el('pre.json', {}, show(e.after)))))) : null;
    if (toggle) {
      toggle.addEventListener('click', () => {
        const open = detail.hidden;
        detail.hidden = !open;
        toggle.setAttribute('aria-expanded', String(open));
        toggle.textContent = t(open ? 'admin.audit.hideChange' : 'admin.audit.showChange');
      });
    }
    rows.push(el('tr', { dataset: { action: e.action } },
      el('td', {}, dateTime(e.at)),
      el('td', {}, e.actor || '—'),
      el('td', {}, actionName(e.action)),
      el('td', {}, e.target || '—'),
      el('td', {}, toggle || '—')));
    if (detail) rows.push(detail);
  });
  $('audit-rows').replaceChildren(...rows);
}

/** What changed, path by path ("services[1].prefix: "B" → "A""), when both sides are JSON objects. */
function changes(before, after) {
  if (!before || !after || typeof before !== 'object' || typeof after !== 'object') return null;
  const paths = changedPaths(before, after);
  if (!paths.length) return null;
  const shown = paths.slice(0, MAX_CHANGES);
  return el('div.changes', {}, el('h3', {}, t('admin.audit.changes', { n: paths.length })),
    el('ul', {}, shown.map(p => el('li', {}, el('code', {}, p), ': ',
      el('span.old', {}, brief(valueAt(before, p))), ' → ', el('span.new', {}, brief(valueAt(after, p)))))),
    paths.length > shown.length ? el('p.muted-small', {}, t('admin.audit.moreChanges', { n: paths.length - shown.length })) : null);
}

function brief(value) {
  if (value === undefined) return '—';
  const text = JSON.stringify(value);
  return text.length > 120 ? text.slice(0, 117) + '…' : text;
}

function show(value) {
  if (value === undefined || value === null) return '—';
  return typeof value === 'string' ? value : JSON.stringify(value, null, 2);
}
