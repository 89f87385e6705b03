// Accounts of the office: list, create staff and managers (never an admin from here), edit the
// name, role and offices, disable and enable, reset a password (the one-time password is shown
// once, with a copy button), delete. The server decides who may do what; the page offers no more.
import { t } from '../assets/i18n.js';
import { $, el, session, adminApi, officePath, labelled, dialog, confirmDialog, roleName, flash } from './common.js';

let tab = null;

export function mount(main) {
  tab = { stopped: false, accounts: [] };
  main.append(
    el('div.tab-head', {}, el('h1', {}, t('admin.accounts.title')),
      el('button.btn#account-new', { type: 'button', onclick: create }, t('admin.accounts.create'))),
    el('section.card.table-card', { 'aria-labelledby': 'accounts-caption' },
      el('table.data#accounts-table', {},
        el('caption#accounts-caption.sr-only', {}, t('admin.accounts.title')),
        el('thead', {}, el('tr', {},
          el('th', { scope: 'col' }, t('admin.accounts.username')),
          el('th', { scope: 'col' }, t('admin.accounts.fullName')),
          el('th', { scope: 'col' }, t('admin.accounts.role')),
          el('th', { scope: 'col' }, t('admin.accounts.offices')),
          el('th', { scope: 'col' }, t('admin.accounts.state')),
          el('th', { scope: 'col' }, t('admin.accounts.actions')))),
        el('tbody#account-rows', {})),
      el('p#accounts-empty.muted-small', { hidden: true }, t('admin.accounts.none'))));
  load();
}

export function unmount() {
  if (tab) tab.stopped = true;
  tab = null;
}

async function load() {
  const mine = tab;
  try {
    const list = await adminApi(officePath('/accounts'));
    if (mine.stopped) return;
    mine.accounts = Array.isArray(list) ? list : [];
    render();
  } catch (error) {
    if (!mine.stopped && error.status !== 401) flash(error.message, 'error');
  }
}

function officeName(id) {
  const option = [...$('office-select').options].find(o => o.value === id);
  return option ? option.text : id;
}

function render() {
  $('accounts-empty').hidden = tab.accounts.length > 0;
  $('account-rows').replaceChildren(...tab.accounts.map(a => {
    const state = a.disabled ? t('admin.accounts.disabled') : a.mustChangePassword ? t('admin.accounts.mustChange') : t('admin.accounts.active');
    const who = a.fullName || a.username;
    const self = a.username === session.username;
    return el('tr' + (a.disabled ? '.disabled' : ''), { dataset: { username: a.username } },
      el('td', {}, el('code', {}, a.username)),
      el('td', {}, a.fullName || '—'),
      el('td', {}, roleName(a.role)),
      el('td', {}, (a.offices || []).map(officeName).join(', ')),
      el('td', {}, el('span.state-pill' + (a.disabled ? '.off' : a.mustChangePassword ? '.warn' : '.on'), {}, state)),
      el('td', {}, el('div.row-buttons', {},
        el('button.btn.ghost.small', { type: 'button', onclick: () => edit(a), 'aria-label': t('admin.accounts.editOf', { name: who }) }, t('admin.accounts.edit')),
        self ? null : el('button.btn.ghost.small', { type: 'button', onclick: () => toggle(a),
          'aria-label': t(a.disabled ? 'admin.accounts.enableOf' : 'admin.accounts.disableOf', { name: who }) },
        t(a.disabled ? 'admin.accounts.enable' : 'admin.accounts.disable')),
        self ? null : el('button.btn.ghost.small', { type: 'button', onclick: () => reset(a), 'aria-label': t('admin.accounts.resetOf', { name: who }) },
          t('admin.accounts.reset')),
        self ? null : el('button.btn.ghost.small.danger-text', { type: 'button', onclick: () => remove(a), 'aria-label': t('admin.accounts.deleteOf', { name: who }) },
          t('admin.accounts.delete')))));
  }));
}

/** The roles this console may give: staff and manager; never admin (admins are made by the province's IT). */
function roleSelect(value) {
  return el('select', {}, ['staff', 'manager'].map(r => new Option(roleName(r), r, false, String(value || 'staff').toLowerCase() === r)));
}

function officeChecks(chosen) {
  return el('fieldset.office-checks', {}, el('legend', {}, t('admin.accounts.offices')),
    session.offices.map(id => {
      const box = el('input', { type: 'checkbox', value: id, id: 'office-' + id });
      box.checked = chosen.includes(id);
      return el('div.check', {}, box, el('label', { for: 'office-' + id }, officeName(id)));
    }));
}

function chosenOffices(container) {
  return [...container.querySelectorAll('.office-checks input:checked')].map(b => b.value);
}

