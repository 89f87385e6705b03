// The settings editor: GET .../settings into a form by section, PUT it back with If-Match.
// The server validates the whole office; its 400 errors are shown beside the inputs they name
// (every input carries its JSON path in data-path) and in a list at the top; a 412 offers a
// reload that keeps the unsaved version visible; pending changes (from a later day) are shown.
import { t, currentLang } from '../assets/i18n.js';
import { ApiError } from '../assets/api.js';
import { $, el, session, adminApi, officePath, dayText, labelled, confirmDialog } from './common.js';

const DAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];
const SECTIONS = ['general', 'fields', 'counters', 'hours', 'booking', 'priority', 'display', 'printers', 'ratings', 'raw'];

let ed = null;

export function mount(main) {
  ed = { original: null, draft: null, errors: [], unsaved: null, stopped: false };
  main.append(el('div#settings.settings', {}, el('p.muted-small', {}, t('admin.settings.loading'))));
  load();
}

export function unmount() {
  if (ed) ed.stopped = true;
  ed = null;
}

export function dirty() {
  return !!(ed && ed.draft && JSON.stringify(strip(ed.draft)) !== JSON.stringify(strip(ed.original)));
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
    render();
  } catch (error) {
    if (mine.stopped) return;
    $('settings').replaceChildren(el('p.notice.error', { role: 'alert' }, error.message));
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
    render();
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
      status(t('admin.settings.invalid', { n: ed.errors.length }), 'error');
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
  const changed = changedPaths(strip(ed.original), mine);
  const ok = await confirmDialog(t('admin.settings.reloadTitle'),
    t('admin.settings.reloadText', { n: changed.length }), t('admin.settings.reload'), 'warn');
  if (!ok) return;
  await load({ settings: mine, changed });
  status(t('admin.settings.reloaded'), 'warn');
}

/** The paths where two settings differ (leaves only), for the "your unsaved changes" list. */
function changedPaths(a, b, path = '') {
  if (JSON.stringify(a) === JSON.stringify(b)) return [];
  const objects = a && b && typeof a === 'object' && typeof b === 'object' && Array.isArray(a) === Array.isArray(b);
  if (!objects) return [path || '/'];
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  return [...keys].flatMap(k => changedPaths(a[k], b[k], Array.isArray(a) ? `${path}[${k}]` : path ? `${path}.${k}` : k));
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
  root.replaceChildren(
    el('div.settings-head', {},
      el('h1', {}, t('admin.settings.title')),
      el('span.muted-small', {}, t('admin.settings.revision', { n: ed.original.revision })),
      el('button.btn#settings-save', { type: 'button', onclick: save }, t('admin.settings.save'))),
    el('p#settings-status.notice', { role: 'status', 'aria-live': 'polite', hidden: true }),
    pendingBox(),
    unsavedBox(),
    errorList(),
    el('nav.section-nav', { 'aria-label': t('admin.settings.sections') },
      SECTIONS.map(s => el('a', { href: '#settings', onclick: event => { event.preventDefault(); jump(s); } }, t('admin.settings.s.' + s)))),
    section('general', general(d)),
    section('fields', fields(d)),
    section('counters', counters(d)),
    section('hours', hours(d)),
    section('booking', booking(d)),
    section('priority', priority(d)),
    section('display', display(d)),
    section('printers', printers(d)),
    section('ratings', ratings(d)),
    section('raw', raw(d)));
  placeErrors();
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
      el('button.btn.secondary', { type: 'button', onclick: () => { ed.draft = ed.unsaved.settings; ed.unsaved = null; render(); } },
        t('admin.settings.unsavedApply')),
      el('button.btn.ghost', { type: 'button', onclick: () => { ed.unsaved = null; render(); } }, t('admin.settings.unsavedDrop'))));
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
  const lbl = input && document.querySelector(`label[for="${input.id}"]`);
  const group = input && input.closest('[data-group]');
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
  const input = inputFor(path);
  if (input) { input.scrollIntoView({ block: 'center' }); input.focus(); }
}

