// Staff page /book/share?office=..: each field's booking link (for Zalo) and its QR (to print).
// Staff log in as on the counter console; the server builds the links (PUBLIC_URL, else this origin).
import { loadLang, applyText, langSwitch, t } from '../assets/i18n.js';
import { api } from '../assets/api.js';

const AUTH_KEY = 'layso.share.auth';
const $ = id => document.getElementById(id);
let auth = null;

function store() {
  try { return window.sessionStorage; } catch (off) { return null; }
}

function readAuth() {
  const s = store();
  try { return s ? JSON.parse(s.getItem(AUTH_KEY) || 'null') : null; } catch (broken) { return null; }
}

function saveAuth(value) {
  auth = value;
  const s = store();
  if (!s) return;
  try {
    if (value) s.setItem(AUTH_KEY, JSON.stringify(value));
    else s.removeItem(AUTH_KEY);
  } catch (full) { /* kept in memory */ }
}

function notice(id, text) {
  $(id).textContent = text || '';
  $(id).hidden = !text;
}

function el(tag, className, text) {
  const e = document.createElement(tag);
  if (className) e.className = className;
  if (text !== undefined) e.textContent = text;
  return e;
}

function showLogin(message) {
  $('links').hidden = true;
  $('logout').hidden = true;
  $('login').hidden = false;
  notice('login-error', message);
  $('username').focus();
}

async function login(event) {
  event.preventDefault();
  try {
    const answer = await api('/api/v1/auth/login', { method: 'POST',
      body: { username: $('username').value.trim(), password: $('password').value } });
    $('password').value = '';
    saveAuth({ token: answer.token, office: answer.office || null });
    await showLinks();
  } catch (error) {
    notice('login-error', error.message);
  }
}

function officeId() {
  const asked = new URLSearchParams(location.search).get('office');
  return asked || (auth && auth.office) || 'demo';
}

async function copy(text, button) {
  let done = false;
  try {
    if (navigator.clipboard && navigator.clipboard.writeText) {
      await navigator.clipboard.writeText(text);
      done = true;
    }
  } catch (refused) { done = false; }
  button.textContent = done ? t('bookShare.copied') : t('bookShare.copyByHand');
}

function card(office, link) {
  const li = el('li', 'card link');
  li.dataset.service = link.service;
  li.appendChild(el('h2', '', link.name));
  li.appendChild(el('p', 'link-office', office.name));
  const img = el('img');
  img.src = link.qr;
  img.alt = t('bookShare.qrAlt', { service: link.name });
  li.appendChild(img);
  li.appendChild(el('p', 'link-call', t('bookShare.scan')));
  li.appendChild(el('p', 'link-url', link.url));
  const b = el('button', 'btn secondary', t('bookShare.copy'));
  b.type = 'button';
  b.addEventListener('click', () => copy(link.url, b));
  li.appendChild(b);
  return li;
}

async function showLinks() {
  $('login').hidden = true;
  notice('links-error', '');
  let answer;
  try {
    answer = await api('/api/v1/offices/' + encodeURIComponent(officeId()) + '/booking-links', { token: auth.token });
  } catch (error) {
    if (error.status === 401) {
      saveAuth(null);
      showLogin(error.message);
      return;
    }
    $('links').hidden = false;
    notice('links-error', error.message);
    return;
  }
  $('logout').hidden = false;
  $('office-name').textContent = answer.name;
  $('links-title').textContent = t('bookShare.listTitle');
  const list = $('link-list');
  while (list.firstChild) list.removeChild(list.firstChild);
  answer.links.forEach(link => list.appendChild(card(answer, link)));
  $('links').hidden = false;
}

async function main() {
  await loadLang();
  applyText();
  langSwitch(document.querySelector('.lang-switch'));
  document.title = t('bookShare.title');
  $('login').addEventListener('submit', login);
  $('print').addEventListener('click', () => window.print());
  $('logout').addEventListener('click', () => {
    saveAuth(null);
    showLogin('');
  });
  auth = readAuth();
  if (auth && auth.token) await showLinks();
  else showLogin('');
}

main();
