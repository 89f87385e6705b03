// The settings editor: GET .../settings into a form by section, PUT it back with If-Match.
// The server validates the whole office; its 400 errors are shown beside the inputs they name
// (every input carries its JSON path in data-path) and in a list at the top; a 412 offers a
// reload that keeps the unsaved version visible; pending changes (from a later day) are shown.
import { t, currentLang } from '../assets/i18n.js';
import { ApiError } from '../assets/api.js';
import { $, el, session, adminApi, officePath, dayText, labelled, confirmDialog, changedPaths } from './common.js';
import { holidayCard } from './holidays.js';

const DAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];
const SECTIONS = ['general', 'fields', 'counters', 'hours', 'booking', 'holidays', 'priority', 'display', 'printers', 'ratings', 'citizenCard', 'raw'];

let ed = null;

/** Ctrl+S (or ⌘S) saves, as in any editor people know. */
function onKey(event) {
  if ((event.ctrlKey || event.metaKey) && (event.key === 's' || event.key === 'S')) {
    event.preventDefault();
    const button = $('settings-save');
    if (button && !button.disabled) save();
  }
}

export function mount(main) {
  document.addEventListener('keydown', onKey);
  window.addEventListener('resize', stickTableHeads);
  ed = { original: null, draft: null, errors: [], unsaved: null, stopped: false };
  main.append(el('div#settings.settings', {}, el('p.muted-small', {}, t('admin.settings.loading'))));
  load();
}

export function unmount() {
  document.removeEventListener('keydown', onKey);
  window.removeEventListener('resize', stickTableHeads);
  if (ed) ed.stopped = true;
  ed = null;
}

export function dirty() {
  return !!(ed && ed.draft && ed.baseline && JSON.stringify(ed.draft) !== JSON.stringify(ed.baseline));
}

/** The form fills in empty sections as it renders: what counts as unchanged is the draft right after. */
function settle() {
  render();
  ed.baseline = JSON.parse(JSON.stringify(ed.draft));
}

/** Asked before leaving the tab, changing office or logging out. */
export function leaving() {
  return !dirty() || window.confirm(t('admin.settings.leaveUnsaved'));
}

function strip(settings) {
  const copy = JSON.parse(JSON.stringify(settings || {}));
  delete copy.revision;
  delete copy.pending;
  return copy;
}

async function load(keepUnsaved = null) {
  const mine = ed;
  try {
    const settings = await adminApi(officePath('/settings'));
    if (mine.stopped) return;
    mine.original = settings;
    mine.draft = strip(settings);
    mine.errors = [];
    mine.unsaved = keepUnsaved;
    settle();
  } catch (error) {
    if (mine.stopped) return;
    // the holiday calendar has its own API: still offered when the settings cannot be read
    $('settings').replaceChildren(el('p.notice.error', { role: 'alert' }, error.message),
      mine.holidays || (mine.holidays = holidayCard()));
  }
}

/** PUT with If-Match; api.js sends no custom header, so this one call speaks fetch itself. */
async function put(body, revision) {
  const response = await fetch(officePath('/settings'), {
    method: 'PUT', cache: 'no-store',
    headers: { 'Accept': 'application/json', 'Content-Type': 'application/json', 'Accept-Language': currentLang(),
      'Authorization': `Bearer ${session.token}`, 'If-Match': `"${revision}"` },
    body: JSON.stringify(body),
  }).catch(() => { throw new ApiError(0, 'network', t('common.networkError')); });
  let json = null;
  try { json = await response.json(); } catch (notJson) { /* empty */ }
  if (!response.ok) {
    throw new ApiError(response.status, (json && json.code) || 'http_' + response.status,
      (json && json.message) || t('common.serverError'), json);
  }
  return json;
}

async function save() {
  const button = $('settings-save');
  button.disabled = true;
  status(t('admin.settings.saving'), '');
  try {
    const saved = await put(ed.draft, ed.original.revision);
    ed.original = saved;
    ed.draft = strip(saved);
    ed.errors = [];
    ed.unsaved = null;
    settle();
    // the other tabs name counters and fields from the office's public view
    adminApi(`/api/v1/offices/${encodeURIComponent(session.office)}`).then(view => { session.officeView = view; }).catch(() => {});
    status(saved.pending ? t('admin.settings.savedPending', { date: dayText(saved.pending.from) }) : t('admin.settings.saved'),
      saved.pending ? 'warn' : 'ok');
  } catch (error) {
    if (error.status === 401) return;
    if (error.status === 412 || error.code === 'revision_conflict') {
      ed.errors = [];
      render();
      conflict();
    } else if (error.status === 400 && Array.isArray(error.details.errors)) {
      ed.errors = error.details.errors;
      render();
      const list = $('settings-errors');
      if (list) list.focus();
    } else {
      status(error.message, 'error');
    }
  } finally {
    const again = $('settings-save');
    if (again) again.disabled = false;
  }
}

