// The manager's console (/admin): log-in (managers and admins), the forced and the voluntary
// password change, the office picker, and the tabs: today's live board, settings, accounts,
// devices, audit; the reports page (/admin/reports) shares the token in sessionStorage.
import { loadLang, applyText, langSwitch, t } from '../assets/i18n.js';
import { api } from '../assets/api.js';
import { $, session, saveSession, readSession, forgetSession, whenSessionEnds, adminApi, notice, flash } from './common.js';
import * as live from './live-board.js';
import * as settings from './settings.js';
import * as accounts from './accounts.js';
import * as devices from './devices.js';
import * as audit from './audit.js';

const TABS = { live, settings, accounts, devices, audit };
const OFFICE_KEY = 'layso.admin.office';
let current = null;
let officeNames = [];
let passwordForced = false;

function show(screen) {
  ['login', 'password-screen'].forEach(id => { $(id).hidden = id !== screen; });
  $('shell').hidden = screen !== 'shell';
}

function showLogin(message, kind = 'error') {
  unmountTab();
  show('login');
  notice($('login-error'), message, kind);
  $('password').value = '';
  $('username').focus();
}

whenSessionEnds(message => {
  forgetSession();
  showLogin(message || t('admin.sessionEnded'));
});

async function login(event) {
  event.preventDefault();
  const button = event.target.querySelector('button[type=submit]');
  button.disabled = true;
  const username = $('username').value.trim().toLowerCase();
  const password = $('password').value;
  try {
    await logInAs(username, password);
  } catch (error) {
    notice($('login-error'), error.message, 'error');
  } finally {
    button.disabled = false;
  }
}

async function logInAs(username, password) {
  const answer = await api('/api/v1/auth/login', { method: 'POST', body: { username, password } });
  if (answer.role !== 'ADMIN' && answer.role !== 'MANAGER') {
    api('/api/v1/auth/logout', { method: 'POST', token: answer.token }).catch(() => { /* ends anyway */ });
    notice($('login-error'), t('admin.staffUseCounter'), 'error');
    return;
  }
  Object.assign(session, {
    token: answer.token, role: answer.role, username, fullName: answer.fullName || username,
    offices: Array.isArray(answer.offices) && answer.offices.length ? answer.offices : (answer.office ? [answer.office] : []),
  });
  saveSession();
  if (answer.mustChangePassword) {
    openPassword(true, password);
    return;
  }
  await enter();
}

// ---- password change (forced after a reset, or asked for) ----

function openPassword(forced, current = '') {
  passwordForced = forced;
  unmountTab();
  show('password-screen');
  $('password-why').hidden = !forced;
  $('password-cancel').hidden = forced;
  $('pw-current').value = current;
  $('pw-new').value = '';
  $('pw-again').value = '';
  notice($('password-error'), '');
  (current ? $('pw-new') : $('pw-current')).focus();
}

async function changePassword(event) {
  event.preventDefault();
  const next = $('pw-new').value;
  if (next !== $('pw-again').value) {
    notice($('password-error'), t('admin.passwordMismatch'), 'error');
    $('pw-again').focus();
    return;
  }
  const button = event.target.querySelector('button[type=submit]');
  button.disabled = true;
  try {
    await adminApi('/api/v1/auth/password', { method: 'POST', body: { current: $('pw-current').value, new: next } });
    // every token of the account is revoked: log in again with the new password
    const username = session.username;
    forgetSession();
    await logInAs(username, next);
    if (session.token) {
      // sent here by another console page (/admin/reports) to choose the password: back to it
      const back = new URLSearchParams(location.search).get('next');
      if (back && /^\/admin\/[a-z]/.test(back)) {
        location.replace(back);
        return;
      }
      flash(t('admin.passwordChanged'), 'ok');
    }
  } catch (error) {
    if (error.status !== 401) notice($('password-error'), error.message, 'error');
  } finally {
    button.disabled = false;
  }
}

// ---- the shell ----