async function create() {
  const username = el('input', { maxlength: 40, autocomplete: 'off', required: true, pattern: '[a-z0-9._-]{2,40}' });
  const fullName = el('input', { maxlength: 80, autocomplete: 'off', required: true });
  const password = el('input', { type: 'password', maxlength: 200, minlength: 10, autocomplete: 'new-password', required: true });
  const role = roleSelect('staff');
  const offices = officeChecks([session.office]);
  const error = el('p.notice.error', { role: 'alert', hidden: true });
  const body = el('div.dialog-form', {},
    labelled(t('admin.accounts.username'), username, t('admin.accounts.usernameHint')).wrap,
    labelled(t('admin.accounts.fullName'), fullName).wrap,
    labelled(t('admin.accounts.password'), password, t('admin.accounts.passwordHint')).wrap,
    labelled(t('admin.accounts.role'), role).wrap,
    offices, error);
  for (;;) {
    const ok = await dialog(t('admin.accounts.create'), body, [
      { label: t('admin.cancel'), kind: 'ghost', value: false },
      { label: t('admin.accounts.createOk'), kind: 'ok', value: true },
    ]);
    if (!ok) return;
    try {
      await adminApi(officePath('/accounts'), { method: 'POST', body: {
        username: username.value.trim().toLowerCase(), password: password.value, role: role.value,
        fullName: fullName.value.trim().normalize('NFC'), offices: chosenOffices(body),
      } });
      flash(t('admin.accounts.created', { name: username.value.trim().toLowerCase() }), 'ok');
      load();
      return;
    } catch (e) {
      if (e.status === 401) return;
      error.textContent = e.message;
      error.hidden = false;
    }
  }
}

async function edit(account) {
  const fullName = el('input', { maxlength: 80 });
  fullName.value = account.fullName || '';
  const role = roleSelect(account.role);
  const offices = officeChecks(account.offices || []);
  const error = el('p.notice.error', { role: 'alert', hidden: true });
  const adminAccount = String(account.role).toUpperCase() === 'ADMIN';
  const body = el('div.dialog-form', {}, labelled(t('admin.accounts.fullName'), fullName).wrap,
    adminAccount ? null : labelled(t('admin.accounts.role'), role).wrap, adminAccount ? null : offices, error);
  for (;;) {
    const ok = await dialog(t('admin.accounts.editTitle', { name: account.username }), body, [
      { label: t('admin.cancel'), kind: 'ghost', value: false },
      { label: t('admin.accounts.save'), kind: 'ok', value: true },
    ]);
    if (!ok) return;
    const patch = { fullName: fullName.value.trim().normalize('NFC') };
    if (!adminAccount) {
      patch.role = role.value;
      patch.offices = chosenOffices(body);
    }
    try {
      await adminApi(officePath(`/accounts/${encodeURIComponent(account.username)}`), { method: 'PATCH', body: patch });
      flash(t('admin.accounts.saved', { name: account.username }), 'ok');
      load();
      return;
    } catch (e) {
      if (e.status === 401) return;
      error.textContent = e.message;
      error.hidden = false;
    }
  }
}

async function toggle(account) {
  const disabling = !account.disabled;
  if (disabling) {
    const ok = await confirmDialog(t('admin.accounts.disableTitle', { name: account.username }),
      t('admin.accounts.disableText'), t('admin.accounts.disable'), 'warn');
    if (!ok) return;
  }
  try {
    await adminApi(officePath(`/accounts/${encodeURIComponent(account.username)}`), { method: 'PATCH', body: { disabled: disabling } });
    flash(t(disabling ? 'admin.accounts.nowDisabled' : 'admin.accounts.nowEnabled', { name: account.username }), 'ok');
    load();
  } catch (e) {
    if (e.status !== 401) flash(e.message, 'error');
  }
}

async function reset(account) {
  const ok = await confirmDialog(t('admin.accounts.resetTitle', { name: account.username }),
    t('admin.accounts.resetText'), t('admin.accounts.reset'), 'warn');
  if (!ok) return;
  let answer;
  try {
    answer = await adminApi(officePath(`/accounts/${encodeURIComponent(account.username)}/reset-password`), { method: 'POST', body: {} });
  } catch (e) {
    if (e.status !== 401) flash(e.message, 'error');
    return;
  }
  const secret = el('input#one-time-password.one-time', { readonly: true, value: answer.oneTimePassword, 'aria-describedby': 'one-time-warning' });
  const copied = el('span.muted-small', { role: 'status' });
  const copy = el('button.btn.secondary', { type: 'button', onclick: async () => {
    secret.select();
    try {
      await navigator.clipboard.writeText(secret.value);
    } catch (noClipboard) {
      document.execCommand('copy');
    }
    copied.textContent = t('admin.accounts.copied');
  } }, t('admin.accounts.copy'));
  await dialog(t('admin.accounts.oneTimeTitle', { name: account.username }), [
    el('p#one-time-warning.notice.warn', {}, t('admin.accounts.oneTimeWarning')),
    labelled(t('admin.accounts.oneTime'), secret).wrap,
    el('div.row-actions', {}, copy, copied),
  ], [{ label: t('admin.accounts.oneTimeDone'), kind: 'ok', value: true }]);
  load();
}

async function remove(account) {
  const ok = await confirmDialog(t('admin.accounts.deleteTitle', { name: account.username }),
    t('admin.accounts.deleteText'), t('admin.accounts.delete'));
  if (!ok) return;
  try {
    await adminApi(officePath(`/accounts/${encodeURIComponent(account.username)}`), { method: 'DELETE' });
    flash(t('admin.accounts.deleted', { name: account.username }), 'ok');
    load();
  } catch (e) {
    if (e.status !== 401) flash(e.message, 'error');
  }
}