function conflict() {
  const box = $('settings-status');
  box.replaceChildren(el('span', {}, t('admin.settings.conflict')), ' ',
    el('button.btn.warn#settings-reload', { type: 'button', onclick: reloadAfterConflict }, t('admin.settings.reload')));
  box.className = 'notice error';
  box.hidden = false;
  $('settings-reload').focus();
}

async function reloadAfterConflict() {
  const mine = JSON.parse(JSON.stringify(ed.draft));
  const changed = changedPaths(ed.baseline, mine);
  const ok = await confirmDialog(t('admin.settings.reloadTitle'),
    t('admin.settings.reloadText', { n: changed.length }), t('admin.settings.reload'), 'warn');
  if (!ok) return;
  await load(changed.length ? { settings: mine, changed } : null);
  status(t('admin.settings.reloaded'), 'warn');
}

function status(text, kind) {
  const box = $('settings-status');
  if (!box) return;
  box.replaceChildren(text || '');
  box.className = 'notice' + (kind ? ' ' + kind : '');
  box.hidden = !text;
}

// ---- the form ----

function render() {
  const root = $('settings');
  if (!root) return;
  const d = ed.draft;
  root.replaceChildren(...[
    el('div.settings-head', {},
      el('h1', {}, t('admin.settings.title')),
      el('span.muted-small', {}, t('admin.settings.revision', { n: ed.original.revision })),
      // in the sticky head: "Đã lưu" or a refusal shows wherever the manager pressed save
      el('p#settings-status.notice', { role: 'status', 'aria-live': 'polite', hidden: true }),
      el('button.btn#settings-save', { type: 'button', onclick: save, 'aria-keyshortcuts': 'Control+S' }, t('admin.settings.save'))),
    errorList(),
    unsavedBox(),
    pendingBox(),
    el('nav.section-nav', { 'aria-label': t('admin.settings.sections') },
      SECTIONS.map(s => el('a', { href: '#settings', onclick: event => { event.preventDefault(); jump(s); } }, t('admin.settings.s.' + s)))),
    section('general', general(d)),
    section('fields', fields(d)),
    section('counters', counters(d)),
    section('hours', hours(d)),
    section('booking', booking(d)),
    ed.holidays || (ed.holidays = holidayCard()),
    section('priority', priority(d)),
    section('display', display(d)),
    section('printers', printers(d)),
    section('ratings', ratings(d)),
    section('citizenCard', citizenCard()),
    section('raw', raw(d))].filter(Boolean));
  placeErrors();
  nameUnsaved();
  stickTableHeads();
}

/**
 * A table that fits its card keeps its column names in view under the sticky head while one scrolls
 * down its rows (which field is this column of the counters?); a wider one scrolls sideways instead.
 */
function stickTableHeads() {
  const root = $('settings');
  const head = root && root.querySelector('.settings-head');
  if (!head) return;
  root.style.setProperty('--settings-head', head.offsetHeight + 'px');
  root.querySelectorAll('.table-scroll').forEach(wrap => wrap.classList.toggle('fits', wrap.scrollWidth <= wrap.clientWidth));
}

/** The unsaved paths by the names the form gives them ("Đất đai › Mô tả"), once the inputs exist. */
function nameUnsaved() {
  if (!ed.unsaved) return;
  document.querySelectorAll('.unsaved li').forEach((li, i) => { li.textContent = label(ed.unsaved.changed[i]); });
}

function jump(name) {
  const target = $('sec-' + name);
  if (!target) return;
  target.scrollIntoView({ block: 'start' });
  const h = target.querySelector('h2');
  if (h) h.focus();
}

function section(name, ...content) {
  return el('section.card.settings-section#sec-' + name, { 'aria-labelledby': 'sec-' + name + '-h' },
    el('h2', { id: 'sec-' + name + '-h', tabindex: '-1' }, t('admin.settings.s.' + name)), ...content);
}

function pendingBox() {
  const pending = ed.original.pending;
  if (!pending) return null;
  const reasons = Array.isArray(pending.reasons) ? pending.reasons : [];
  return el('div.notice.warn.pending#settings-pending', { role: 'status' },
    el('strong', {}, t('admin.settings.pending', { date: dayText(pending.from) })),
    el('p', {}, t('admin.settings.pendingHint')),
    reasons.length ? el('ul', {}, reasons.map(r => el('li', {}, el('code', {}, r.path), ' — ', r.message || r.code))) : null,
    el('details', {}, el('summary', {}, t('admin.settings.pendingShow')),
      el('pre.json', {}, JSON.stringify(pending.settings || {}, null, 2))));
}

