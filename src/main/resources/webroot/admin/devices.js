// The office's paired devices (kiosks, lobby screens, rating tablets) with when each was paired
// and last seen; revoke one; pair a new one by the code it shows ("Ghép thiết bị").
import { t } from '../assets/i18n.js';
import { $, el, session, adminApi, officePath, labelled, confirmDialog, dateTime, flash, notice } from './common.js';

const KINDS = ['kiosk', 'display', 'rating'];
let tab = null;

export function mount(main) {
  tab = { stopped: false };
  const code = el('input#pair-code.pair-code', { maxlength: 9, autocomplete: 'off', autocapitalize: 'characters', spellcheck: 'false',
    required: true, placeholder: 'K7P-4QX' });
  const kind = el('select#pair-kind', {}, KINDS.map(k => new Option(t('admin.devices.kinds.' + k), k)));
  const counters = (session.officeView && session.officeView.counters) || [];
  const counter = el('select#pair-counter', {}, counters.map(c => new Option(c.name, c.id)));
  const name = el('input#pair-name', { maxlength: 40, autocomplete: 'off', required: true, pattern: '[A-Za-z0-9._-]{1,40}' });
  const counterField = labelled(t('admin.devices.counter'), counter).wrap;
  counterField.hidden = true;
  kind.addEventListener('change', () => { counterField.hidden = kind.value !== 'rating'; });
  main.append(
    el('div.tab-head', {}, el('h1', {}, t('admin.devices.title'))),
    el('div.devices-layout', {},
      el('section.card.table-card', { 'aria-labelledby': 'devices-caption' },
        el('table.data#devices-table', {},
          el('caption#devices-caption.sr-only', {}, t('admin.devices.title')),
          el('thead', {}, el('tr', {},
            el('th', { scope: 'col' }, t('admin.devices.name')),
            el('th', { scope: 'col' }, t('admin.devices.kind')),
            el('th', { scope: 'col' }, t('admin.devices.counter')),
            el('th', { scope: 'col' }, t('admin.devices.pairedAt')),
            el('th', { scope: 'col' }, t('admin.devices.lastSeen')),
            el('th', { scope: 'col' }, t('admin.accounts.actions')))),
          el('tbody#device-rows', {})),
        el('p#devices-empty.muted-small', { hidden: true }, t('admin.devices.none'))),
      el('form#pair-form.card.pair-form', { onsubmit: event => { event.preventDefault(); claim(code, kind, counter, name); } },
        el('h2', {}, t('admin.devices.pairTitle')),
        el('p.muted-small', {}, t('admin.devices.pairHint')),
        labelled(t('admin.devices.code'), code).wrap,
        labelled(t('admin.devices.kind'), kind).wrap,
        counterField,
        labelled(t('admin.devices.name'), name, t('admin.devices.nameHint')).wrap,
        el('button.btn', { type: 'submit' }, t('admin.devices.pair')),
        el('p#pair-result.notice', { role: 'status', hidden: true }))));
  load();
}

export function unmount() {
  if (tab) tab.stopped = true;
  tab = null;
}

async function load() {
  const mine = tab;
  try {
    const list = await adminApi(officePath('/devices'));
    if (mine.stopped) return;
    render(Array.isArray(list) ? list : []);
  } catch (error) {
    if (!mine.stopped && error.status !== 401) flash(error.message, 'error');
  }
}

function counterName(id) {
  const c = ((session.officeView && session.officeView.counters) || []).find(x => x.id === id);
  return c ? c.name : (id || '—');
}

function render(devices) {
  $('devices-empty').hidden = devices.length > 0;
  $('device-rows').replaceChildren(...devices.map(d => el('tr', { dataset: { device: d.device } },
    el('td', {}, el('code', {}, d.device)),
    el('td', {}, t('admin.devices.kinds.' + d.kind)),
    el('td', {}, d.kind === 'rating' ? counterName(d.counter) : '—'),
    el('td', {}, dateTime(d.pairedAt)),
    el('td', {}, d.lastSeenAt ? dateTime(d.lastSeenAt) : t('admin.devices.neverSeen')),
    el('td', {}, el('div.row-buttons', {}, el('button.btn.ghost.small.danger-text', { type: 'button', onclick: () => revoke(d),
      'aria-label': t('admin.devices.revokeOf', { name: d.device }) }, t('admin.devices.revoke')))))));
}

async function revoke(device) {
  const ok = await confirmDialog(t('admin.devices.revokeTitle', { name: device.device }),
    t('admin.devices.revokeText', { kind: t('admin.devices.kinds.' + device.kind) }), t('admin.devices.revoke'));
  if (!ok) return;
  try {
    await adminApi(officePath(`/devices/${encodeURIComponent(device.device)}`), { method: 'DELETE' });
    flash(t('admin.devices.revoked', { name: device.device }), 'ok');
    load();
  } catch (e) {
    if (e.status !== 401) flash(e.message, 'error');
  }
}

/** K7P4QX, k7p 4qx, K7P-4QX: all the same code as the device shows it (3-3). */
function normalCode(text) {
  const bare = text.toUpperCase().replace(/[^0-9A-Z]/g, '');
  return bare.length === 6 ? `${bare.slice(0, 3)}-${bare.slice(3)}` : text.trim().toUpperCase();
}

async function claim(code, kind, counter, name) {
  const result = $('pair-result');
  const body = { code: normalCode(code.value), kind: kind.value, name: name.value.trim().toLowerCase() };
  if (kind.value === 'rating') body.counter = counter.value;
  try {
    const answer = await adminApi(officePath('/devices/claim'), { method: 'POST', body });
    notice(result, t('admin.devices.paired', { name: answer.device || body.name, kind: t('admin.devices.kinds.' + (answer.kind || body.kind)) }), 'ok');
    code.value = '';
    name.value = '';
    load();
  } catch (e) {
    if (e.status !== 401) notice(result, e.message, 'error');
  }
}