async function enter() {
  officeNames = await api('/api/v1/offices').catch(() => []);
  if (session.role === 'ADMIN') session.offices = officeNames.map(o => o.id);
  const asked = new URLSearchParams(location.search).get('office');
  let remembered = null;
  try { remembered = localStorage.getItem(OFFICE_KEY); } catch (off) { /* none */ }
  session.office = [asked, session.office, remembered].find(o => o && session.offices.includes(o)) || session.offices[0] || null;
  const select = $('office-select');
  select.replaceChildren(...session.offices.map(id => {
    const known = officeNames.find(o => o.id === id);
    return new Option(known ? known.name : id, id, false, id === session.office);
  }));
  select.disabled = session.offices.length < 2;
  $('user-name').textContent = `${session.fullName || session.username} · ${t('admin.roles.' + session.role.toLowerCase())}`;
  show('shell');
  await chooseOffice(session.office);
}

async function chooseOffice(id) {
  session.office = id;
  saveSession();
  try { localStorage.setItem(OFFICE_KEY, id); } catch (off) { /* not kept */ }
  const url = new URL(location.href);
  url.searchParams.set('office', id);
  history.replaceState(null, '', url);
  $('reports-link').href = `/admin/reports?office=${encodeURIComponent(id)}`;
  try {
    const office = await api(`/api/v1/offices/${encodeURIComponent(id)}`);
    session.zone = office.timezone || 'Asia/Ho_Chi_Minh';
    session.officeView = office;
  } catch (error) {
    flash(error.message, 'error');
  }
  openTab(tabFromHash(), true);
}

function tabFromHash() {
  const name = location.hash.replace('#', '');
  return TABS[name] ? name : 'live';
}

function unmountTab() {
  if (current && current.module.unmount) current.module.unmount();
  current = null;
}

function openTab(name, force = false) {
  if (!force && current && current.name === name) return;
  if (current && current.module.leaving && !current.module.leaving()) {
    history.replaceState(null, '', '#' + current.name);
    return;
  }
  unmountTab();
  document.querySelectorAll('.tabs [data-tab]').forEach(a => {
    if (a.dataset.tab === name) a.setAttribute('aria-current', 'page');
    else a.removeAttribute('aria-current');
  });
  const main = $('main');
  main.replaceChildren();
  main.dataset.tab = name;
  notice($('shell-message'), '');
  current = { name, module: TABS[name] };
  document.title = `${t('admin.tabs.' + name)} — ${t('admin.title')}`;
  current.module.mount(main);
}

async function logout() {
  if (current && current.module.leaving && !current.module.leaving()) return;
  const token = session.token;
  forgetSession();
  if (token) api('/api/v1/auth/logout', { method: 'POST', token }).catch(() => { /* the token ends anyway */ });
  showLogin(t('admin.loggedOut'), 'ok');
  // a shared computer: the next person starts from an empty form (a session that ran out keeps the name)
  $('username').value = '';
}

async function main() {
  await loadLang();
  applyText();
  document.querySelectorAll('.lang-switch').forEach(node => langSwitch(node));
  document.title = t('admin.title');
  $('login-form').addEventListener('submit', login);
  $('password-form').addEventListener('submit', changePassword);
  $('password-cancel').addEventListener('click', () => { if (!passwordForced) { show('shell'); openTab(tabFromHash(), true); } });
  $('change-password').addEventListener('click', () => {
    if (current && current.module.leaving && !current.module.leaving()) return;
    openPassword(false);
  });
  $('logout').addEventListener('click', logout);
  $('office-select').addEventListener('change', event => {
    if (current && current.module.leaving && !current.module.leaving()) {
      event.target.value = session.office;
      return;
    }
    chooseOffice(event.target.value);
  });
  window.addEventListener('hashchange', () => { if (!$('shell').hidden) openTab(tabFromHash()); });
  window.addEventListener('beforeunload', event => {
    if (current && current.module.dirty && current.module.dirty()) { event.preventDefault(); event.returnValue = ''; }
  });
  if (!readSession()) {
    showLogin();
    return;
  }
  try {
    const me = await adminApi('/api/v1/auth/me');
    // a token handed over by /admin/reports comes without the session's details
    session.username = session.username || me.username;
    session.role = session.role || me.role;
    saveSession();
    if (me.mustChangePassword) {
      openPassword(true);
      return;
    }
    session.fullName = me.fullName || session.fullName || me.username;
    if (Array.isArray(me.offices) && me.offices.length && session.role !== 'ADMIN') session.offices = me.offices;
    await enter();
  } catch (error) {
    if (error.status !== 401) showLogin(error.message);
  }
}

main();