function unsavedBox() {
  if (!ed.unsaved) return null;
  return el('div.notice.warn.unsaved', {},
    el('strong', {}, t('admin.settings.unsavedTitle')),
    el('p', {}, t('admin.settings.unsavedHint')),
    el('ul', {}, ed.unsaved.changed.map(p => el('li', {}, el('code', {}, p)))),
    el('div.row-actions', {},
      el('button.btn.secondary', { type: 'button', onclick: () => { reapply(ed.unsaved); ed.unsaved = null; render(); } },
        t('admin.settings.unsavedApply')),
      el('button.btn.ghost', { type: 'button', onclick: () => { ed.unsaved = null; render(); } }, t('admin.settings.unsavedDrop'))));
}

/** Copies only the values one changed onto the latest settings (the other person's changes stay). */
function reapply(unsaved) {
  unsaved.changed.forEach(path => {
    if (path === '/') { ed.draft = JSON.parse(JSON.stringify(unsaved.settings)); return; }
    const dotted = path.replace(/\[(\d+)\]/g, '.$1');
    const value = dotted.split('.').reduce((node, key) => (node == null ? undefined : node[key]), unsaved.settings);
    set(dotted, value === undefined ? undefined : JSON.parse(JSON.stringify(value)));
  });
}

function errorList() {
  if (!ed.errors.length) return null;
  return el('div.notice.error.error-list#settings-errors', { tabindex: '-1', role: 'alert' },
    el('strong', {}, t('admin.settings.errorsTitle', { n: ed.errors.length })),
    el('ul', {}, ed.errors.map(e => el('li', {},
      el('a', { href: '#settings', onclick: event => { event.preventDefault(); focusPath(e.path); } }, label(e.path)),
      ': ', e.message || e.code))));
}

/** A readable name for an error's path: "Lĩnh vực 3 › Tiền tố" rather than services[2].prefix. */
function label(path) {
  const input = inputFor(path);
  if (input && input.getAttribute('aria-label')) return `${input.getAttribute('aria-label')} (${path})`;
  const lbl = input && input.id && document.querySelector(`label[for="${input.id}"]`);
  const group = input && (input.matches('[data-group]') ? input : input.closest('[data-group]'));
  const parts = [group ? group.dataset.group : null, lbl ? lbl.textContent : null].filter(Boolean);
  return parts.length ? `${parts.join(' › ')} (${path})` : path;
}

/** The input whose data-path is the error's path or its nearest parent (services[2].prefix, then services[2]). */
function inputFor(path) {
  let p = path || '';
  while (p) {
    const found = document.querySelector(`#settings [data-path="${CSS.escape(p)}"]`);
    if (found) return found;
    const cut = Math.max(p.lastIndexOf('.'), p.lastIndexOf('['));
    p = cut > 0 ? p.slice(0, cut) : '';
  }
  return null;
}

function focusPath(path) {
  const found = inputFor(path);
  const input = found && (found.matches('input, select, textarea') ? found : found.querySelector('input, select, textarea'));
  if (input) { input.scrollIntoView({ block: 'center' }); input.focus(); }
}

function placeErrors() {
  ed.errors.forEach((e, i) => {
    const found = inputFor(e.path);
    if (!found) return;
    const id = `err-${i}`;
    const row = found.matches('tr') ? found : null;
    const input = row ? row.querySelector('input, select') : found;
    if (!input) return;
    input.setAttribute('aria-invalid', 'true');
    input.setAttribute('aria-describedby', [input.getAttribute('aria-describedby'), id].filter(Boolean).join(' '));
    const host = row ? row.cells[1] || row.cells[0] : input.closest('.field') || input.parentElement;
    host.classList.add('has-error');
    host.append(el('small.field-error', { id, dataset: { path: e.path } }, e.message || e.code));
  });
  const list = $('settings-errors');
  if (list) list.querySelectorAll('a').forEach((a, i) => { a.textContent = label(ed.errors[i].path); });
}

// ---- inputs bound to the draft ----

function get(path) {
  return path.split('.').reduce((node, key) => (node == null ? undefined : node[key]), ed.draft);
}

function set(path, value) {
  const keys = path.split('.');
  let node = ed.draft;
  keys.slice(0, -1).forEach(k => { if (node[k] == null || typeof node[k] !== 'object') node[k] = {}; node = node[k]; });
  const last = keys[keys.length - 1];
  if (value === undefined) delete node[last]; else node[last] = value;
}

/** Paths in data-path use [i] for arrays, as the server's errors do; get/set use .i */
function errPath(path) {
  return path.replace(/\.(\d+)(?=\.|$)/g, '[$1]');
}