function placeErrors() {
  ed.errors.forEach((e, i) => {
    const input = inputFor(e.path);
    if (!input) return;
    const id = `err-${i}`;
    input.setAttribute('aria-invalid', 'true');
    input.setAttribute('aria-describedby', [input.getAttribute('aria-describedby'), id].filter(Boolean).join(' '));
    const host = input.closest('.field') || input.parentElement;
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
  return grid(text('name', t('admin.settings.name'), { max: 120, required: true }),
    text('timezone', t('admin.settings.timezone'), { max: 60, hint: t('admin.settings.timezoneHint') }));
}

function fields(d) {
  const list = d.services || (d.services = []);
  return [
    el('div.repeat', {}, list.map((s, i) => el('fieldset.item', { dataset: { group: t('admin.settings.fieldN', { n: i + 1, name: s.name || '' }) } },
      el('legend', {}, `${i + 1}. ${s.name || t('admin.settings.newField')}`),
      grid(
        text(`services.${i}.code`, t('admin.settings.code'), { max: 32, readonly: isSaved('services', s.code), hint: t('admin.settings.codeHint') }),
        text(`services.${i}.name`, t('admin.settings.fieldName'), { max: 80, required: true }),
        text(`services.${i}.prefix`, t('admin.settings.prefix'), { max: 3 }),
        number(`services.${i}.numberStart`, t('admin.settings.numberStart'), { min: 0, max: 9999 }),
        number(`services.${i}.numberEnd`, t('admin.settings.numberEnd'), { min: 0, max: 9999 }),
        number(`services.${i}.avgServiceMinutes`, t('admin.settings.avgService'), { min: 1, max: 600 }),
        number(`services.${i}.targetWaitMinutes`, t('admin.settings.targetWait'), { min: 1, max: 600 }),
        time(`services.${i}.issueCutoff`, t('admin.settings.cutoff'), t('admin.settings.cutoffHint'))),
      text(`services.${i}.description`, t('admin.settings.description'), { max: 300, area: true }),
      removeButton(t('admin.settings.removeField', { name: s.name || s.code || i + 1 }), () => { list.splice(i, 1); render(); })))),
    el('button.btn.secondary', { type: 'button', onclick: () => { list.push({ code: '', name: '', prefix: '', numberStart: 1, numberEnd: 999, avgServiceMinutes: 10, targetWaitMinutes: 30 }); render(); } },
      t('admin.settings.addField')),
  ];
}

/** True when the code exists in the saved settings (its code then stays: tickets and reports name it). */
function isSaved(list, code) {
  return !!code && (ed.original[list] || []).some(x => (x.code || x.id) === code);
}

function counters(d) {
  const list = d.counters || (d.counters = []);
  const fieldsList = d.services || [];
  return [
    el('div.repeat', {}, list.map((c, i) => {
      const served = Array.isArray(c.services) ? c.services : (c.services = []);
      return el('fieldset.item', { dataset: { group: t('admin.settings.counterN', { name: c.name || c.id || i + 1 }) } },
        el('legend', {}, c.name || t('admin.settings.newCounter')),
        grid(text(`counters.${i}.id`, t('admin.settings.counterId'), { max: 32, readonly: isSaved('counters', c.id) }),
          text(`counters.${i}.name`, t('admin.settings.counterName'), { max: 60, required: true })),
        el('table.data.counter-fields-table', { 'data-path': `counters[${i}].services` },
          el('caption', {}, t('admin.settings.counterFields')),
          el('thead', {}, el('tr', {}, el('th', { scope: 'col' }, t('admin.live.field')),
            el('th', { scope: 'col' }, t('admin.settings.role')), el('th', { scope: 'col' }, t('admin.settings.weight')))),
          el('tbody', {}, fieldsList.map(f => counterFieldRow(c, i, f)))),
        removeButton(t('admin.settings.removeCounter', { name: c.name || c.id || i + 1 }), () => { list.splice(i, 1); render(); }));
    })),
    el('button.btn.secondary', { type: 'button', onclick: () => { list.push({ id: String(list.length + 1), name: '', services: [] }); render(); } },
      t('admin.settings.addCounter')),
  ];
}

function counterFieldRow(counter, i, field) {
  const entry = () => counter.services.find(s => s.code === field.code);
  const current = entry();
  const roleNow = !current ? 'none' : current.backup ? 'backup' : 'main';
  const roleSelect = el('select', { 'aria-label': t('admin.settings.roleOf', { counter: counter.name || counter.id, field: field.name }),
    dataset: { path: `counters[${i}].services.${field.code}`, counter: counter.id || '', field: field.code } },
  ['none', 'main', 'backup'].map(r => new Option(t('admin.settings.roles.' + r), r, false, r === roleNow)));
  const weight = el('input', { type: 'number', min: '1', max: '10', step: '1', 'aria-label': t('admin.settings.weightOf', { counter: counter.name || counter.id, field: field.name }) });
  weight.value = current && !current.backup ? String(current.weight || 1) : '';
  weight.disabled = roleNow !== 'main';
  roleSelect.addEventListener('change', () => {
    counter.services = counter.services.filter(s => s.code !== field.code);
    if (roleSelect.value === 'main') counter.services.push({ code: field.code, weight: Number(weight.value) || 1 });
    if (roleSelect.value === 'backup') counter.services.push({ code: field.code, backup: true });
    weight.disabled = roleSelect.value !== 'main';
    weight.value = roleSelect.value === 'main' ? (weight.value || '1') : '';
  });
  weight.addEventListener('input', () => {
    const e = entry();
    if (e && !e.backup) e.weight = Number(weight.value) || 1;
  });
  return el('tr', {}, el('th', { scope: 'row' }, field.name || field.code), el('td', {}, roleSelect), el('td', {}, weight));
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
      number('booking.retentionDays', t('admin.settings.b.retentionDays'), { min: 1, max: 3650 }))),
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
  const groups = d.priorityGroups || (d.priorityGroups = []);
  if (!d.callPolicy || typeof d.callPolicy !== 'object') d.callPolicy = {};
  return [
    el('h3', {}, t('admin.settings.priorityGroups')),
    el('div.repeat', {}, groups.map((g, i) => el('div.inline-row', { dataset: { group: t('admin.settings.priorityGroups') } },
      text(`priorityGroups.${i}.code`, t('admin.settings.code'), { max: 32, readonly: isSaved('priorityGroups', g.code) }),
      text(`priorityGroups.${i}.name`, t('admin.settings.groupName'), { max: 80 }),
      removeButton(t('admin.settings.removeGroup', { name: g.name || g.code || i + 1 }), () => { groups.splice(i, 1); render(); })))),
    el('button.btn.secondary', { type: 'button', onclick: () => { groups.push({ code: '', name: '' }); render(); } }, t('admin.settings.addGroup')),
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

function printers(d) {
  const list = d.printers || (d.printers = []);
  return [
    el('div.repeat', {}, list.map((p, i) => el('fieldset.item', { dataset: { group: t('admin.settings.printerN', { name: p.name || p.id || i + 1 }) } },
      el('legend', {}, p.name || p.id || t('admin.settings.newPrinter')),
      grid(text(`printers.${i}.id`, t('admin.settings.p.id'), { max: 32 }),
        text(`printers.${i}.name`, t('admin.settings.p.name'), { max: 60 }),
        text(`printers.${i}.profile`, t('admin.settings.p.profile'), { max: 40 }),
        text(`printers.${i}.host`, t('admin.settings.p.host'), { max: 120 }),
        number(`printers.${i}.port`, t('admin.settings.p.port'), { min: 1, max: 65535 }),
        kioskList(p, i)),
      removeButton(t('admin.settings.removePrinter', { name: p.name || p.id || i + 1 }), () => { list.splice(i, 1); render(); })))),
    el('button.btn.secondary', { type: 'button', onclick: () => { list.push({ id: '', name: '', profile: '80mm-raster', host: '', port: 9100, kiosks: [] }); render(); } },
      t('admin.settings.addPrinter')),
  ];
}

function kioskList(printer, i) {
  const input = el('input', { type: 'text', maxlength: 200 });
  input.value = (printer.kiosks || []).join(', ');
  input.dataset.path = `printers[${i}].kiosks`;
  input.addEventListener('input', () => { printer.kiosks = input.value.split(',').map(s => s.trim()).filter(Boolean); });
  return labelled(t('admin.settings.p.kiosks'), input).wrap;
}

function ratings(d) {
  if (!d.ratings || typeof d.ratings !== 'object') d.ratings = { levels: 3, windowHours: 24 };
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