function text(path, labelText, { max = 200, hint, area = false, required = false, readonly = false } = {}) {
  const value = get(path);
  const input = area ? el('textarea', { rows: 3, maxlength: max }) : el('input', { type: 'text', maxlength: max });
  input.value = value == null ? '' : String(value);
  input.dataset.path = errPath(path);
  if (required) input.required = true;
  if (readonly) input.readOnly = true;
  input.addEventListener('input', () => set(path, input.value === '' && !required ? undefined : input.value));
  return labelled(labelText, input, hint).wrap;
}

function number(path, labelText, { min = 0, max = 100000, hint } = {}) {
  const value = get(path);
  const input = el('input', { type: 'number', min: String(min), max: String(max), step: '1', inputmode: 'numeric' });
  input.value = value == null ? '' : String(value);
  input.dataset.path = errPath(path);
  input.addEventListener('input', () => set(path, input.value === '' ? undefined : Number(input.value)));
  return labelled(labelText, input, hint).wrap;
}

function time(path, labelText, hint) {
  const value = get(path);
  const input = el('input', { type: 'text', maxlength: 5, placeholder: 'HH:mm', pattern: '[0-2][0-9]:[0-5][0-9]', inputmode: 'numeric' });
  input.value = value || '';
  input.dataset.path = errPath(path);
  input.addEventListener('input', () => set(path, input.value === '' ? null : input.value));
  return labelled(labelText, input, hint).wrap;
}

function select(path, labelText, options) {
  const value = get(path);
  const input = el('select', {}, options.map(([v, name]) => new Option(name, v, false, String(value) === String(v))));
  input.dataset.path = errPath(path);
  input.addEventListener('change', () => {
    const chosen = options.find(([v]) => String(v) === input.value);
    set(path, chosen ? chosen[0] : input.value);
  });
  return labelled(labelText, input).wrap;
}

function check(path, labelText) {
  const input = el('input', { type: 'checkbox' });
  input.checked = !!get(path);
  input.dataset.path = errPath(path);
  input.addEventListener('change', () => set(path, input.checked));
  const id = 'c' + Math.random().toString(36).slice(2, 9);
  input.id = id;
  return el('div.field.check', {}, input, el('label', { for: id }, labelText));
}

/** Sessions of one day as "07:30-11:30, 13:30-17:00" <-> ["07:30-11:30", "13:30-17:00"]. */
function sessions(path, labelText) {
  const value = get(path);
  const input = el('input', { type: 'text', maxlength: 120, placeholder: '07:30-11:30, 13:30-17:00' });
  input.value = Array.isArray(value) ? value.join(', ') : '';
  input.dataset.path = errPath(path);
  input.addEventListener('input', () => {
    const list = input.value.split(/[,;]/).map(s => s.trim()).filter(Boolean);
    set(path, list.length ? list : undefined);
  });
  return labelled(labelText, input).wrap;
}

function grid(...children) {
  return el('div.form-grid', {}, ...children);
}

function removeButton(labelText, onRemove) {
  return el('button.btn.ghost.small', { type: 'button', onclick: onRemove }, labelText);
}

// ---- sections ----

function general() {
  return el('div.form-grid.general', {}, text('name', t('admin.settings.name'), { max: 120, required: true }),
    text('timezone', t('admin.settings.timezone'), { max: 60, hint: t('admin.settings.timezoneHint') }));
}

/**
 * A list edited as a table: one row per item, one input per column (labelled "row › column" for
 * screen readers and for the error list), a remove button per row and an add button below.
 */
function tableEditor(listKey, columns, { rowName, blank, addLabel, removeLabel, caption }) {
  const list = ed.draft[listKey] || (ed.draft[listKey] = []);
  const input = (item, i, col) => {
    const path = `${listKey}.${i}.${col.key}`;
    const value = item[col.key];
    const node = col.kind === 'number'
      ? el('input', { type: 'number', min: String(col.min ?? 0), max: String(col.max ?? 100000), step: '1', inputmode: 'numeric' })
      : el('input', { type: 'text', maxlength: col.max || 80, placeholder: col.placeholder });
    node.value = value == null ? '' : Array.isArray(value) ? value.join(', ') : String(value);
    node.dataset.path = errPath(path);
    node.setAttribute('aria-label', `${rowName(item, i)} › ${col.label}`);
    if (col.readonlySaved && isSaved(listKey, item[col.key])) node.readOnly = true;
    node.addEventListener('input', () => {
      const v = node.value.trim();
      if (col.kind === 'number') set(path, v === '' ? undefined : Number(v));
      else if (col.kind === 'list') item[col.key] = v.split(',').map(x => x.trim()).filter(Boolean);
      else if (col.kind === 'time') set(path, v === '' ? null : v);
      else set(path, node.value === '' && col.optional ? undefined : node.value);
    });
    return el('td' + (col.cls ? '.' + col.cls : ''), {}, node);
  };
  return [
    el('div.table-scroll', {}, el('table.data.edit-table', {},
      el('caption.sr-only', {}, caption),
      el('thead', {}, el('tr', {}, columns.map(c => el('th' + (c.cls ? '.' + c.cls : ''), { scope: 'col' }, c.label)), el('th', { scope: 'col' }, el('span.sr-only', {}, t('admin.accounts.actions'))))),
      el('tbody', {}, list.map((item, i) => el('tr', { dataset: { path: `${listKey}[${i}]`, group: rowName(item, i) } },
        columns.map(c => input(item, i, c)),
        el('td', {}, el('button.btn.ghost.small.danger-text', { type: 'button', 'aria-label': removeLabel(item, i),
          onclick: () => { list.splice(i, 1); render(); } }, t('admin.settings.remove')))))))),
    el('button.btn.secondary', { type: 'button', onclick: () => { list.push(blank()); render(); } }, addLabel),
  ];
}

function fields() {
  const name = (s, i) => s.name || s.code || t('admin.settings.newField') + ' ' + (i + 1);
  return tableEditor('services', [
    { key: 'code', label: t('admin.settings.code'), max: 32, readonlySaved: true, cls: 'w-code' },
    { key: 'name', label: t('admin.settings.fieldName'), max: 80, cls: 'w-name' },
    { key: 'prefix', label: t('admin.settings.prefix'), max: 3, cls: 'w-tiny' },
    { key: 'numberStart', label: t('admin.settings.numberStart'), kind: 'number', max: 9999, cls: 'w-num' },
    { key: 'numberEnd', label: t('admin.settings.numberEnd'), kind: 'number', max: 9999, cls: 'w-num' },
    { key: 'avgServiceMinutes', label: t('admin.settings.avgService'), kind: 'number', min: 1, max: 600, cls: 'w-num' },
    { key: 'targetWaitMinutes', label: t('admin.settings.targetWait'), kind: 'number', min: 1, max: 600, cls: 'w-num' },
    { key: 'issueCutoff', label: t('admin.settings.cutoff'), kind: 'time', max: 5, placeholder: 'HH:mm', cls: 'w-time' },
    { key: 'description', label: t('admin.settings.description'), max: 300, optional: true, cls: 'w-wide' },
  ], {
    rowName: name, caption: t('admin.settings.s.fields'), addLabel: t('admin.settings.addField'),
    removeLabel: (s, i) => t('admin.settings.removeField', { name: name(s, i) }),
    blank: () => ({ code: '', name: '', prefix: '', numberStart: 1, numberEnd: 999, avgServiceMinutes: 10, targetWaitMinutes: 30 }),
  }).concat(el('p.muted-small', {}, t('admin.settings.codeHint') + ' ' + t('admin.settings.cutoffHint')));
}

/** True when the code exists in the saved settings (its code then stays: tickets and reports name it). */
function isSaved(list, code) {
  return !!code && (ed.original[list] || []).some(x => (x.code || x.id) === code);
}

/** Counters by fields, one row a counter: each cell says main (with its weight), backup or not served. */
function counters(d) {
  const list = d.counters || (d.counters = []);
  const fieldsList = d.services || [];
  const name = (c, i) => c.name || c.id || t('admin.settings.newCounter') + ' ' + (i + 1);
  return [
    el('p.muted-small', {}, t('admin.settings.countersHint')),
    el('div.table-scroll', {}, el('table.data.edit-table.matrix', {},
      el('caption.sr-only', {}, t('admin.settings.s.counters')),
      el('thead', {}, el('tr', {},
        el('th.w-code', { scope: 'col' }, t('admin.settings.counterId')),
        el('th.w-name', { scope: 'col' }, t('admin.settings.counterName')),
        fieldsList.map(f => el('th.w-role', { scope: 'col' }, f.name || f.code)),
        el('th', { scope: 'col' }, el('span.sr-only', {}, t('admin.accounts.actions'))))),
      el('tbody', {}, list.map((c, i) => {
        if (!Array.isArray(c.services)) c.services = [];
        const id = el('input', { type: 'text', maxlength: 32, 'aria-label': `${name(c, i)} › ${t('admin.settings.counterId')}` });
        id.value = c.id || '';
        id.dataset.path = `counters[${i}].id`;
        if (isSaved('counters', c.id)) id.readOnly = true;
        id.addEventListener('input', () => { c.id = id.value.trim(); });
        const nm = el('input', { type: 'text', maxlength: 60, 'aria-label': `${name(c, i)} › ${t('admin.settings.counterName')}` });
        nm.value = c.name || '';
        nm.dataset.path = `counters[${i}].name`;
        nm.addEventListener('input', () => { c.name = nm.value; });
        return el('tr', { dataset: { path: `counters[${i}]`, group: t('admin.settings.counterN', { name: name(c, i) }) } },
          el('td', {}, id), el('td', {}, nm),
          fieldsList.map(f => counterCell(c, i, f)),
          el('td', {}, el('button.btn.ghost.small.danger-text', { type: 'button', 'aria-label': t('admin.settings.removeCounter', { name: name(c, i) }),
            onclick: () => { list.splice(i, 1); render(); } }, t('admin.settings.remove'))));
      })))),
    el('button.btn.secondary', { type: 'button', onclick: () => { list.push({ id: String(list.length + 1), name: '', services: [] }); render(); } },
      t('admin.settings.addCounter')),
  ];
}

function counterCell(counter, i, field) {
  const entry = () => counter.services.find(s => s.code === field.code);
  const current = entry();
  const roleNow = !current ? 'none' : current.backup ? 'backup' : 'main';
  const who = counter.name || counter.id;
  const roleSelect = el('select', { 'aria-label': t('admin.settings.roleOf', { counter: who, field: field.name }),
    dataset: { counter: counter.id || '', field: field.code } },
  ['none', 'main', 'backup'].map(r => new Option(t('admin.settings.roles.' + r), r, false, r === roleNow)));
  roleSelect.dataset.path = `counters[${i}].services.${field.code}`;
  const weight = el('input.weight', { type: 'number', min: '1', max: '10', step: '1', title: t('admin.settings.weight'),
    'aria-label': t('admin.settings.weightOf', { counter: who, field: field.name }) });
  weight.value = current && !current.backup ? String(current.weight || 1) : '';
  const weightWrap = el('label.weight-wrap', {}, el('span', {}, t('admin.settings.weight')), weight);
  weightWrap.hidden = roleNow !== 'main';
  const cell = el('td.role-cell.r-' + roleNow, {}, roleSelect, weightWrap);
  roleSelect.addEventListener('change', () => {
    counter.services = counter.services.filter(s => s.code !== field.code);
    if (roleSelect.value === 'main') counter.services.push({ code: field.code, weight: Number(weight.value) || 1 });
    if (roleSelect.value === 'backup') counter.services.push({ code: field.code, backup: true });
    weightWrap.hidden = roleSelect.value !== 'main';
    weight.value = roleSelect.value === 'main' ? (weight.value || '1') : '';
    cell.className = 'role-cell r-' + roleSelect.value;
  });
  weight.addEventListener('input', () => {
    const e = entry();
    if (e && !e.backup) e.weight = Number(weight.value) || 1;
  });
  return cell;
}

function hours(d) {
  const always = d.issuingHours === 'always';
  const issuing = el('div.week', {});
  const alwaysBox = el('input#issuing-always', { type: 'checkbox', checked: always });
  alwaysBox.addEventListener('change', () => { d.issuingHours = alwaysBox.checked ? 'always' : {}; render(); });
  if (!d.openingHours || typeof d.openingHours !== 'object') d.openingHours = {};
  return [
    el('h3', {}, t('admin.settings.openingHours')),
    el('p.muted-small', {}, t('admin.settings.hoursHint')),
    el('div.week', { dataset: { group: t('admin.settings.openingHours') } }, DAYS.map(day => sessions(`openingHours.${day}`, t('admin.days.' + day)))),
    el('h3', {}, t('admin.settings.issuingHours')),
    el('div.field.check', {}, alwaysBox, el('label', { for: 'issuing-always' }, t('admin.settings.issuingAlways'))),
    always ? null : (() => {
      if (!d.issuingHours || typeof d.issuingHours !== 'object') d.issuingHours = {};
      issuing.dataset.group = t('admin.settings.issuingHours');
      issuing.append(...DAYS.map(day => sessions(`issuingHours.${day}`, t('admin.days.' + day))));
      return issuing;
    })(),
    ...walkIn(d),
  ];
}

/** Who may take walk-in numbers (walkInIssuing, absent: kiosk) and the limits of open issuing (walkIn). */
function walkIn(d) {
  if (!d.walkInIssuing) d.walkInIssuing = 'kiosk';
  if (!d.walkIn || typeof d.walkIn !== 'object') d.walkIn = {};
  return [
    el('h3', {}, t('admin.settings.walkIn')),
    el('p.muted-small', {}, t('admin.settings.walkInHint')),
    el('div', { dataset: { group: t('admin.settings.walkIn') } }, grid(
      select('walkInIssuing', t('admin.settings.w.issuing'), [['kiosk', t('admin.settings.w.kiosk')], ['open', t('admin.settings.w.open')]]),
      number('walkIn.openTicketsPerAddress', t('admin.settings.w.openTicketsPerAddress'), { min: 1, max: 100, hint: t('admin.settings.w.openTicketsHint') }),
      number('walkIn.surgeFactor', t('admin.settings.w.surgeFactor'), { min: 2, max: 20, hint: t('admin.settings.w.surgeHint') }))),
  ];
}

function booking(d) {
  if (!d.booking || typeof d.booking !== 'object') d.booking = {};
  const exceptions = d.booking.exceptions || (d.booking.exceptions = {});
  const dateInput = el('input#exception-date', { maxlength: 10, placeholder: 'dd/MM/yyyy', inputmode: 'numeric' });
  return [
    el('div', { dataset: { group: t('admin.settings.s.booking') } }, grid(
      number('booking.slotMinutes', t('admin.settings.b.slotMinutes'), { min: 5, max: 240 }),
      number('booking.appointmentShare', t('admin.settings.b.appointmentShare'), { min: 0, max: 100 }),
      number('booking.minDaysAhead', t('admin.settings.b.minDaysAhead'), { min: 0, max: 365 }),
      number('booking.maxDaysAhead', t('admin.settings.b.maxDaysAhead'), { min: 0, max: 365 }),
      time('booking.cutoff', t('admin.settings.b.cutoff')),
      number('booking.holdMinutes', t('admin.settings.b.holdMinutes'), { min: 1, max: 60 }),
      number('booking.maxPerDay', t('admin.settings.b.maxPerDay'), { min: 0, max: 100 }),
      number('booking.maxPerField', t('admin.settings.b.maxPerField'), { min: 0, max: 100 }),
      number('booking.checkInEarlyMinutes', t('admin.settings.b.checkInEarly'), { min: 0, max: 240 }),
      number('booking.checkInLateMinutes', t('admin.settings.b.checkInLate'), { min: 0, max: 240 }),
      select('booking.lateArrival', t('admin.settings.b.lateArrival'), [['walk-in', t('admin.settings.b.lateWalkIn')], ['refuse', t('admin.settings.b.lateRefuse')]]),
      number('booking.retentionDays', t('admin.settings.b.retentionDays'), { min: 1, max: 3650 }),
      number('booking.holdsPerAddress', t('admin.settings.b.holdsPerAddress'), { min: 1, max: 10000 }),
      check('booking.verifyPhone', t('admin.settings.b.verifyPhone')))),
    el('h3', {}, t('admin.settings.exceptions')),
    el('p.muted-small', {}, t('admin.settings.exceptionsHint')),
    el('div.week', { dataset: { group: t('admin.settings.exceptions') } }, Object.keys(exceptions).sort().map(day => el('div.exception', {},
      sessions(`booking.exceptions.${day}`, dayText(day)),
      removeButton(t('admin.settings.removeException', { date: dayText(day) }), () => { delete exceptions[day]; render(); })))),
    el('div.inline-add', {}, labelled(t('admin.settings.exceptionDate'), dateInput).wrap,
      el('button.btn.secondary', { type: 'button', onclick: () => {
        const m = /^\s*(\d{1,2})\/(\d{1,2})\/(\d{4})\s*$/.exec(dateInput.value);
        const day = m ? `${m[3]}-${m[2].padStart(2, '0')}-${m[1].padStart(2, '0')}` : null;
        if (day && !exceptions[day]) { exceptions[day] = []; render(); }
      } }, t('admin.settings.addException'))),
  ];
}

function priority(d) {
  if (!d.callPolicy || typeof d.callPolicy !== 'object') d.callPolicy = {};
  const name = (g, i) => g.name || g.code || t('admin.settings.priorityGroups') + ' ' + (i + 1);
  return [
    el('h3', {}, t('admin.settings.priorityGroups')),
    ...tableEditor('priorityGroups', [
      { key: 'code', label: t('admin.settings.code'), max: 32, readonlySaved: true, cls: 'w-code' },
      { key: 'name', label: t('admin.settings.groupName'), max: 80, cls: 'w-wide' },
    ], { rowName: name, caption: t('admin.settings.priorityGroups'), addLabel: t('admin.settings.addGroup'),
      removeLabel: (g, i) => t('admin.settings.removeGroup', { name: name(g, i) }), blank: () => ({ code: '', name: '' }) }),
    el('h3', {}, t('admin.settings.callPolicy')),
    el('div', { dataset: { group: t('admin.settings.callPolicy') } }, grid(
      number('maxPriorityInRow', t('admin.settings.cp.maxPriorityInRow'), { min: 0, max: 20 }),
      select('callPolicy.priority', t('admin.settings.cp.priority'), [['strict', t('admin.settings.cp.strict')], ['ratio', t('admin.settings.cp.ratio')]]),
      number('callPolicy.normalsPerPriority', t('admin.settings.cp.normalsPerPriority'), { min: 0, max: 20 }),
      number('callPolicy.maxAppointmentsInRow', t('admin.settings.cp.maxAppointmentsInRow'), { min: 0, max: 20 }),
      number('callPolicy.walkInMaxWaitMinutes', t('admin.settings.cp.walkInMaxWait'), { min: 0, max: 600 }),
      number('callPolicy.agingPerHour', t('admin.settings.cp.agingPerHour'), { min: 0, max: 1000 }),
      check('callPolicy.escalation', t('admin.settings.cp.escalation')))),
  ];
}

function display(d) {
  if (!d.display || typeof d.display !== 'object') d.display = {};
  return el('div', { dataset: { group: t('admin.settings.s.display') } },
    text('display.ticker', t('admin.settings.d.ticker'), { max: 500, area: true }),
    grid(
      select('display.voice', t('admin.settings.d.voice'), [['auto', t('admin.settings.d.voiceAuto')], ['clips', t('admin.settings.d.voiceClips')]]),
      select('display.numberReading', t('admin.settings.d.numberReading'), [['full', t('admin.settings.d.readFull')], ['digits', t('admin.settings.d.readDigits')]]),
      select('display.dialect', t('admin.settings.d.dialect'), [['north', t('admin.settings.d.north')], ['south', t('admin.settings.d.south')]]),
      text('display.voicePack', t('admin.settings.d.voicePack'), { max: 60 })));
}

function printers() {
  const name = (p, i) => p.name || p.id || t('admin.settings.newPrinter') + ' ' + (i + 1);
  return tableEditor('printers', [
    { key: 'id', label: t('admin.settings.p.id'), max: 32, cls: 'w-code' },
    { key: 'name', label: t('admin.settings.p.name'), max: 60, cls: 'w-name' },
    { key: 'profile', label: t('admin.settings.p.profile'), max: 40, cls: 'w-code' },
    { key: 'host', label: t('admin.settings.p.host'), max: 120, cls: 'w-code' },
    { key: 'port', label: t('admin.settings.p.port'), kind: 'number', min: 1, max: 65535, cls: 'w-num' },
    { key: 'kiosks', label: t('admin.settings.p.kiosks'), kind: 'list', max: 200, cls: 'w-wide' },
  ], { rowName: name, caption: t('admin.settings.s.printers'), addLabel: t('admin.settings.addPrinter'),
    removeLabel: (p, i) => t('admin.settings.removePrinter', { name: name(p, i) }),
    blank: () => ({ id: '', name: '', profile: '80mm-raster', host: '', port: 9100, kiosks: [] }) });
}

/** The CCCD card QR at the kiosk: off, optional or required (the card feature's citizenCard section). */
function citizenCard() {
  return el('div', { dataset: { group: t('admin.settings.s.citizenCard') } }, grid(
    select('citizenCard.atKiosk', t('admin.settings.card.atKiosk'), ['off', 'optional', 'required']
      .map(v => [v, t('admin.settings.card.' + v)]))),
  el('p.muted-small', {}, t('admin.settings.card.hint')));
}

function ratings(d) {
  return el('div', { dataset: { group: t('admin.settings.s.ratings') } }, grid(
    select('ratings.levels', t('admin.settings.r.levels'), [[3, t('admin.settings.r.three')], [5, t('admin.settings.r.five')]]),
    number('ratings.windowHours', t('admin.settings.r.windowHours'), { min: 1, max: 720 })));
}

function raw(d) {
  const area = el('textarea#settings-raw.raw', { rows: 18, spellcheck: 'false', 'aria-describedby': 'raw-hint' });
  area.value = JSON.stringify(d, null, 2);
  const message = el('p.notice', { role: 'status', hidden: true });
  return [
    el('p#raw-hint.muted-small', {}, t('admin.settings.rawHint')),
    el('label.sr-only', { for: 'settings-raw' }, t('admin.settings.s.raw')),
    area,
    message,
    el('div.row-actions', {},
      el('button.btn.secondary', { type: 'button', onclick: () => { area.value = JSON.stringify(ed.draft, null, 2); } }, t('admin.settings.rawRefresh')),
      el('button.btn', { type: 'button', onclick: () => {
        try {
          const parsed = JSON.parse(area.value);
          if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) throw new Error('object');
          ed.draft = parsed;
          render();
          status(t('admin.settings.rawApplied'), 'ok');
        } catch (bad) {
          message.textContent = t('admin.settings.rawInvalid');
          message.className = 'notice error';
          message.hidden = false;
        }
      } }, t('admin.settings.rawApply'))),
  ];
}

